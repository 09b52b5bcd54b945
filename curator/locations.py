"""Storage locations: add (with a grid of positions), rename and retire rooms, cabinets, shelves and
racks, each with a barcode; all as directory facts (curator/facts.py), so `verify` proves the table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.facts import amend, register
from curator.grids import Grid, parse_grid
from curator.identifiers import clean_code, clean_location_name, require_free_code
from curator.numbering import next_numbered
from curator.operators import find_operator
from curator.placement import below, find_location
from curator.storage.db import Database
from curator.storage.models import Container, Location, Operator
from curator.vocabulary import GRID_KINDS, Atmosphere, GridNaming, LocationKind, choices

#: Barcodes given to locations added without one: "LOC-000001", ...
BARCODE_PREFIX = "LOC-"
BARCODE_WIDTH = 6
#: What people type for a kind, beside its stored word ("glove box", "nitrogen-cabinet", "glovebox").
_KIND_WORDS = {"glovebox": LocationKind.GLOVE_BOX, "n2_cabinet": LocationKind.NITROGEN_CABINET}
#: A kind whose atmosphere goes without saying.
_DEFAULT_ATMOSPHERE = {LocationKind.NITROGEN_CABINET: Atmosphere.NITROGEN}


def location_kind(text: str) -> LocationKind:
    word = "_".join(text.strip().lower().replace("-", " ").split())
    if word in _KIND_WORDS:
        return _KIND_WORDS[word]
    if word not in list(LocationKind):
        raise ValidationError(f"unknown location kind {text!r} (use one of {choices(LocationKind)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": text, "known": choices(LocationKind)})
    return LocationKind(word)


def _check_nesting(kind: LocationKind, parent: Location | None) -> None:
    if parent is None:
        if kind != LocationKind.FACILITY:
            raise ValidationError(f"a {kind} must be inside another location", code=Refusal.LOCATION_NEEDS_PARENT,
                                  params={"kind": kind})
        return
    if parent.retired:
        raise RuleViolation(f"{parent.path} is retired: nothing new goes into it", code=Refusal.LOCATION_RETIRED,
                            params={"path": parent.path})
    if kind.level <= LocationKind(parent.kind).level:
        raise ValidationError(f"a {kind} cannot be inside a {parent.kind}", code=Refusal.LOCATION_NESTING,
                              params={"kind": kind, "parent_kind": parent.kind})


def _barcodes(session: Session, given: str | None, count: int) -> list[str]:
    """The barcode given (for the first location) and numbered ones for the rest, none used anywhere."""
    first = [clean_code(given, "barcode")] if given and given.strip() else []
    numbered = next_numbered(session, Location.barcode, BARCODE_PREFIX, count - len(first), BARCODE_WIDTH) \
        if count > len(first) else []
    codes = first + numbered
    require_free_code(session, *codes, what="barcode")
    return codes


def add_location(db: Database, operator: str, parent: str | None, kind: str, name: str, atmosphere: str = "",
                 at: datetime | None = None, *, grid: str | Grid | None = None,
                 naming: str = GridNaming.LETTERS, barcode: str | None = None) -> str:
    """Add a location under ``parent`` (a path or barcode; None for a facility) and, with ``grid``
    ("4x6"), its positions (A1..D6, or P01..P24 when ``naming`` is numbers); returns its path."""
    found_kind = location_kind(kind)
    if atmosphere not in list(Atmosphere):
        raise ValidationError(f"unknown atmosphere {atmosphere!r} (use one of {choices(Atmosphere)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": atmosphere, "known": choices(Atmosphere)})
    name = clean_location_name(name)
    layout = parse_grid(grid, naming) if isinstance(grid, str) else grid
    if layout is not None and found_kind not in GRID_KINDS:
        raise ValidationError(f"a {found_kind} holds no grid of positions (shelves, racks and cabinets do)",
                              code=Refusal.NO_GRID_HERE, params={"kind": found_kind})
    with db.write() as session:
        signer = find_operator(session, operator)
        holder = find_location(session, parent) if parent else None
        _check_nesting(found_kind, holder)
        path = f"{holder.path} / {name}" if holder else name
        require_free_code(session, path, what="location path")
        codes = iter(_barcodes(session, barcode, 1 + (layout.size if layout else 0)))
        row = Location(parent_id=holder.id if holder else None, kind=found_kind, name=name, path=path,
                       atmosphere=atmosphere or _DEFAULT_ATMOSPHERE.get(found_kind) or
                       (holder.atmosphere if holder else ""), barcode=next(codes),
                       grid_rows=layout.rows if layout else None, grid_columns=layout.columns if layout else None,
                       grid_naming=layout.naming if layout else "", retired=False)
        register(session, signer, row, at=at)
        for position in layout.names() if layout else []:
            _add_position(session, signer, row, position, next(codes), at)
    return path


def _add_position(session: Session, signer: Operator, holder: Location, name: str, barcode: str,
                  at: datetime | None) -> None:
    path = f"{holder.path} / {name}"
    require_free_code(session, path, what="location path")
    register(session, signer, Location(parent_id=holder.id, kind=LocationKind.POSITION, name=name, path=path,
                                       atmosphere=holder.atmosphere, barcode=barcode, grid_naming="",
                                       retired=False), at=at)


def rename_location(db: Database, operator: str, code: str, new_name: str, at: datetime | None = None) -> str:
    """Give a location a new name; its path and every path below it follow. Returns the new path."""
    name = clean_location_name(new_name)
    with db.write() as session:
        signer = find_operator(session, operator)
        row = find_location(session, code)
        old = row.path
        parent = session.get(Location, row.parent_id) if row.parent_id else None
        path = f"{parent.path} / {name}" if parent else name
        if path == old:
            return path
        if path.upper() != old.upper():
            require_free_code(session, path, what="location path")
        descendants = list(session.execute(select(Location).where(below(old)).order_by(Location.path)).scalars())
        amend(session, signer, row, at=at, name=name, path=path)
        for inner in descendants:
            amend(session, signer, inner, at=at, path=path + inner.path[len(old):])
        return path


def retire_location(db: Database, operator: str, code: str, at: datetime | None = None) -> str:
    """Take an empty location (and everything below it) out of use; returns its path. Refused while a
    container stands in it or anywhere below it, naming that container."""
    with db.write() as session:
        signer = find_operator(session, operator)
        row = find_location(session, code)
        if row.retired:
            raise ValidationError(f"{row.path} is already retired", code=Refusal.ALREADY_RETIRED,
                                  params={"what": row.path})
        inside = list(session.execute(select(Location).where(below(row.path), Location.retired.is_(False))
                                      .order_by(Location.path)).scalars())
        ids = [row.id, *(location.id for location in inside)]
        standing = session.execute(select(Container.barcode, Location.path).join(Location, Container.location_id ==
                                   Location.id).where(Container.location_id.in_(ids)).order_by(Location.path)).all()
        if standing:
            more = f" and {len(standing) - 1} more" if len(standing) > 1 else ""
            raise RuleViolation(f"{row.path} is not empty: container {standing[0][0]} stands at {standing[0][1]}"
                                f"{more}; move them out first", code=Refusal.LOCATION_NOT_EMPTY,
                                params={"path": row.path, "barcode": standing[0][0], "position": standing[0][1],
                                        "count": len(standing)})
        amend(session, signer, row, at=at, retired=True)
        for location in inside:
            amend(session, signer, location, at=at, retired=True)
        return row.path
