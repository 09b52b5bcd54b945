"""Finding records by the codes people type or scan: sample numbers, barcodes, location paths."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError
from curator.models import Allocation, Container, Institution, Location, Mission, Sample


def _one(session: Session, model: type, column: object, value: str, what: str):  # type: ignore[no-untyped-def]
    found = session.execute(select(model).where(column == value)).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"no {what} {value!r}")
    return found


def get_sample(session: Session, number: str) -> Sample:
    return _one(session, Sample, Sample.number, number.strip(), "sample")


def get_container(session: Session, barcode: str) -> Container:
    return _one(session, Container, Container.barcode, barcode.strip(), "container with barcode")


def get_location(session: Session, path: str) -> Location:
    return _one(session, Location, Location.path, path.strip(), "location")


def get_mission(session: Session, code: str) -> Mission:
    return _one(session, Mission, func.upper(Mission.code), code.strip().upper().replace("-", ""), "mission")


def get_institution(session: Session, name: str) -> Institution:
    return _one(session, Institution, Institution.name, name.strip(), "institution")


def get_allocation(session: Session, reference: str) -> Allocation:
    return _one(session, Allocation, Allocation.reference, reference.strip(), "allocation")


def find_code(session: Session, code: str) -> Sample | Container:
    """What a scanned or typed code names: a sample number first, then a container barcode."""
    code = code.strip()
    if not code:
        raise NotFoundError("nothing was scanned")
    sample = session.execute(select(Sample).where(Sample.number == code)).scalar_one_or_none()
    if sample is not None:
        return sample
    container = session.execute(select(Container).where(Container.barcode == code)).scalar_one_or_none()
    if container is not None:
        return container
    raise NotFoundError(f"unknown code {code!r}: no sample or container has it")
