"""A sample's condition, derived from its history: pristine (sealed under nitrogen since receipt),
exposed (opened in air, or inside a location during an atmosphere excursion), processed or contaminated
(from the treatment a borrower reported on returning it), with the event that set it.

Nothing stores a condition: it is read from the chain each time, so it is as provable as the chain. A split
inherits its parent's condition as it was when the split was made.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation
from curator.facility_events import location_events_reaching
from curator.lookup import get_sample
from curator.storage.db import Database
from curator.storage.models import ContainerStay, Event, Sample
from curator.vocabulary import ATMOSPHERE_EXCURSIONS, TREATMENT_CONDITION, Atmosphere, Condition, EventKind


@dataclass(frozen=True)
class SampleCondition:
    condition: Condition
    #: The event that set it (None: pristine, nothing has touched it).
    event_id: int | None = None


PRISTINE = SampleCondition(Condition.PRISTINE)
#: (event id, the condition that event leaves the sample in)
Mark = tuple[int, Condition]


def _marks_of(kind: str, details: dict[str, Any]) -> Condition | None:
    """The condition an event on a sample, its container or its location leaves the sample in, if any."""
    if kind == EventKind.OPENED and details.get("atmosphere") == Atmosphere.AIR:
        return Condition.EXPOSED
    if kind == EventKind.EXCURSION and details.get("excursion") in ATMOSPHERE_EXCURSIONS:
        return Condition.EXPOSED
    if kind == EventKind.RETURNED:
        worst: Condition | None = None
        for treatment in details.get("treatment", ()):
            condition = TREATMENT_CONDITION.get(treatment)
            if condition is not None and (worst is None or condition.worse_than(worst)):
                worst = condition
        return worst
    return None


def _lineage(session: Session, sample_ids: Collection[int]) -> dict[int, tuple[int | None, str]]:
    """Sample id -> (parent id, number) for the samples and all their ancestors."""
    known: dict[int, tuple[int | None, str]] = {}
    wanted = set(sample_ids)
    while wanted:
        rows = session.execute(select(Sample.id, Sample.parent_id, Sample.number).where(Sample.id.in_(wanted)))
        for sample_id, parent_id, number in rows:
            known[sample_id] = (parent_id, number)
        wanted = {parent for parent, _ in known.values() if parent is not None and parent not in known}
    return known


def _own_marks(session: Session, lineage: dict[int, tuple[int | None, str]]) -> dict[int, list[Mark]]:
    marks: dict[int, list[Mark]] = defaultdict(list)
    kinds = (EventKind.OPENED, EventKind.RETURNED)
    for event_id, sample_id, kind, details in session.execute(
            select(Event.id, Event.sample_id, Event.kind, Event.details)
            .where(Event.sample_id.in_(lineage), Event.kind.in_(kinds))):
        condition = _marks_of(kind, json.loads(details or "{}"))
        if condition is not None and sample_id is not None:
            marks[sample_id].append((event_id, condition))
    stays = session.execute(select(ContainerStay).where(ContainerStay.sample_id.in_(lineage))).scalars().all()
    by_container: dict[int, list[ContainerStay]] = defaultdict(list)
    for stay in stays:
        by_container[stay.container_id].append(stay)
    for event_id, container_id, kind, details in session.execute(
            select(Event.id, Event.container_id, Event.kind, Event.details)
            .where(Event.container_id.in_(by_container), Event.sample_id.is_(None), Event.kind == EventKind.OPENED)):
        condition = _marks_of(kind, json.loads(details or "{}"))
        for stay in by_container[container_id or 0]:
            if condition is not None and stay.from_event_id < event_id and (
                    stay.until_event_id is None or event_id < stay.until_event_id):
                marks[stay.sample_id].append((event_id, condition))
    numbers = {number: sample_id for sample_id, (_, number) in lineage.items()}
    for number, events in location_events_reaching(session, numbers).items():
        for event in events:
            condition = _marks_of(event.kind, json.loads(event.details or "{}"))
            if condition is not None:
                marks[numbers[number]].append((event.id, condition))
    return marks


def _verdict(marks: list[Mark]) -> SampleCondition:
    """The worst condition among ``marks``, set by the first event that reached it."""
    result = PRISTINE
    for event_id, condition in sorted(marks):
        if condition.worse_than(result.condition):
            result = SampleCondition(condition, event_id)
    return result


def conditions(session: Session, sample_ids: Collection[int]) -> dict[int, SampleCondition]:
    """The condition of each sample (by id), its parents' history up to its split included."""
    lineage = _lineage(session, sample_ids)
    own = _own_marks(session, lineage)
    born: dict[int | None, int] = {sample_id: first for sample_id, first in session.execute(
        select(Event.sample_id, func.min(Event.id)).where(Event.sample_id.in_(lineage)).group_by(Event.sample_id))}
    inherited: dict[int, list[Mark]] = {}

    def marks(sample_id: int) -> list[Mark]:
        if sample_id not in inherited:
            parent = lineage[sample_id][0]
            before = born.get(sample_id, 0)
            from_parent = [mark for mark in marks(parent) if mark[0] < before] if parent is not None else []
            inherited[sample_id] = from_parent + own.get(sample_id, [])
        return inherited[sample_id]

    return {sample_id: _verdict(marks(sample_id)) for sample_id in sample_ids if sample_id in lineage}


def require_pristine(session: Session, reference: str, samples: list[Sample]) -> None:
    """Refuse, naming the first, samples that are not pristine for an allocation that asks for pristine material."""
    found = conditions(session, [sample.id for sample in samples])
    for sample in samples:
        state = found[sample.id]
        if state.condition != Condition.PRISTINE:
            raise RuleViolation(f"allocation {reference} asks for pristine material; {sample.number} is "
                                f"{state.condition} (since event {state.event_id})", code=Refusal.NOT_PRISTINE,
                                params={"reference": reference, "number": sample.number,
                                        "condition": state.condition, "event": state.event_id})


def condition_of(db: Database, number: str) -> SampleCondition:
    with db.read() as session:
        sample = get_sample(session, number)
        return conditions(session, [sample.id])[sample.id]
