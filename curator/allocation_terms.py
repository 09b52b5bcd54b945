"""Editing an allocation's terms (purpose, PI, due date, approved mass, borrower) and extending a loan: a
curator's act, recorded as an ``amended`` fact event carrying the new terms, with the reason as its note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.allocations import signed_allocation
from curator.errors import Refusal, RuleViolation, ValidationError
from curator.facts import amend
from curator.loan_limits import RESERVING_STATUSES, check_due_date, check_reservation
from curator.lookup import get_allocation, get_institution
from curator.mass import format_mass
from curator.permissions import BEFORE_HANDOVER, AllocationAction
from curator.storage.db import Database
from curator.storage.models import Allocation, Investigator
from curator.vocabulary import AllocationItemStatus, AllocationStatus


def edit_allocation(db: Database, operator: str, reference: str, reason: str, *, due_date: date | None = None,
                    approved_mass_ug: int | None = None, institution: str | None = None, pi: str | None = None,
                    purpose: str | None = None, expected_version: int | None = None,
                    at: datetime | None = None) -> int:
    """A curator changes the purpose, the PI, the due date, the approved mass or the borrower, with a
    reason; returns the event id.

    The mass and the borrower change only before hand-over; a larger mass is reserved like an approval.
    """
    if not reason.strip():
        raise ValidationError("say why the allocation is edited (a reason)", code=Refusal.REASON_NEEDED)
    if due_date is None and approved_mass_ug is None and institution is None and pi is None and purpose is None:
        raise ValidationError("nothing to edit: give a due date, a mass, an institution, a PI or a purpose",
                              code=Refusal.NOTHING_TO_EDIT)
    if pi is not None and not pi.strip():
        raise ValidationError("an allocation needs a principal investigator", code=Refusal.PI_NEEDED)
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.EDIT_TERMS,
                                               expected_version)
        changes: dict[str, object] = {}
        if due_date is not None:
            check_due_date(due_date, allocation.requested_at, at)
            changes["due_date"] = due_date
        if (approved_mass_ug is not None or institution is not None) and allocation.status not in BEFORE_HANDOVER:
            raise RuleViolation(f"cannot change the mass or borrower of allocation {reference}: it is "
                                f"{allocation.status.replace('_', ' ')}", code=Refusal.TERMS_FIXED,
                                params={"reference": reference, "status": allocation.status})
        if approved_mass_ug is not None:
            _check_mass(session, allocation, approved_mass_ug)
            changes["approved_mass_ug"] = approved_mass_ug
        if institution is not None:
            changes["institution_id"] = get_institution(session, institution).id
        if pi is not None:
            changes["pi"] = " ".join(pi.split())
        if purpose is not None:
            changes["purpose"] = purpose.strip()
        changes = {column: value for column, value in changes.items() if getattr(allocation, column) != value}
        if not changes:
            raise ValidationError(f"allocation {reference} already has these terms", code=Refusal.SAME_TERMS,
                                  params={"reference": reference})
        return amend(session, signer, allocation, at=at, note=reason.strip(), **changes).id


def extend_loan(db: Database, operator: str, reference: str, due_date: date, reason: str,
                expected_version: int | None = None, at: datetime | None = None) -> int:
    """A curator moves a loan's due date later, with a reason (an ``amended`` event); a loan overdue
    until now is no longer overdue once the new date lies ahead. Returns the event id."""
    if not reason.strip():
        raise ValidationError("say why the loan is extended (a reason)", code=Refusal.REASON_NEEDED)
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.EDIT_TERMS,
                                               expected_version)
        if allocation.due_date is not None and due_date <= allocation.due_date:
            raise ValidationError(f"allocation {reference} is due {allocation.due_date}: an extension moves it "
                                  f"later, {due_date} is not", code=Refusal.EXTENSION_EARLIER,
                                  params={"reference": reference, "due": allocation.due_date, "date": due_date})
        check_due_date(due_date, allocation.requested_at, at)
        return amend(session, signer, allocation, at=at, note=reason.strip(), due_date=due_date).id


def _check_mass(session: Session, allocation: Allocation, mass_ug: int) -> None:
    if mass_ug <= 0:
        raise RuleViolation("an allocation needs a mass above zero", code=Refusal.ALLOCATION_MASS_ZERO)
    prepared = sum(item.mass_ug for item in allocation.items if item.status == AllocationItemStatus.PREPARED)
    if mass_ug < prepared:
        raise RuleViolation(f"allocation {allocation.reference} has {format_mass(prepared)} prepared; "
                            f"{format_mass(mass_ug)} is less", code=Refusal.LESS_THAN_PREPARED,
                            params={"reference": allocation.reference, "prepared": format_mass(prepared),
                                    "mass": format_mass(mass_ug)})
    if allocation.status in RESERVING_STATUSES:
        check_reservation(session, allocation, mass_ug)


@dataclass(frozen=True)
class AllocationTerms:
    """An allocation's terms as a curator edits them, with the version they were read at."""

    reference: str
    institution: str
    status: AllocationStatus
    pi: str
    purpose: str
    approved_ug: int
    due_date: date | None
    version: int
    investigators: tuple[str, ...]


def allocation_terms(db: Database, reference: str) -> AllocationTerms:
    """The terms of ``reference`` now, and the principal investigators listed at its institution."""
    with db.read() as session:
        allocation = get_allocation(session, reference)
        people = session.execute(select(Investigator.name).where(
            Investigator.institution_id == allocation.institution_id).order_by(Investigator.name)).scalars()
        return AllocationTerms(allocation.reference, allocation.institution.name, AllocationStatus(allocation.status),
                               allocation.pi, allocation.purpose, allocation.approved_mass_ug, allocation.due_date,
                               allocation.version, tuple(people))
