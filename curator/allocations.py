"""Loans of mass to institutions: requested > approved > prepared > handed over > returned / consumed,
or cancelled before handover. Every step writes handling events on the samples concerned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.condition import require_pristine
from curator.errors import ConflictError, Refusal, RuleViolation, ValidationError
from curator.events import append_event, utcnow
from curator.facts import amend, register
from curator.instruments.readings import mass_source
from curator.loan_inventory import GRACE_DAYS, blocking_inventories
from curator.loan_limits import check_due_date, check_reservation
from curator.loan_returns import check_treatment
from curator.lookup import get_allocation, get_institution, get_mission, get_sample
from curator.mass import format_mass
from curator.operators import find_operator, require_role
from curator.permissions import AllocationAction, require_allocation_action
from curator.placement import home_for_return
from curator.sample_state import check_not_stale, touch_sample
from curator.storage.db import Database
from curator.storage.models import Allocation, AllocationItem, Event, Institution, Operator, Sample
from curator.vocabulary import (
    AVAILABLE_SAMPLE_STATUSES,
    AllocationItemStatus,
    AllocationStatus,
    EventKind,
    Role,
    SampleStatus,
)


@dataclass(frozen=True)
class Overdue:
    reference: str
    institution: str
    due_date: date


def overdue_loans(session: Session, today: date | None = None, institution_id: int | None = None) -> list[Overdue]:
    """Loans handed over whose due date has passed, oldest first."""
    query = (
        select(Allocation.reference, Institution.name, Allocation.due_date)
        .join(Institution)
        .where(Allocation.status == AllocationStatus.HANDED_OVER, Allocation.due_date < (today or date.today()))
        .order_by(Allocation.due_date)
    )
    if institution_id is not None:
        query = query.where(Allocation.institution_id == institution_id)
    return [Overdue(reference, name, due) for reference, name, due in session.execute(query) if due is not None]


def create(db: Database, operator: str, reference: str, institution: str, mission: str, pi: str,
           approved_mass_ug: int, due_date: date | None = None, purpose: str = "",
           override_reason: str = "", at: datetime | None = None, pristine_only: bool = False) -> None:
    """Register a requested allocation. Refused for a borrower with an overdue loan, unless a curator
    overrides with a reason. ``pristine_only``: only pristine samples may be handed over."""
    if approved_mass_ug <= 0:
        raise RuleViolation("an allocation needs a mass above zero", code=Refusal.ALLOCATION_MASS_ZERO)
    if not reference.strip() or not pi.strip():
        raise ValidationError("an allocation needs a reference and a principal investigator",
                              code=Refusal.REFERENCE_AND_PI_NEEDED)
    with db.write() as session:
        signer = find_operator(session, operator)
        borrower = get_institution(session, institution)
        found_mission = get_mission(session, mission)
        if session.execute(select(Allocation.id).where(Allocation.reference == reference)).first():
            raise ValidationError(f"allocation {reference} already exists", code=Refusal.ALLOCATION_EXISTS,
                                  params={"reference": reference})
        late = overdue_loans(session, (at or utcnow()).date(), borrower.id)
        if late and not override_reason.strip():
            raise RuleViolation(
                f"{borrower.name} has an overdue loan ({late[0].reference}, due {late[0].due_date}): "
                "a curator must override with a reason", code=Refusal.BORROWER_OVERDUE,
                params={"name": borrower.name, "reference": late[0].reference, "due": late[0].due_date})
        unconfirmed = blocking_inventories(session, (at or utcnow()).date(), borrower.id)
        if unconfirmed and not override_reason.strip():
            raise RuleViolation(
                f"{borrower.name} has not confirmed its {unconfirmed[0].year} inventory of "
                f"{unconfirmed[0].reference} (due {unconfirmed[0].due}, more than {GRACE_DAYS} days late): "
                "a curator must override with a reason", code=Refusal.INVENTORY_LATE,
                params={"name": borrower.name, "year": unconfirmed[0].year, "reference": unconfirmed[0].reference,
                        "due": unconfirmed[0].due, "days": GRACE_DAYS})
        if late or unconfirmed:
            require_role(signer, Role.CURATOR, "override the overdue-loan rule")
        if due_date is not None:
            check_due_date(due_date, at or utcnow(), at)
        register(session, signer, Allocation(reference=reference.strip(), institution_id=borrower.id,
                                             mission_id=found_mission.id, pi=pi.strip(), purpose=purpose,
                                             approved_mass_ug=approved_mass_ug, status=AllocationStatus.REQUESTED,
                                             requested_at=at or utcnow(), due_date=due_date,
                                             override_reason=override_reason.strip(),
                                             pristine_only=pristine_only), at=at)


def load_allocation(session: Session, reference: str, expected_version: int | None) -> Allocation:
    allocation = get_allocation(session, reference)
    if expected_version is not None and allocation.version != expected_version:
        raise ConflictError(f"allocation {reference} was changed by someone else since you opened it: reload it",
                            code=Refusal.ALLOCATION_CHANGED, params={"reference": reference})
    return allocation


def signed_allocation(session: Session, operator: str, reference: str, action: AllocationAction | None,
                      expected_version: int | None = None) -> tuple[Operator, Allocation]:
    """The prologue of every allocation service: the signer, and the allocation ``reference`` as it was at
    ``expected_version`` (None: as it is), refused unless its status and the signer's role allow ``action``
    (None: any operator, any status)."""
    signer = find_operator(session, operator)
    allocation = load_allocation(session, reference, expected_version)
    if action is not None:
        require_allocation_action(allocation, signer, action)
    return signer, allocation


def approve(db: Database, operator: str, reference: str, expected_version: int | None = None,
            at: datetime | None = None) -> None:
    """A curator approves; the mission must hold the mass in store."""
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.APPROVE, expected_version)
        check_reservation(session, allocation, allocation.approved_mass_ug)
        event = append_event(session, EventKind.APPROVED, signer, at=at, allocation_id=allocation.id,
                             details={"approved_ug": allocation.approved_mass_ug})
        allocation.status = AllocationStatus.APPROVED
        allocation.approved_at = event.occurred_at
        allocation.approved_by_id = signer.id


def check_addable(session: Session, allocation: Allocation, sample: Sample) -> None:
    """Refuse ``sample`` for ``allocation`` when it is from another mission, not available, or not pristine
    for a pristine-only loan (the approved mass is checked on the total)."""
    if sample.mission_id != allocation.mission_id:
        raise RuleViolation(f"{sample.number} is from {sample.mission.code}, not {allocation.mission.code}",
                            code=Refusal.OTHER_MISSION, params={"number": sample.number, "mission": sample.mission.code,
                                                                "wanted": allocation.mission.code})
    if sample.status not in AVAILABLE_SAMPLE_STATUSES:
        raise RuleViolation(f"{sample.number} is {sample.status.replace('_', ' ')}, not available",
                            code=Refusal.NOT_AVAILABLE, params={"number": sample.number, "status": sample.status})
    if allocation.pristine_only:
        require_pristine(session, allocation.reference, [sample])


def _require_within_approved(allocation: Allocation, total: int) -> None:
    if total > allocation.approved_mass_ug:
        raise RuleViolation(f"allocation {allocation.reference} approves "
                            f"{format_mass(allocation.approved_mass_ug)}; these splits add up to "
                            f"{format_mass(total)}, more than approved", code=Refusal.OVER_APPROVED,
                            params={"reference": allocation.reference, "total": format_mass(total),
                                    "approved": format_mass(allocation.approved_mass_ug)})


def check_scanned(db: Database, reference: str, number: str, listed_ug: int) -> int:
    """Refuse ``number`` for ``reference``'s preparation or hand-over as the write would, the splits already
    listed weighing ``listed_ug`` (a desk says so as the split is scanned); returns the split's mass."""
    with db.read() as session:
        allocation = get_allocation(session, reference)
        sample = get_sample(session, number)
        check_addable(session, allocation, sample)
        _require_within_approved(allocation, listed_ug + sample.mass_ug)
        return sample.mass_ug


def _add_items(session: Session, signer: Operator, allocation: Allocation, numbers: list[str],
               at: datetime | None) -> None:
    held = {item.sample_id for item in allocation.items}
    total = sum(item.mass_ug for item in allocation.items)
    for number in numbers:
        sample = get_sample(session, number)
        if sample.id in held:
            continue
        check_addable(session, allocation, sample)
        total += sample.mass_ug
        _require_within_approved(allocation, total)
        allocation.items.append(AllocationItem(sample_id=sample.id, mass_ug=sample.mass_ug,
                                               status=AllocationItemStatus.PREPARED))
        sample.status = SampleStatus.ALLOCATED
        event = append_event(session, EventKind.ALLOCATED, signer, at=at, sample_id=sample.id,
                             allocation_id=allocation.id, container_id=sample.container_id)
        touch_sample(sample, event)
        held.add(sample.id)


def prepare(db: Database, operator: str, reference: str, numbers: list[str],
            expected_version: int | None = None, at: datetime | None = None) -> None:
    """Set splits aside for an approved allocation (their total may not exceed the approved mass)."""
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.PREPARE, expected_version)
        _add_items(session, signer, allocation, numbers, at)
        allocation.status = AllocationStatus.PREPARED


def hand_over(db: Database, operator: str, reference: str, numbers: list[str] | None = None,
              due_date: date | None = None, expected_version: int | None = None,
              at: datetime | None = None, expected_ug: int | None = None) -> None:
    """Hand the prepared splits (plus any scanned ``numbers``) to the borrower, never more than approved.

    ``expected_ug`` is the total the operator saw; refused if the splits' masses changed meanwhile.
    """
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.HAND_OVER,
                                               expected_version)
        _add_items(session, signer, allocation, numbers or [], at)
        if not allocation.items:
            raise RuleViolation(f"allocation {reference} has no splits to hand over: scan or prepare some",
                                code=Refusal.NOTHING_TO_HAND_OVER, params={"reference": reference})
        if allocation.pristine_only:
            require_pristine(session, reference, [item.sample for item in allocation.items])
        total = sum(item.sample.mass_ug for item in allocation.items)
        check_not_stale(f"the splits of {reference}", total, expected_ug)
        if total > allocation.approved_mass_ug:
            raise RuleViolation(f"allocation {reference} approves {format_mass(allocation.approved_mass_ug)}; its "
                                f"splits now hold {format_mass(total)}, more than approved",
                                code=Refusal.OVER_APPROVED,
                                params={"reference": reference, "total": format_mass(total),
                                        "approved": format_mass(allocation.approved_mass_ug)})
        if due_date is not None:
            check_due_date(due_date, allocation.requested_at, at)
        for item in allocation.items:
            sample = item.sample
            item.mass_ug = sample.mass_ug
            item.status = AllocationItemStatus.HANDED_OVER
            sample.status = SampleStatus.ON_LOAN
            container = sample.container
            event = append_event(session, EventKind.HANDED_OVER, signer, at=at, sample_id=sample.id,
                                 allocation_id=allocation.id, mass_ug=sample.mass_ug,
                                 container_id=container.id if container else None,
                                 from_location_id=container.location_id if container else None,
                                 details={"due_date": due_date.isoformat()} if due_date is not None else None)
            touch_sample(sample, event)
            if container is not None:
                container.location_id = None  # it leaves the facility with the sample
        allocation.status = AllocationStatus.HANDED_OVER
        allocation.handed_over_at = event.occurred_at
        if due_date is not None:
            allocation.due_date = due_date


def _close_if_done(allocation: Allocation, event: Event) -> None:
    if all(item.status in (AllocationItemStatus.RETURNED, AllocationItemStatus.CONSUMED) for item in allocation.items):
        consumed_all = all(item.status == AllocationItemStatus.CONSUMED for item in allocation.items)
        allocation.status = AllocationStatus.CONSUMED if consumed_all else AllocationStatus.RETURNED
        allocation.closed_at = event.occurred_at


def _loan_item(allocation: Allocation, sample: Sample) -> AllocationItem:
    for item in allocation.items:
        if item.sample_id == sample.id and item.status == AllocationItemStatus.HANDED_OVER:
            return item
    raise RuleViolation(f"{sample.number} is not on loan under allocation {allocation.reference}",
                        code=Refusal.NOT_ON_LOAN, params={"number": sample.number, "reference": allocation.reference})


def record_return(db: Database, operator: str, reference: str, number: str, returned_mass_ug: int,
                  note: str = "", at: datetime | None = None, expected_ug: int | None = None,
                  consumed_ug: int | None = None, treatment: Iterable[str] = (), position: str | None = None,
                  balance: dict[str, object] | None = None) -> None:
    """A split comes back (e.g. scanned at the desk) with its weighed mass; the rest counts as consumed.
    Its container goes back into storage in the same step: at ``position`` (a position, or a shelf, rack or
    cabinet whose next free one it takes), else at the free position nearest the one it left.
    ``expected_ug``: the mass the operator saw it left with (refused if that changed meanwhile).
    ``consumed_ug``: what the borrower says it used (back + consumed must be what left);
    ``treatment``: what was done to it (Treatment words), kept in the event for its condition;
    ``balance``: the facts of the balance reading the returned mass came from (else it was typed)."""
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.RECORD_RETURN)
        return_split(session, signer, allocation, number, returned_mass_ug, note, at, expected_ug, consumed_ug,
                     treatment, position, balance)


def return_split(session: Session, signer: Operator, allocation: Allocation, number: str, returned_mass_ug: int,
                 note: str = "", at: datetime | None = None, expected_ug: int | None = None,
                 consumed_ug: int | None = None, treatment: Iterable[str] = (), position: str | None = None,
                 balance: dict[str, object] | None = None) -> None:
    """``record_return`` inside a transaction already open (one of several splits returned together)."""
    treatments = check_treatment(treatment)
    sample = get_sample(session, number)
    item = _loan_item(allocation, sample)
    check_not_stale(sample.number, item.mass_ug, expected_ug)
    if returned_mass_ug < 0 or returned_mass_ug > item.mass_ug:
        raise RuleViolation(f"{sample.number} left with {format_mass(item.mass_ug)}; a return of "
                            f"{format_mass(returned_mass_ug)} is impossible", code=Refusal.RETURN_IMPOSSIBLE,
                            params={"number": sample.number, "left": format_mass(item.mass_ug),
                                    "returned": format_mass(returned_mass_ug)})
    if consumed_ug is not None and returned_mass_ug + consumed_ug != item.mass_ug:
        raise RuleViolation(f"{sample.number} left with {format_mass(item.mass_ug)}; "
                            f"{format_mass(returned_mass_ug)} back and {format_mass(consumed_ug)} consumed "
                            f"make {format_mass(returned_mass_ug + consumed_ug)}", code=Refusal.RETURN_UNBALANCED,
                            params={"number": sample.number, "left": format_mass(item.mass_ug),
                                    "back": format_mass(returned_mass_ug), "consumed": format_mass(consumed_ug),
                                    "total": format_mass(returned_mass_ug + consumed_ug)})
    item.returned_mass_ug = returned_mass_ug
    item.consumed_mass_ug = item.mass_ug - returned_mass_ug
    item.status = AllocationItemStatus.RETURNED
    sample.status = SampleStatus.RETURNED
    home = home_for_return(session, sample, allocation.id, position)
    event = append_event(session, EventKind.RETURNED, signer, at=at, sample_id=sample.id,
                         allocation_id=allocation.id, container_id=sample.container_id,
                         to_location_id=home.id if home else None, mass_ug=returned_mass_ug, note=note,
                         details={"consumed_ug": item.consumed_mass_ug, **mass_source(balance),
                                  **({"treatment": list(treatments)} if treatments else {})})
    touch_sample(sample, event, returned_mass_ug)
    if home is not None and sample.container is not None:
        sample.container.location_id = home.id
    _close_if_done(allocation, event)


def record_consumption(db: Database, operator: str, reference: str, number: str, note: str = "",
                       at: datetime | None = None, expected_ug: int | None = None) -> None:
    """The borrower used up a split entirely in analysis (``expected_ug``: as for ``record_return``)."""
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.RECORD_CONSUMPTION)
        sample = get_sample(session, number)
        item = _loan_item(allocation, sample)
        check_not_stale(sample.number, item.mass_ug, expected_ug)
        item.consumed_mass_ug = item.mass_ug
        item.status = AllocationItemStatus.CONSUMED
        sample.status = SampleStatus.CONSUMED
        event = append_event(session, EventKind.CONSUMED, signer, at=at, sample_id=sample.id,
                             allocation_id=allocation.id, container_id=sample.container_id, mass_ug=0, note=note,
                             details={"consumed_ug": item.mass_ug})
        touch_sample(sample, event, 0)
        _close_if_done(allocation, event)


def cancel(db: Database, operator: str, reference: str, reason: str, expected_version: int | None = None,
           at: datetime | None = None) -> None:
    """Cancel before handover; prepared splits go back into store."""
    if not reason.strip():
        raise ValidationError("say why the allocation is cancelled", code=Refusal.REASON_NEEDED)
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.CANCEL, expected_version)
        for item in allocation.items:
            item.sample.status = SampleStatus.IN_STORE
            item.status = AllocationItemStatus.CANCELLED
        event = append_event(session, EventKind.CANCELLED, signer, at=at, allocation_id=allocation.id, note=reason)
        allocation.status = AllocationStatus.CANCELLED
        allocation.closed_at = event.occurred_at


def update_terms(db: Database, operator: str, reference: str, expected_version: int | None, *,
                 pi: str | None = None, purpose: str | None = None) -> int:
    """Edit an allocation's PI or purpose; refused with ConflictError if someone saved it in between.
    (The due date, mass and borrower are a curator's act with a reason: allocation_terms.edit_allocation.)

    Returns the new version.
    """
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, None, expected_version)
        changes: dict[str, Any] = {column: value for column, value in (("pi", pi), ("purpose", purpose))
                                   if value is not None}
        if changes:
            amend(session, signer, allocation, **changes)
        return allocation.version
