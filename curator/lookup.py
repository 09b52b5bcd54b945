"""Finding records by the codes people type or scan: sample numbers, barcodes, location paths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import SQLColumnExpression, func, select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, Refusal
from curator.identifiers import lookup_key
from curator.storage.models import Allocation, Base, Container, Institution, Location, Mission, Sample

Record = TypeVar("Record", bound=Base)


def _one(session: Session, model: type[Record], column: SQLColumnExpression[str], value: str, what: str) -> Record:
    found = session.execute(select(model).where(column == value)).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"no {what} {value!r}", code=Refusal.NOT_FOUND, params={"what": what, "value": value})
    return found


def _scanned(session: Session, code: str, *targets: tuple[type, Any]) -> Any:
    """The record of the first of ``targets`` (model, code column) whose code is ``code``, ignoring case
    (sample numbers and barcodes are case-insensitive): the exact code first, then in upper case (both
    use the index), then in any case."""
    for matches in (lambda column: column == code, lambda column: column == code.upper(),
                    lambda column: func.upper(column) == func.upper(code)):
        for model, column in targets:
            found: Sequence[Any] = session.execute(select(model).where(matches(column)).limit(2)).scalars().all()
            if len(found) == 1:
                return found[0]
    return None


def get_sample(session: Session, number: str) -> Sample:
    found = _scanned(session, lookup_key(number), (Sample, Sample.number))
    if found is None:
        raise NotFoundError(f"no sample {lookup_key(number)!r}", code=Refusal.UNKNOWN_SAMPLE,
                            params={"code": lookup_key(number)})
    return found


def get_container(session: Session, barcode: str) -> Container:
    found = _scanned(session, lookup_key(barcode), (Container, Container.barcode))
    if found is None:
        raise NotFoundError(f"no container with barcode {lookup_key(barcode)!r}", code=Refusal.UNKNOWN_CONTAINER,
                            params={"code": lookup_key(barcode)})
    return found


def get_location(session: Session, path: str) -> Location:
    return _one(session, Location, Location.path, lookup_key(path), "location")


def get_mission(session: Session, code: str) -> Mission:
    return _one(session, Mission, func.upper(Mission.code), code.strip().upper().replace("-", ""), "mission")


def get_institution(session: Session, name: str) -> Institution:
    return _one(session, Institution, Institution.name, name.strip(), "institution")


def get_allocation(session: Session, reference: str) -> Allocation:
    return _one(session, Allocation, Allocation.reference, reference.strip(), "allocation")


def find_code(session: Session, code: str) -> Sample | Container:
    """What a scanned or typed code names: a sample number first, then a container barcode."""
    code = lookup_key(code)
    if not code:
        raise NotFoundError("nothing was scanned", code=Refusal.NOTHING_SCANNED)
    found = _scanned(session, code, (Sample, Sample.number), (Container, Container.barcode))
    if found is not None:
        return found
    raise NotFoundError(f"unknown code {code!r}: no sample or container has it", code=Refusal.UNKNOWN_CODE,
                        params={"code": code})


def find_scanned(session: Session, code: str) -> Sample | Container | Location:
    """What a scanned code names, locations included: a sample number, a container barcode, then a
    location's barcode (or its path)."""
    try:
        return find_code(session, code)
    except NotFoundError:
        key = lookup_key(code)
        found = _scanned(session, key, (Location, Location.barcode)) or session.execute(
            select(Location).where(Location.path == key)).scalar_one_or_none()
        if found is None:
            raise NotFoundError(f"unknown code {key!r}: no sample, container or location has it",
                                code=Refusal.UNKNOWN_SCAN, params={"code": key}) from None
        return found
