"""How much a loan may reserve and for how long: approval reserves mass until hand-over or cancellation,
and a due date lies between the request and ten years out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import utcnow
from curator.mass import format_mass
from curator.storage.models import Allocation, Sample
from curator.vocabulary import AVAILABLE_SAMPLE_STATUSES, AllocationStatus, SampleStatus

#: Allocations whose approved mass is reserved: approved, until handed over or cancelled.
RESERVING_STATUSES = (AllocationStatus.APPROVED, AllocationStatus.PREPARED)
#: Samples whose mass the facility holds (prepared splits included: they are still here).
_HELD_SAMPLES = (*AVAILABLE_SAMPLE_STATUSES, SampleStatus.ALLOCATED)


@dataclass(frozen=True)
class Availability:
    held_ug: int
    reserved_ug: int

    @property
    def available_ug(self) -> int:
        return self.held_ug - self.reserved_ug


def mission_availability(session: Session, mission_id: int, excluding_allocation: int | None = None) -> Availability:
    """What the mission's samples hold here, and what approved allocations reserve of it until handed over."""
    held = session.execute(
        select(func.coalesce(func.sum(Sample.mass_ug), 0)).where(
            Sample.mission_id == mission_id, Sample.status.in_(_HELD_SAMPLES))
    ).scalar_one()
    reserved = session.execute(
        select(func.coalesce(func.sum(Allocation.approved_mass_ug), 0)).where(
            Allocation.mission_id == mission_id, Allocation.status.in_(RESERVING_STATUSES),
            Allocation.id != (excluding_allocation or 0))
    ).scalar_one()
    return Availability(int(held), int(reserved))


def available_mass_ug(session: Session, mission_id: int, excluding_allocation: int | None = None) -> int:
    """Mass of the mission held here, less what approved allocations reserve until handed over."""
    return mission_availability(session, mission_id, excluding_allocation).available_ug


def check_reservation(session: Session, allocation: Allocation, mass_ug: int) -> None:
    """Refuse reserving ``mass_ug`` for ``allocation`` beyond the mission's unreserved mass, with the figures."""
    figures = mission_availability(session, allocation.mission_id, allocation.id)
    if mass_ug > figures.available_ug:
        raise RuleViolation(
            f"allocation {allocation.reference} asks {format_mass(mass_ug)} but only "
            f"{format_mass(max(figures.available_ug, 0))} of {allocation.mission.code} is available "
            f"({format_mass(figures.held_ug)} held, "
            f"{format_mass(figures.reserved_ug)} reserved by approved allocations)", code=Refusal.NOT_ENOUGH_AVAILABLE,
            params={"reference": allocation.reference, "mass": format_mass(mass_ug),
                    "available": format_mass(max(figures.available_ug, 0)), "mission": allocation.mission.code,
                    "held": format_mass(figures.held_ug), "reserved": format_mass(figures.reserved_ug)})


#: A loan's due date may lie at most this many years after the day it is set.
MAX_LOAN_YEARS = 10


def check_due_date(due: date, requested_at: datetime, at: datetime | None = None) -> None:
    """Refuse a due date before the request, or more than MAX_LOAN_YEARS after today (``at``)."""
    if due < requested_at.date():
        raise ValidationError(f"due date {due} is before the request ({requested_at.date()})",
                              code=Refusal.DUE_BEFORE_REQUEST, params={"due": due, "requested": requested_at.date()})
    today = (at or utcnow()).date()
    try:
        limit = today.replace(year=today.year + MAX_LOAN_YEARS)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year + MAX_LOAN_YEARS, day=28)
    if due > limit:
        raise ValidationError(f"due date {due} is more than {MAX_LOAN_YEARS} years out (latest {limit})",
                              code=Refusal.DUE_TOO_LATE, params={"due": due, "years": MAX_LOAN_YEARS, "latest": limit})
