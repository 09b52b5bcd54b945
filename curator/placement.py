"""Where a container may stand and what a container may hold: the placement rules, in one place.

- A container stands in a position; a position holds at most one container. Placing into a taken
  position is refused naming what is there.
- Naming a shelf, rack or cabinet (or a room) instead of a position means its next free position:
  grid order (A1, A2, ... or P01, P02, ...) on each holder, holders in their natural name order.
- One container holds one sample, unless it is a box (of thin sections).
- Retired locations and containers take nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, Refusal, RuleViolation
from curator.grids import Grid
from curator.identifiers import lookup_key
from curator.storage.models import Container, Event, Location, Sample
from curator.vocabulary import ContainerKind, EventKind, GridNaming, LocationKind


def natural_key(text: str) -> tuple[object, ...]:
    """Sorts "Shelf 2" before "Shelf 10" and "P9" before "P10"."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def below(path: str) -> ColumnElement[bool]:
    """Locations strictly below the location at ``path``."""
    return Location.path.like(escape_like(path) + " / %", escape="\\")


def find_location(session: Session, code: str) -> Location:
    """A location by its path, or by its barcode in any case (as a scanner types it)."""
    key = lookup_key(code)
    found = session.execute(select(Location).where(Location.path == key)).scalar_one_or_none()
    if found is None and key:
        found = session.execute(select(Location).where(func.upper(Location.barcode) == key.upper())
                                ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"no location {key!r} (give its path or scan its barcode)", code=Refusal.UNKNOWN_LOCATION,
                            params={"code": key})
    return found


def grid_of(location: Location) -> Grid | None:
    if not location.grid_rows or not location.grid_columns:
        return None
    return Grid(location.grid_rows, location.grid_columns, GridNaming(location.grid_naming or GridNaming.LETTERS))


def position_order(holder: Location | None, position: Location) -> tuple[object, ...]:
    """A position's place in its holder: grid cells in reading order, then any others by name."""
    grid = grid_of(holder) if holder is not None else None
    cell = grid.cell(position.name) if grid is not None else None
    return (0, *cell) if cell is not None else (1, *natural_key(position.name))


def positions_below(session: Session, location: Location, *, include_retired: bool = False) -> list[Location]:
    """Every position at or below ``location``, in the order the next free one is chosen."""
    if location.kind == LocationKind.POSITION:
        return [location]
    query = select(Location).where(Location.kind == LocationKind.POSITION, below(location.path))
    if not include_retired:
        query = query.where(Location.retired.is_(False))
    positions = list(session.execute(query).scalars())
    holders = {holder.id: holder for holder in session.execute(
        select(Location).where(Location.id.in_({p.parent_id for p in positions}))).scalars()}

    def order(position: Location) -> tuple[object, ...]:
        holder = holders.get(position.parent_id) if position.parent_id else None
        return (natural_key(holder.path) if holder else (), position_order(holder, position))

    return sorted(positions, key=order)


def holders_at(session: Session, positions: Iterable[Location]) -> dict[int, Container]:
    """The container standing in each of ``positions`` that holds one (by position id)."""
    ids = [position.id for position in positions]
    found = session.execute(select(Container).where(Container.location_id.in_(ids))).scalars()
    return {container.location_id: container for container in found if container.location_id is not None}


def free_positions(session: Session, location: Location, atmosphere: str | None = None) -> list[Location]:
    """The free positions at or below ``location`` in the order they are chosen (only those under
    ``atmosphere`` when it is given)."""
    positions = positions_below(session, location)
    if atmosphere is not None:
        positions = [position for position in positions if position.atmosphere == atmosphere]
    taken = holders_at(session, positions)
    return [position for position in positions if position.id not in taken]


def next_free_position(session: Session, location: Location) -> Location | None:
    """The first free position at or below ``location`` (None when every one is taken)."""
    return next(iter(free_positions(session, location)), None)


def what_is_in(session: Session, container: Container) -> str:
    """"container LSL-00012 (vial, holding CE5...-01)": a container as a refusal names it."""
    numbers = list(session.execute(select(Sample.number).where(Sample.container_id == container.id)
                                   .order_by(Sample.number)).scalars())
    holding = f"holding {', '.join(numbers)}" if numbers else "empty"
    return f"container {container.barcode} ({container.kind}, {holding})"


def require_free_position(session: Session, position: Location, barcode: str | None = None) -> Location:
    """``position`` itself, when a container (``barcode``, if it has one yet) may stand in it."""
    if position.kind != LocationKind.POSITION:
        raise RuleViolation(f"{position.path} is a {position.kind}: containers stand in positions only",
                            code=Refusal.NOT_A_POSITION, params={"path": position.path, "kind": position.kind})
    if position.retired:
        raise RuleViolation(f"position {position.path} is retired", code=Refusal.LOCATION_RETIRED,
                            params={"path": position.path})
    holder = session.execute(select(Container).where(Container.location_id == position.id)).scalar_one_or_none()
    if holder is not None and holder.barcode != barcode:
        raise RuleViolation(f"position {position.path} already holds {what_is_in(session, holder)}",
                            code=Refusal.POSITION_TAKEN, params={"position": position.path, "barcode": holder.barcode})
    return position


def choose_position(session: Session, code: str, barcode: str | None = None,
                    taken: Collection[int] = ()) -> Location:
    """Where a container goes when the operator names ``code``: that position if free (else refused
    naming what is there), or the next free position of the shelf, rack, cabinet or room named.
    ``taken``: ids of positions already given to other containers placed in the same step."""
    location = find_location(session, code)
    if location.kind == LocationKind.POSITION:
        position = require_free_position(session, location, barcode)
        if position.id in taken:
            raise RuleViolation(f"position {position.path} is already chosen for another split",
                                code=Refusal.POSITION_CHOSEN, params={"position": position.path})
        return position
    if location.retired:
        raise RuleViolation(f"{location.path} is retired", code=Refusal.LOCATION_RETIRED,
                            params={"path": location.path})
    free = next((position for position in free_positions(session, location) if position.id not in taken), None)
    if free is None:
        raise RuleViolation(f"{location.path} has no free position", code=Refusal.NO_FREE_POSITION,
                            params={"path": location.path})
    return free


def free_positions_near(session: Session, location: Location | None, count: int = 1) -> list[Location]:
    """Up to ``count`` free positions as close to ``location`` as there are: below its holder (the shelf a
    position is on), else below that holder's holder, and so on up to the facility. Same atmosphere
    first: material kept under nitrogen stays under nitrogen while any position under nitrogen is free,
    however far; only then the nearest free position under another atmosphere."""
    holders: list[Location] = [] if location is not None else facilities(session)  # near nothing: anywhere
    holder = session.get(Location, location.parent_id) if location is not None and location.parent_id else None
    while holder is not None:
        if not holder.retired:
            holders.append(holder)
        holder = session.get(Location, holder.parent_id) if holder.parent_id else None
    atmospheres = [location.atmosphere, None] if location is not None and location.atmosphere else [None]
    found: dict[int, Location] = {}
    for atmosphere in atmospheres:
        for holder in holders:
            for position in free_positions(session, holder, atmosphere):
                found.setdefault(position.id, position)
                if len(found) == count:
                    return list(found.values())
    return list(found.values())


def facilities(session: Session) -> list[Location]:
    """The locations at the top (facilities) still in use, in their natural name order."""
    tops = session.execute(select(Location).where(Location.parent_id.is_(None), Location.retired.is_(False)))
    return sorted(tops.scalars(), key=lambda top: natural_key(top.name))


def no_place_for(session: Session, barcode: str, near: Location | None) -> RuleViolation:
    """The refusal when a container (new, or coming back) finds no free position near ``near``: it names
    what is full (the facility searched, up from ``near``; every facility when near nothing)."""
    top = near
    while top is not None and top.parent_id is not None:
        top = session.get(Location, top.parent_id)
    where = top.path if top is not None else ", ".join(found.path for found in facilities(session)) or "storage"
    return RuleViolation(f"no free position for {barcode}: {where} is full; say where it goes",
                         code=Refusal.NO_PLACE_FOR, params={"barcode": barcode, "where": where})


def free_position_near(session: Session, location: Location | None) -> Location | None:
    """The free position nearest ``location``, same atmosphere first (see ``free_positions_near``)."""
    return next(iter(free_positions_near(session, location)), None)


def home_for_return(session: Session, sample: Sample, allocation_id: int, position: str | None,
                    taken: Collection[int] = ()) -> Location | None:
    """Where a returning split's container goes: ``position`` (chosen), else the position it left from if
    still free, else the free position nearest it (same atmosphere first; anywhere when it left from
    none). None when it has no container or still stands somewhere; refused, naming what is full, when
    no position is free. ``taken``: positions given to other splits returned in the same step."""
    container = sample.container
    if container is None or container.location_id is not None:
        return None
    if position:
        return choose_position(session, position, container.barcode, taken)
    origin = left_from(session, sample, allocation_id)
    if origin is not None and origin.kind == LocationKind.POSITION and not origin.retired and \
            origin.id not in taken and \
            session.execute(select(Container.id).where(Container.location_id == origin.id)).first() is None:
        return origin
    home = next((free for free in free_positions_near(session, origin, len(taken) + 1) if free.id not in taken), None)
    if home is None:
        raise no_place_for(session, container.barcode, origin)
    return home


def left_from(session: Session, sample: Sample, allocation_id: int) -> Location | None:
    """Where the split's container stood when it was handed over under the loan (None: nowhere)."""
    left = session.execute(select(Event.from_location_id).where(
        Event.sample_id == sample.id, Event.allocation_id == allocation_id, Event.kind == EventKind.HANDED_OVER)
        .order_by(Event.id.desc()).limit(1)).scalar_one_or_none()
    return session.get(Location, left) if left else None


def require_room_for_sample(session: Session, container: Container, sample: Sample | None = None) -> None:
    """One container holds one sample, unless it is a box; a retired container holds none."""
    if container.retired:
        raise RuleViolation(f"container {container.barcode} is retired", code=Refusal.CONTAINER_RETIRED,
                            params={"barcode": container.barcode})
    if container.kind == ContainerKind.BOX:
        return
    others = select(Sample.number).where(Sample.container_id == container.id)
    if sample is not None and sample.id is not None:
        others = others.where(Sample.id != sample.id)
    inside = session.execute(others.limit(1)).scalar_one_or_none()
    if inside is not None:
        raise RuleViolation(f"{container.kind} {container.barcode} already holds {inside}: one sample per "
                            "container, unless it is a box", code=Refusal.CONTAINER_FULL,
                            params={"kind": container.kind, "barcode": container.barcode, "number": inside})

