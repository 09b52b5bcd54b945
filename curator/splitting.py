"""Splitting a sample into children: parent before = parent after + children + loss, exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import append_event
from curator.identifiers import clean_code, require_free_code
from curator.lookup import get_sample
from curator.mass import format_mass
from curator.material_places import house
from curator.operators import find_operator
from curator.permissions import SampleAction, require_sample_action
from curator.sample_state import check_not_stale, place, touch_sample
from curator.storage.db import Database
from curator.storage.models import Container, Event, Operator, Sample
from curator.vocabulary import ContainerKind, EventKind, SampleStatus


@dataclass(frozen=True)
class ChildSpec:
    """One child of a split: its mass, and optionally its number and the container it goes into: an empty
    one, or, for a barcode not in use yet, a new vial. The container goes to ``position`` (a position, or a
    shelf, rack or cabinet: its next free one), else stays where it stands, else goes to the free position
    nearest the parent (same atmosphere first)."""

    mass_ug: int
    number: str | None = None
    container: str | None = None
    position: str | None = None


def next_split_numbers(session: Session, parent: Sample, count: int) -> list[str]:
    """Numbers for ``count`` new children: the parent's number plus "-01", "-02"... after the last used."""
    prefix = f"{parent.number}-"
    used = session.execute(select(Sample.number).where(Sample.parent_id == parent.id)).scalars()
    suffixes = [int(n[len(prefix):]) for n in used if n.startswith(prefix) and n[len(prefix):].isdigit()]
    start = max(suffixes, default=0) + 1
    return [f"{prefix}{i:02d}" for i in range(start, start + count)]


def propose_split_numbers(db: Database, number: str, count: int) -> list[str]:
    with db.read() as session:
        return next_split_numbers(session, get_sample(session, number), count)


def split(db: Database, operator: str, number: str, children: list[ChildSpec], loss_ug: int = 0,
          note: str = "", at: datetime | None = None, expected_ug: int | None = None,
          readings: dict[str, dict[str, object]] | None = None) -> list[str]:
    """Split a sample into children. Parent before = parent after + children + loss, exactly.

    ``readings``: the masses read from a balance (by child number, or "remaining"), each with the reading's
    facts (curator.instruments.readings.balance_source); the split's events keep them, the rest was typed.

    ``expected_ug`` is the parent's mass the operator saw when they started: if another desk changed
    it meanwhile, the split is refused (ConflictError). Returns the children's numbers.
    """
    if not children:
        raise ValidationError("a split needs at least one child", code=Refusal.NO_CHILD)
    if loss_ug < 0 or any(child.mass_ug <= 0 for child in children):
        raise RuleViolation("every child needs a mass above zero and the loss cannot be negative",
                            code=Refusal.CHILD_MASS_ZERO)
    with db.write() as session:
        signer = find_operator(session, operator)
        parent = get_sample(session, number)
        require_sample_action(parent, signer, SampleAction.SPLIT)
        check_not_stale(parent.number, parent.mass_ug, expected_ug)
        before = parent.mass_ug
        after = before - sum(child.mass_ug for child in children) - loss_ug
        if after < 0:
            raise RuleViolation(
                f"split of {parent.number} does not balance: children and loss are "
                f"{format_mass(before - after)} but the sample holds only {format_mass(before)}",
                code=Refusal.NOT_ENOUGH_MASS,
                params={"number": parent.number, "needed": format_mass(before - after), "holds": format_mass(before)})
        proposed = iter(next_split_numbers(session, parent, len(children)))
        numbers = [clean_code(child.number, "sample number") if child.number and child.number.strip()
                   else next(proposed) for child in children]
        if len({n.upper() for n in numbers}) != len(numbers):
            raise ValidationError("two children of the split have the same number", code=Refusal.SAME_CHILD_NUMBER)
        taken = session.execute(select(Sample.number).where(Sample.number.in_(numbers))).scalars().first()
        if taken:
            raise ValidationError(f"sample {taken} already exists", code=Refusal.SAMPLE_EXISTS,
                                  params={"number": taken})
        require_free_code(session, *numbers, what="sample number")
        named = [ChildSpec(c.mass_ug, n, c.container, c.position) for n, c in zip(numbers, children, strict=True)]
        split_event(session, signer, parent, named, loss_ug, note=note, at=at,
                    details={"balance_readings": readings} if readings else None)
        return numbers


def split_event(session: Session, signer: Operator, parent: Sample, children: list[ChildSpec],
                loss_ug: int = 0, note: str = "", at: datetime | None = None,
                details: dict[str, object] | None = None) -> Event:
    """Write a checked split: the parent's event, then each child (with its number) and its own event.
    ``details`` adds facts to every event (e.g. the catalogue a child came from)."""
    before = parent.mass_ug
    after = before - sum(child.mass_ug for child in children) - loss_ug
    facts = {"before_ug": before, "loss_ug": loss_ug,
             "children": [{"number": c.number, "mass_ug": c.mass_ug} for c in children], **(details or {})}
    event = append_event(session, EventKind.SPLIT, signer, at=at, sample_id=parent.id, mass_ug=after,
                         container_id=parent.container_id, note=note, details=facts)
    touch_sample(parent, event, after)
    for spec in children:
        holder = child_container(session, signer, parent, spec, at) if spec.container else None
        child = Sample(number=spec.number, mission_id=parent.mission_id, parent_id=parent.id,
                       kind=parent.kind, sampling=parent.sampling, mass_ug=spec.mass_ug,
                       status=SampleStatus.IN_STORE, created_at=event.occurred_at)
        session.add(child)
        session.flush()
        child_event = append_event(session, EventKind.SPLIT, signer, at=at, sample_id=child.id, mass_ug=spec.mass_ug,
                                   container_id=holder.id if holder else None,
                                   details={"parent": parent.number, "split_event_id": event.id, **(details or {})})
        place(session, child, holder, child_event)
        touch_sample(child, child_event)
    return event


def child_container(session: Session, signer: Operator, parent: Sample, spec: ChildSpec,
                    at: datetime | None) -> Container:
    """The container a child goes into, with its place, in the same transaction: the empty one with that
    barcode, or a new vial (curator/material_places.py: ``spec.position``, else where it stands, else the
    free position nearest the parent's container, same atmosphere first)."""
    assert spec.container is not None
    return house(session, signer, spec.container, ContainerKind.VIAL, spec.position,
                 parent.container.location if parent.container else None, f"the split of {parent.number}", at)
