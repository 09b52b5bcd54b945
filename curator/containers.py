"""Containers: add one (or a numbered batch) with a barcode, optionally placed at a position or the next
free one of a shelf, rack or cabinet; rename (relabel) and retire an empty one. All as directory facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.facts import amend, register
from curator.identifiers import clean_code, require_free_code
from curator.lookup import get_container
from curator.numbering import next_numbered
from curator.operators import find_operator
from curator.placement import choose_position
from curator.storage.db import Database
from curator.storage.models import Container, Location, Operator, Sample
from curator.vocabulary import ContainerKind, choices

#: What people type for a kind, beside its stored word.
_KIND_WORDS = {"box_of_thin_sections": ContainerKind.BOX, "thin_section_box": ContainerKind.BOX}


@dataclass(frozen=True)
class NewContainer:
    barcode: str
    #: The position it was put in ("" when it stands nowhere yet).
    position: str = ""


def container_kind(text: str) -> ContainerKind:
    word = "_".join(text.strip().lower().replace("-", " ").split())
    word = _KIND_WORDS.get(word, word)
    if word not in list(ContainerKind):
        raise ValidationError(f"unknown container kind {text!r} (use one of {choices(ContainerKind)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": text, "known": choices(ContainerKind)})
    return ContainerKind(word)


def add_containers(db: Database, operator: str, kind: str, barcodes: list[str] | None = None, *,
                   count: int = 0, prefix: str = "", place: str | None = None,
                   at: datetime | None = None) -> list[NewContainer]:
    """Add containers of ``kind``: with the ``barcodes`` given, or ``count`` numbered ones after the
    highest used with ``prefix`` ("LSL-00013", ...). ``place``: a position (refused when taken, naming
    what is there) or a shelf, rack or cabinet whose next free positions they take, in grid order."""
    found_kind = container_kind(kind)
    given = [clean_code(code, "barcode") for code in barcodes or []]
    if len({code.upper() for code in given}) != len(given):
        raise ValidationError("the same barcode is given twice", code=Refusal.BARCODE_TWICE)
    with db.write() as session:
        signer = find_operator(session, operator)
        if not given:
            prefix = clean_code(prefix, "barcode prefix")
            given = next_numbered(session, Container.barcode, prefix, count)
        taken = session.execute(select(Container.barcode).where(Container.barcode.in_(given))).scalars().first()
        if taken:
            raise ValidationError(f"a container with barcode {taken!r} already exists", code=Refusal.CONTAINER_EXISTS,
                                  params={"barcode": taken})
        require_free_code(session, *given, what="barcode")
        made = []
        for barcode in given:
            position: Location | None = choose_position(session, place, barcode) if place else None
            new_container(session, signer, barcode, found_kind, position, at)
            made.append(NewContainer(barcode, position.path if position else ""))
        return made


def new_container(session: Session, signer: Operator, barcode: str, kind: ContainerKind, position: Location | None,
                  at: datetime | None = None) -> Container:
    """Register a container (``barcode`` already checked free) standing at ``position`` (already chosen)."""
    container = Container(barcode=barcode, kind=kind, sealed=True, retired=False,
                          location_id=position.id if position else None)
    register(session, signer, container, at=at)
    return container


def add_container(db: Database, operator: str, barcode: str, kind: str, position: str | None = None,
                  at: datetime | None = None) -> str:
    """Add one container; returns the path of the position it was put in ("" when none)."""
    return add_containers(db, operator, kind, [barcode], place=position, at=at)[0].position


def rename_container(db: Database, operator: str, barcode: str, new_barcode: str, at: datetime | None = None) -> str:
    """Relabel a container with a new barcode (its history stays with it); returns the new barcode."""
    new = clean_code(new_barcode, "barcode")
    with db.write() as session:
        signer = find_operator(session, operator)
        container = get_container(session, barcode)
        if new == container.barcode:
            return new
        if new.upper() != container.barcode.upper():
            require_free_code(session, new, what="barcode")
        amend(session, signer, container, at=at, barcode=new)
        return new


def retire_container(db: Database, operator: str, barcode: str, at: datetime | None = None) -> str:
    """Take an empty container out of use; its position is freed. Refused while it holds a sample."""
    with db.write() as session:
        signer = find_operator(session, operator)
        container = get_container(session, barcode)
        if container.retired:
            raise ValidationError(f"container {container.barcode} is already retired", code=Refusal.ALREADY_RETIRED,
                                  params={"what": container.barcode})
        inside = session.execute(select(Sample.number).where(Sample.container_id == container.id)
                                 .order_by(Sample.number)).scalars().all()
        if inside:
            raise RuleViolation(f"container {container.barcode} still holds {', '.join(inside)}: empty it first",
                                code=Refusal.CONTAINER_NOT_EMPTY,
                                params={"barcode": container.barcode, "numbers": ", ".join(inside)})
        amend(session, signer, container, at=at, retired=True, location_id=None)
        return container.barcode
