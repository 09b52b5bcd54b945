"""Stocktake: every container found in a location is scanned, and the scans are compared with the
containers the database places there (expected / found / unexpected / missing). The outcome is recorded
as a ``stocktake`` event on the location, so the chain says when the shelf was last counted and by whom."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from curator.errors import Refusal, ValidationError
from curator.events import append_event
from curator.identifiers import lookup_key
from curator.operators import find_operator
from curator.placement import below, find_location
from curator.storage.db import Database
from curator.storage.models import Container, Location, Sample
from curator.vocabulary import EventKind

#: A scanner's file: one code a line (a CSV's first column); larger files are not a scanner's.
MAX_SCAN_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class ContentLine:
    """One container the database places in the location: where, and what it holds."""

    barcode: str
    position: str
    kind: str
    samples: tuple[str, ...]
    mass_ug: int


@dataclass(frozen=True)
class Stocktake:
    location: str
    expected: tuple[ContentLine, ...]
    scanned: tuple[str, ...] = ()
    #: Scanned codes that name a known container placed elsewhere: code -> where the database has it.
    elsewhere: dict[str, str] = field(default_factory=dict)

    @property
    def expected_codes(self) -> list[str]:
        return [line.barcode for line in self.expected]

    @property
    def found(self) -> list[str]:
        scanned = {code.upper() for code in self.scanned}
        return [code for code in self.expected_codes if code.upper() in scanned]

    @property
    def missing(self) -> list[str]:
        scanned = {code.upper() for code in self.scanned}
        return [code for code in self.expected_codes if code.upper() not in scanned]

    @property
    def unexpected(self) -> list[str]:
        expected = {code.upper() for code in self.expected_codes}
        return [code for code in self.scanned if code.upper() not in expected]


def _content(session: Session, location: Location) -> tuple[ContentLine, ...]:
    rows = session.execute(
        select(Container.barcode, Location.path, Container.kind, func.coalesce(func.sum(Sample.mass_ug), 0))
        .join(Location, Container.location_id == Location.id)
        .outerjoin(Sample, Sample.container_id == Container.id)
        .where(or_(Location.id == location.id, below(location.path)))
        .group_by(Container.id, Container.barcode, Location.path, Container.kind)
        .order_by(Location.path, Container.barcode)).all()
    inside: dict[str, list[str]] = {}
    for barcode, number in session.execute(
            select(Container.barcode, Sample.number).join(Sample, Sample.container_id == Container.id)
            .where(Container.barcode.in_([row[0] for row in rows])).order_by(Sample.number)):
        inside.setdefault(barcode, []).append(number)
    return tuple(ContentLine(barcode, path, kind, tuple(inside.get(barcode, ())), int(mass))
                 for barcode, path, kind, mass in rows)


def _clean_scans(codes: Iterable[str]) -> tuple[str, ...]:
    """The scanned codes, cleaned, each once (in the order first scanned)."""
    seen: dict[str, str] = {}
    for code in codes:
        key = lookup_key(code)
        if key and key.upper() not in seen:
            seen[key.upper()] = key
    return tuple(seen.values())


def _elsewhere(session: Session, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    wanted = {code.upper(): code for code in codes}
    rows = session.execute(select(Container.barcode, Location.path)
                           .outerjoin(Location, Container.location_id == Location.id)
                           .where(func.upper(Container.barcode).in_(list(wanted))))
    return {wanted[barcode.upper()]: path or "" for barcode, path in rows}


def _as_containers(session: Session, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Each scan as the container it counts: a container's barcode as it is; a sample's label (its number)
    as the container the sample is in; a location's label (a position scanned on the way) left out; an
    unknown code kept, to be reported."""
    wanted = list({code.upper() for code in codes})
    if not wanted:
        return ()
    containers = set(session.execute(select(func.upper(Container.barcode))
                                     .where(func.upper(Container.barcode).in_(wanted))).scalars())
    holders = {number: barcode for number, barcode in session.execute(
        select(func.upper(Sample.number), Container.barcode).join(Container, Sample.container_id == Container.id)
        .where(func.upper(Sample.number).in_(wanted)))}
    places = set(session.execute(select(func.upper(Location.barcode))
                                 .where(func.upper(Location.barcode).in_(wanted))).scalars())
    counted = [code if code.upper() in containers or code.upper() not in holders else holders[code.upper()]
               for code in codes if code.upper() in containers or code.upper() not in places]
    return _clean_scans(counted)


def _take(session: Session, location: str, scanned: Iterable[str]) -> tuple[Location, Stocktake]:
    place = find_location(session, location)
    counted = Stocktake(place.path, _content(session, place), _as_containers(session, _clean_scans(scanned)))
    return place, Stocktake(counted.location, counted.expected, counted.scanned,
                            _elsewhere(session, counted.unexpected))


def compare(db: Database, location: str, scanned: Iterable[str] = ()) -> Stocktake:
    """What the database places in ``location`` (path or barcode), compared with the codes scanned so far."""
    with db.read() as session:
        return _take(session, location, scanned)[1]


def record_stocktake(db: Database, operator: str, location: str, scanned: Iterable[str],
                     at: datetime | None = None) -> tuple[int, Stocktake]:
    """Record the stocktake of ``location`` as an event on it; returns the event id and the comparison."""
    with db.write() as session:
        signer = find_operator(session, operator)
        place, taken = _take(session, location, scanned)
        details = {"expected": len(taken.expected), "found": taken.found, "missing": taken.missing,
                   "unexpected": taken.unexpected}
        event = append_event(session, EventKind.STOCKTAKE, signer, at=at, to_location_id=place.id, details=details)
        return event.id, taken


def read_scanned_file(path: str | Path) -> list[str]:
    """The codes in a scanner's file: one a line (the first column of a CSV line), blank lines skipped."""
    return [row[0] for row in read_scanned_rows(path)]


def read_scanned_rows(path: str | Path) -> list[list[str]]:
    """The lines of a scanner's file, each split into its fields at commas and tabs, blank lines skipped."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SCAN_FILE_BYTES:
            raise ValidationError(f"{path.name} is larger than a scanner's file "
                                  f"({MAX_SCAN_FILE_BYTES // 1024 // 1024} MB)", code=Refusal.FILE_TOO_LARGE,
                                  params={"name": path.name, "mb": MAX_SCAN_FILE_BYTES // 1024 // 1024})
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not UTF-8 text (a scanner's file holds one code a line)",
                              code=Refusal.SCAN_FILE_NOT_TEXT, params={"name": path.name}) from None
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or exc}", code=Refusal.CANNOT_READ,
                              params={"path": path, "detail": exc.strerror or exc}) from None
    return [[field.strip().strip('"') for field in re.split(r"[,\t]", line)] for line in text.splitlines()
            if line.strip()]
