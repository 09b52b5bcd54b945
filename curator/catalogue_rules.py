"""The mass rules a catalogue import keeps: a row whose parent is already in the database is a split of
that parent (it takes its mass from it, so the parent must hold it and be here), and a mission never
holds more than it returned (its primary samples' received masses)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import Refusal, ValidationError
from curator.lookup import get_sample
from curator.mass import format_mass
from curator.splitting import ChildSpec, split_event
from curator.storage.models import Event, Mission, Operator, Sample
from curator.vocabulary import AVAILABLE_SAMPLE_STATUSES, EventKind

if TYPE_CHECKING:
    from curator.catalogue import ImportPlan, PlannedSample


class Fail(Protocol):
    """Notes a bad row: its English message, and the code and parameters the desk says it by."""

    def __call__(self, row: int, message: str, *, code: Refusal | None,
                 params: Mapping[str, object] | None = None) -> None: ...


@dataclass(frozen=True)
class ExistingParent:
    mission: str
    kind: str
    mass_ug: int
    status: str


def existing_parents(session: Session) -> dict[str, ExistingParent]:
    rows = session.execute(select(Sample.number, Mission.code, Sample.kind, Sample.mass_ug, Sample.status)
                           .join(Mission, Sample.mission_id == Mission.id))
    return {number: ExistingParent(code, kind, mass, status) for number, code, kind, mass, status in rows}


def received_per_mission(session: Session) -> dict[str, int]:
    """Mass each mission's primary samples were received with."""
    rows = session.execute(select(Mission.code, func.sum(Event.mass_ug))
                           .join(Sample, Event.sample_id == Sample.id).join(Mission, Sample.mission_id == Mission.id)
                           .where(Event.kind == EventKind.RECEIVED, Sample.parent_id.is_(None)).group_by(Mission.code))
    return {code: int(total or 0) for code, total in rows}


def children_of_existing(plan: ImportPlan) -> dict[str, list[PlannedSample]]:
    """The rows whose parent is a sample already in the database (not a row of the file), per parent."""
    in_file = {sample.number for sample in plan.samples}
    groups: dict[str, list[PlannedSample]] = defaultdict(list)
    for sample in plan.samples:
        if sample.parent and sample.parent not in in_file:
            groups[sample.parent].append(sample)
    return groups


def check_children_of_existing(plan: ImportPlan, parents: dict[str, ExistingParent],
                               fail: Fail) -> None:
    for number, children in children_of_existing(plan).items():
        parent = parents.get(number)
        if parent is None:
            continue  # named as an unknown parent elsewhere
        if parent.status not in AVAILABLE_SAMPLE_STATUSES:
            for child in children:
                fail(child.row, f"parent {number} is {parent.status.replace('_', ' ')}: a split cannot take mass "
                                "from it now", code=Refusal.PARENT_UNAVAILABLE,
                     params={"parent": number, "status": parent.status})
            continue
        total = 0
        for child in children:
            total += child.mass_ug
            if child.kind != parent.kind:
                fail(child.row, f"kind {child.kind} differs from its parent {number}'s kind {parent.kind} "
                                "(a split keeps its parent's kind)", code=Refusal.KIND_DIFFERS,
                     params={"kind": child.kind, "parent": number, "parent_kind": parent.kind})
            elif total > parent.mass_ug:
                fail(child.row, f"children of {number} in the file take {format_mass(total)} by this row, more "
                                f"than {number} holds ({format_mass(parent.mass_ug)})", code=Refusal.CHILDREN_TOO_HEAVY,
                     params={"parent": number, "total": format_mass(total), "holds": format_mass(parent.mass_ug)})


def check_mission_totals(plan: ImportPlan, limits: dict[str, int], received: dict[str, int],
                         fail: Fail) -> None:
    """Primary rows may not take a mission past what it returned (counting what is already received)."""
    totals = dict(received)
    for sample in plan.samples:
        if sample.parent:
            continue
        totals[sample.mission] = totals.get(sample.mission, 0) + sample.mass_ug
        if totals[sample.mission] > limits[sample.mission]:
            fail(sample.row, f"{sample.mission} returned {format_mass(limits[sample.mission])}; primary samples "
                             f"would hold {format_mass(totals[sample.mission])} by this row",
                 code=Refusal.MISSION_TOTAL, params={"mission": sample.mission,
                                                     "returned": format_mass(limits[sample.mission]),
                                                     "total": format_mass(totals[sample.mission])})


def split_from_existing(session: Session, signer: Operator, plan: ImportPlan, put_at: str | None = None) -> set[str]:
    """Write each existing parent's split for its children in the file; returns the numbers created. Their
    containers go to each row's Position, else ``put_at``, else the free position nearest the parent."""
    created: set[str] = set()
    for number, children in children_of_existing(plan).items():
        parent = get_sample(session, number)
        total = sum(child.mass_ug for child in children)
        if parent.status not in AVAILABLE_SAMPLE_STATUSES or parent.mass_ug < total:
            raise ValidationError(f"{number} changed meanwhile (now {format_mass(parent.mass_ug)}, "
                                  f"{parent.status.replace('_', ' ')}): nothing imported",
                                  code=Refusal.CHANGED_MEANWHILE, params={"number": number, "status": parent.status,
                                                                          "mass": format_mass(parent.mass_ug)})
        specs = [ChildSpec(child.mass_ug, child.number, child.container, child.position or put_at)
                 for child in children]
        split_event(session, signer, parent, specs, note=f"split recorded by catalogue {plan.source}",
                    details={"source": plan.source})
        created.update(child.number for child in children)
    return created
