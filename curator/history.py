"""A sample's story for the detail view: its properties, every event (including those recorded on the
containers it sat in and on its loans), its genealogy tree and its mass over time."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Row, func, select, true, union_all
from sqlalchemy.orm import Session, aliased

from curator.condition import conditions
from curator.facility_events import location_events_reaching
from curator.lookup import get_sample
from curator.rows import GenealogyNode, HistoryRow, MassPoint, SampleDetail
from curator.storage.db import Database
from curator.storage.models import (
    Allocation,
    AllocationItem,
    Container,
    ContainerStay,
    Event,
    Institution,
    Location,
    Operator,
    Sample,
)
from curator.vocabulary import AllocationItemStatus, SampleStatus

#: Allocation item states in which the sample is with (or set aside for) a borrower.
_HELD = (AllocationItemStatus.PREPARED, AllocationItemStatus.HANDED_OVER)


def _borrowers(session: Session, sample_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Sample id -> (allocation reference, institution) for samples held by an open allocation."""
    rows = session.execute(
        select(AllocationItem.sample_id, Allocation.reference, Institution.name)
        .join(Allocation, AllocationItem.allocation_id == Allocation.id)
        .join(Institution, Allocation.institution_id == Institution.id)
        .where(AllocationItem.sample_id.in_(sample_ids), AllocationItem.status.in_(_HELD)))
    return {sample_id: (reference, name) for sample_id, reference, name in rows}


def sample_detail(db: Database, number: str) -> SampleDetail:
    with db.read() as session:
        sample = get_sample(session, number)
        container = sample.container
        location = container.location if container else None
        reference, borrower = _borrowers(session, [sample.id]).get(sample.id, ("", ""))
        condition = conditions(session, [sample.id])[sample.id]
        return SampleDetail(
            number=sample.number, mission=sample.mission.code, kind=sample.kind, sampling=sample.sampling,
            mass_ug=sample.mass_ug, status=SampleStatus(sample.status),
            parent=sample.parent.number if sample.parent else None,
            barcode=container.barcode if container else "", container_kind=container.kind if container else "",
            container_sealed=bool(container.sealed) if container else False,
            location=location.path if location else "", created_at=sample.created_at,
            allocation=reference, borrower=borrower, condition=condition.condition,
            condition_event=condition.event_id)


def _facts(event: Event, to_path: str | None, reference: str | None) -> dict[str, object]:
    facts: dict[str, object] = json.loads(event.details or "{}")
    # the signer shows as who; a received sample's identity is the sample; a facility event's reach is this one
    for bound in ("signer", "sample", "samples"):
        facts.pop(bound, None)
    if event.note:
        facts["note"] = event.note
    if to_path and event.sample_id is None and event.container_id is None:
        facts["location"] = to_path  # an event recorded on a location (curator/facility_events.py)
    elif to_path:
        facts["to"] = to_path
    if reference:
        facts["allocation"] = reference
    if event.corrects_event_id:
        facts["corrects"] = event.corrects_event_id
    return facts


def sample_history(db: Database, number: str) -> list[HistoryRow]:
    """Every event of the sample, of the containers while it sat in them, of its allocations, and of the
    locations it was inside (facility events)."""
    with db.read() as session:
        sample = get_sample(session, number)
        facility = [event.id for event in location_events_reaching(session, [sample.number]).get(sample.number, [])]
        stays = session.execute(select(ContainerStay).where(ContainerStay.sample_id == sample.id)).scalars().all()
        allocation_ids = select(AllocationItem.allocation_id).where(AllocationItem.sample_id == sample.id)
        # One indexed lookup per source, united: an OR over them would scan every event of the facility.
        sources = [select(Event.id).where(Event.sample_id == sample.id),
                   # coalesce() keeps the planner on the allocation index, not on "sample_id IS NULL"
                   select(Event.id).where(Event.allocation_id.in_(allocation_ids),
                                          func.coalesce(Event.sample_id, 0) == 0)]
        sources += [select(Event.id).where(Event.container_id == stay.container_id, Event.sample_id.is_(None),
                                           Event.id > stay.from_event_id,
                                           Event.id < stay.until_event_id if stay.until_event_id else true())
                    for stay in stays]
        if facility:
            sources.append(select(Event.id).where(Event.id.in_(facility)))
        target = aliased(Location)
        query = (select(Event, Operator.name, target.path, Allocation.reference, Container.barcode)
                 .join(Operator, Event.operator_id == Operator.id)
                 .outerjoin(target, Event.to_location_id == target.id)
                 .outerjoin(Allocation, Event.allocation_id == Allocation.id)
                 .outerjoin(Container, Event.container_id == Container.id)
                 .where(Event.id.in_(union_all(*sources)))
                 .order_by(Event.id))
        return [HistoryRow(event.id, event.occurred_at, event.kind, operator, event.mass_ug,
                           _facts(event, path, reference),
                           barcode if event.sample_id is None and barcode else "",
                           path if event.id in facility and path else "")
                for event, operator, path, reference, barcode in session.execute(query)]


def mass_over_time(db: Database, number: str) -> list[MassPoint]:
    """The sample's mass after each event that stated it, in chain order (the order the masses follow)."""
    with db.read() as session:
        sample = get_sample(session, number)
        rows = session.execute(select(Event.occurred_at, Event.mass_ug)
                               .where(Event.sample_id == sample.id, Event.mass_ug.is_not(None))
                               .order_by(Event.id))
        return [MassPoint(at, mass) for at, mass in rows if mass is not None]


def genealogy(db: Database, number: str) -> GenealogyNode:
    """The whole tree of the primary sample ``number`` descends from (a recursive query)."""
    with db.read() as session:
        root = get_sample(session, number)
        while root.parent is not None:
            root = root.parent
        tree = select(Sample.id).where(Sample.id == root.id).cte("tree", recursive=True)
        tree = tree.union_all(select(Sample.id).where(Sample.parent_id == tree.c.id))
        rows = session.execute(
            select(Sample.id, Sample.parent_id, Sample.number, Sample.mass_ug, Sample.status, Location.path,
                   Container.barcode)
            .where(Sample.id.in_(select(tree.c.id)))
            .outerjoin(Container, Sample.container_id == Container.id)
            .outerjoin(Location, Container.location_id == Location.id)
            .order_by(Sample.number)).all()
        borrowers = _borrowers(session, [row.id for row in rows])
        condition = conditions(session, [row.id for row in rows])
    children: dict[int | None, list[Row[*tuple[Any, ...]]]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)

    def build(row: Row[*tuple[Any, ...]]) -> GenealogyNode:
        where = row.path or (row.barcode or "")
        return GenealogyNode(row.number, row.mass_ug, SampleStatus(row.status), where,
                             borrowers.get(row.id, ("", ""))[1],
                             tuple(build(child) for child in children.get(row.id, [])), condition[row.id].condition)

    return build(next(row for row in rows if row.id == root.id))
