"""What a handover sheet states: the allocation, every split with its mass and container, the total,
the storage conditions and the chain-of-custody head code. Plain data; ui/handover_print.py draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.countries import country_name
from curator.errors import Refusal, RuleViolation
from curator.events import chain_head_code
from curator.lookup import get_allocation
from curator.storage.db import Database
from curator.storage.models import Allocation, Location, Operator
from curator.vocabulary import AllocationItemStatus, EventKind

#: Storage conditions per atmosphere the splits were kept in, in English and Chinese.
STORAGE_CONDITIONS = {
    "nitrogen": ("Keep sealed under high-purity nitrogen. Open only in a nitrogen glove box; avoid "
                 "exposure to air and moisture.",
                 "在高纯氮气中密封保存。仅在氮气手套箱中开启，避免接触空气和水汽。"),
    "argon": ("Keep sealed under argon. Open only in an argon glove box.",
              "在氩气中密封保存。仅在氩气手套箱中开启。"),
    "vacuum": ("Keep sealed under vacuum until analysis.", "真空密封保存，直至分析。"),
    "air": ("Keep sealed in a dry, clean cabinet at room temperature.", "在室温下干燥、洁净的柜中密封保存。"),
}
DEFAULT_ATMOSPHERE = "nitrogen"


@dataclass(frozen=True)
class HandoverItem:
    number: str
    parent: str
    kind: str
    mass_ug: int
    container: str
    container_kind: str
    status: str


@dataclass(frozen=True)
class HandoverSheet:
    reference: str
    mission_code: str
    mission_name: str
    institution: str
    city: str
    country_code: str
    country: str
    pi: str
    purpose: str
    status: str
    approved_mass_ug: int
    approved_at: datetime | None
    approved_by: str
    handed_over_at: datetime | None
    due_date: date | None
    items: tuple[HandoverItem, ...]
    atmosphere: str
    chain_code: str

    @property
    def total_ug(self) -> int:
        return sum(item.mass_ug for item in self.items)

    @property
    def storage_conditions(self) -> tuple[str, str]:
        """(English, Chinese) storage instructions."""
        return STORAGE_CONDITIONS.get(self.atmosphere, STORAGE_CONDITIONS[DEFAULT_ATMOSPHERE])


def _atmosphere(session: Session, allocation: Allocation) -> str:
    """Where the splits were kept: the cabinet atmosphere of their container (before it left, if it left)."""
    from curator.storage.models import Event

    for item in allocation.items:
        container = item.sample.container
        location_id = container.location_id if container else None
        if location_id is None:
            location_id = session.execute(
                select(Event.from_location_id).where(Event.sample_id == item.sample_id,
                                                     Event.kind == EventKind.HANDED_OVER,
                                                     Event.allocation_id == allocation.id)
                .order_by(Event.id.desc())).scalars().first()
        if location_id is not None:
            location = session.get(Location, location_id)
            if location is not None and location.atmosphere:
                return location.atmosphere
    return DEFAULT_ATMOSPHERE


def handover_sheet(db: Database, reference: str) -> HandoverSheet:
    """The handover sheet of allocation ``reference``; refused when it has no split prepared or handed over."""
    with db.read() as session:
        allocation = get_allocation(session, reference)
        items = tuple(
            HandoverItem(item.sample.number, item.sample.parent.number if item.sample.parent else "",
                         item.sample.kind.replace("_", " "), item.mass_ug,
                         item.sample.container.barcode if item.sample.container else "",
                         item.sample.container.kind if item.sample.container else "",
                         item.status.replace("_", " "))
            for item in sorted(allocation.items, key=lambda item: item.sample.number)
            if item.status != AllocationItemStatus.CANCELLED
        )
        if not items:
            raise RuleViolation(f"allocation {allocation.reference} has no split prepared or handed over: "
                                "there is nothing to hand over yet", code=Refusal.NOTHING_TO_HAND_OVER,
                                params={"reference": allocation.reference})
        approver = session.get(Operator, allocation.approved_by_id) if allocation.approved_by_id else None
        institution, mission = allocation.institution, allocation.mission
        return HandoverSheet(
            allocation.reference, mission.code, mission.name, institution.name, institution.city,
            institution.country, country_name(institution.country), allocation.pi, allocation.purpose,
            allocation.status.replace("_", " "), allocation.approved_mass_ug, allocation.approved_at,
            approver.name if approver else "", allocation.handed_over_at, allocation.due_date, items,
            _atmosphere(session, allocation), chain_head_code(session),
        )
