"""Where new or returning material goes: a container (an empty one in use, or a new one made for a barcode
not in use yet) and a position for it (chosen, or the free one nearest the material, same atmosphere
first), given in the same transaction as the split, receipt or import that brings the material.

The write side (``house``) runs inside a service's transaction; the read side answers the desk's
dialogs as the operator scans (which container a barcode gives, which position a scan names, which
positions are offered by default)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from curator.containers import new_container
from curator.errors import CuratorError, NotFoundError
from curator.events import append_event
from curator.identifiers import clean_code, require_free_code
from curator.lookup import get_allocation, get_container, get_sample
from curator.placement import (
    choose_position,
    free_positions_near,
    home_for_return,
    left_from,
    no_place_for,
    require_room_for_sample,
)
from curator.storage.db import Database
from curator.storage.models import Container, Location, Operator
from curator.vocabulary import ContainerKind, EventKind


@dataclass(frozen=True)
class ContainerChoice:
    """What a scanned or typed barcode gives new material."""

    barcode: str
    #: True: no container has that barcode yet; a new one is made with it.
    new: bool
    #: Where the (existing) container stands ("" when nowhere, or new).
    position: str = ""


def house(session: Session, signer: Operator, code: str, kind: ContainerKind, position: str | None,
          near: Location | None, what: str, at: datetime | None = None, *, fallback: str | None = None,
          place_unplaced: bool = True) -> Container:
    """The container ``code`` names, with a place, ready to take new material (``what``: for the note of a
    move it makes).

    An empty container in use is taken as it is; moved (a "moved" event) when ``position`` names
    another place, or placed when it stands nowhere (unless ``place_unplaced`` is False: a receipt leaves
    a container in use where it is). A barcode not in use yet makes a new container of ``kind``. The
    place: ``position`` (a position, or a shelf, rack or cabinet: its next free one), else where the
    container stands, else ``fallback`` (a place named for every row of an import), else the free position
    nearest ``near`` (same atmosphere first; anywhere when near nothing)."""
    try:
        container: Container | None = get_container(session, code)
    except NotFoundError:
        container = None
    barcode = container.barcode if container is not None else clean_code(code, "barcode")
    if container is not None:
        require_room_for_sample(session, container)
    else:
        require_free_code(session, barcode, what="barcode")
    if position:
        target: Location | None = choose_position(session, position, barcode)
    elif container is not None and (container.location_id is not None or not place_unplaced):
        return container
    elif fallback:
        target = choose_position(session, fallback, barcode)
    else:
        target = next(iter(free_positions_near(session, near)), None)
    if target is None:
        raise no_place_for(session, barcode, near)
    if container is None:
        return new_container(session, signer, barcode, kind, target, at)
    if container.location_id != target.id:
        append_event(session, EventKind.MOVED, signer, at=at, container_id=container.id,
                     from_location_id=container.location_id, to_location_id=target.id,
                     note=f"to take {what}")
        container.location_id = target.id
    return container


def container_for_new_material(db: Database, code: str) -> ContainerChoice:
    """What ``code`` gives new material: an empty container in use (refused when it holds a sample unless
    a box, or is retired), or, for a barcode not in use yet, a new container."""
    with db.read() as session:
        try:
            container = get_container(session, code)
        except NotFoundError:
            barcode = clean_code(code, "barcode")
            require_free_code(session, barcode, what="barcode")
            return ContainerChoice(barcode, new=True)
        require_room_for_sample(session, container)
        return ContainerChoice(container.barcode, new=False,
                               position=container.location.path if container.location else "")


def position_for_new_material(db: Database, code: str, barcode: str | None = None) -> str:
    """The path of the free position ``code`` names (its path, or its barcode as scanned), or the next free
    one of the shelf, rack or cabinet it names; refused naming what stands in a taken one."""
    with db.read() as session:
        return choose_position(session, code, barcode).path


def offered_positions(db: Database, number: str, count: int) -> list[str]:
    """Paths of up to ``count`` free positions nearest sample ``number``'s container (same atmosphere
    first): where its new splits go unless the operator says otherwise."""
    with db.read() as session:
        sample = get_sample(session, number)
        near = sample.container.location if sample.container else None
        return [position.path for position in free_positions_near(session, near, count)]


def offered_for_receipt(db: Database) -> str:
    """The path of the position a received sample's new container takes unless another is named: the first
    free one in storage ("" when none is free)."""
    with db.read() as session:
        return next((position.path for position in free_positions_near(session, None, 1)), "")


def home_on_return(db: Database, reference: str, number: str) -> tuple[str, str]:
    """The barcode of split ``number``'s container and the path of the position it goes back to when it
    returns from loan ``reference`` without one named (curator.placement.home_for_return): ("", "") when
    it has no container, the path "" when it still stands somewhere; refused, naming what is full, when
    no position is free."""
    with db.read() as session:
        sample = get_sample(session, number)
        if sample.container is None:
            return "", ""
        home = home_for_return(session, sample, get_allocation(session, reference).id, None)
        return sample.container.barcode, home.path if home else ""


@dataclass(frozen=True)
class ReturnHome:
    """Where a split returned with others goes back: its container's barcode ("" when it has none), the
    position's path ("" when it has no container or still stands somewhere), or why it has none."""

    barcode: str
    path: str = ""
    problem: CuratorError | None = None


def homes_on_return(db: Database, reference: str, positions: Mapping[str, str | None]) -> dict[str, ReturnHome]:
    """Where each split (number: the position named for it, None for its default place) goes back when
    they return from loan ``reference`` together, as curator.loan_sessions.record_returns places them
    (``return_homes``)."""
    with db.read() as session:
        homes = return_homes(session, get_allocation(session, reference).id, positions)
        found = {}
        for number, home in homes.items():
            container = get_sample(session, number).container
            found[number] = ReturnHome(container.barcode if container else "",
                                       home.path if isinstance(home, Location) else "",
                                       home if isinstance(home, CuratorError) else None)
        return found


def return_homes(session: Session, allocation_id: int, positions: Mapping[str, str | None]
                 ) -> dict[str, Location | CuratorError | None]:
    """Where each split (number: the position named for it, or None) returned together goes back
    (curator.placement.home_for_return), no two given one position: first the splits named a position,
    then those going back to the position they left from (still free), then the others, each to the free
    position nearest it. None: no container, or it still stands somewhere; a refusal: why it has no place."""
    samples = {number: get_sample(session, number) for number in positions}
    homes: dict[str, Location | CuratorError | None] = {}
    taken: set[int] = set()

    def home_of(number: str) -> Location | CuratorError | None:
        try:
            return home_for_return(session, samples[number], allocation_id, positions[number], taken)
        except CuratorError as exc:
            return exc

    def settle(number: str, home: Location | CuratorError | None) -> None:
        homes[number] = home
        if isinstance(home, Location):
            taken.add(home.id)

    for number, position in positions.items():
        if position:
            settle(number, home_of(number))
    for number in positions:
        if number not in homes:
            home = home_of(number)
            if home is None or home == left_from(session, samples[number], allocation_id):
                settle(number, home)
    for number in positions:
        if number not in homes:
            settle(number, home_of(number))
    return {number: homes[number] for number in positions}
