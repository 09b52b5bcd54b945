"""Where a catalogue's samples go: each row's container (an empty one in use, or a barcode not in use yet:
a new jar, or a vial for a split) and its position (the row's Position cell, or the import's place, else
the next free one: near the parent's container, or the first free in storage). Checked row by row when the
file is read (so a dry run names every problem); written with each sample's received event, in the
import's one transaction. A row without a container stays without a place, as before (a catalogue that
does not say which container holds a sample cannot be guessed at: its samples are put away later)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal
from curator.identifiers import clean_code
from curator.storage.models import Container, Location, Sample
from curator.vocabulary import ContainerKind, LocationKind


class BadPlace(ValueError):
    """Why a row's container or position cannot be: the row's error in the import's list (never a refusal
    on its own: a catalogue's bad rows are reported together), with the code the desk says it by."""

    def __init__(self, message: str, refusal: Refusal, **params: object) -> None:
        super().__init__(message)
        self.code, self.params = refusal, params


@dataclass(frozen=True)
class _Held:
    barcode: str
    kind: str
    retired: bool
    #: The sample it holds ("" when empty).
    holds: str
    #: The path of the position it stands in ("" when nowhere).
    at: str


class PlaceChecker:
    """The containers and positions of the database, and those the file has named so far."""

    def __init__(self, session: Session) -> None:
        holding = {container_id: number for container_id, number in session.execute(
            select(Sample.container_id, Sample.number).where(Sample.container_id.is_not(None)))}
        locations = list(session.execute(select(Location)).scalars())
        path_of = {location.id: location.path for location in locations}
        self.containers = {container.barcode.upper(): _Held(
            container.barcode, container.kind, container.retired, holding.get(container.id, ""),
            path_of.get(container.location_id or 0, "")) for container in session.execute(select(Container)).scalars()}
        #: Locations by path and by barcode (upper case, as scanned): (path, kind, retired).
        self.locations: dict[str, tuple[str, str, bool]] = {}
        for location in locations:
            entry = (location.path, location.kind, location.retired)
            self.locations[location.path.upper()] = entry
            if location.barcode:
                self.locations[location.barcode.upper()] = entry
        #: Positions taken: path -> the container standing there (or named for it by a row of the file).
        self.taken = {held.at: held.barcode for held in self.containers.values() if held.at}
        self.named: dict[str, int] = {}  # container barcode (upper) -> the row that named it

    def check(self, row: int, container: str | None, position: str | None) -> tuple[str | None, str | None]:
        """The row's container barcode and position (a path, as stored), or BadPlace naming the problem (and
        ValidationError for a malformed barcode)."""
        if position and not container:
            raise BadPlace("a position needs a container (Container column)", Refusal.POSITION_NEEDS_CONTAINER)
        if not container:
            return None, None
        held = self.containers.get(container.upper())
        barcode = held.barcode if held else clean_code(container, "container barcode")
        box = held is not None and held.kind == ContainerKind.BOX
        if held is not None and held.retired:
            raise BadPlace(f"container {barcode} is retired", Refusal.CONTAINER_RETIRED, barcode=barcode)
        if held is not None and held.holds and not box:
            raise BadPlace(f"{held.kind} {barcode} already holds {held.holds}: one sample per container, unless it is "
                           "a box", Refusal.CONTAINER_FULL, kind=held.kind, barcode=barcode, number=held.holds)
        if barcode.upper() in self.named and not box:
            first = self.named[barcode.upper()]
            raise BadPlace(f"container {barcode} is also on row {first}: one sample per container, unless it is a "
                           "box", Refusal.CONTAINER_TWICE, barcode=barcode, first=first)
        self.named.setdefault(barcode.upper(), row)
        if not position:
            return barcode, None
        found = self.locations.get(position.strip().upper())
        if found is None:
            raise BadPlace(f"no location {position!r} (give its path or scan its barcode)", Refusal.UNKNOWN_LOCATION,
                           code=position)
        path, kind, retired = found
        if retired:
            raise BadPlace(f"{path} is retired: nothing new goes into it", Refusal.LOCATION_RETIRED, path=path)
        if kind == LocationKind.POSITION:
            there = self.taken.setdefault(path, barcode)
            if there != barcode:
                raise BadPlace(f"position {path} already holds container {there}", Refusal.POSITION_TAKEN,
                               position=path, barcode=there)
        return barcode, path
