"""Reminders of due dates and yearly inventories, on Arctos's schedule: 30 and 7 days before the due
date, on it, 7 and 30 days after, then every 30 days. Each step's reminder is sent once: a reminder
letter to a borrower is recorded as one "reminded" event per loan, naming the step it answers.

The same schedule runs up to a borrower's yearly inventory (due 31 January, curator/loan_inventory.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation
from curator.events import append_event
from curator.loan_inventory import owed_inventories
from curator.lookup import get_allocation, get_institution
from curator.operators import find_operator
from curator.storage.db import Database
from curator.storage.models import Allocation, Event, Institution
from curator.vocabulary import AllocationStatus, DueState, EventKind

#: Days from the due date of the first reminders; then one every MONTH_DAYS after the last of them.
FIXED_STEPS = (-30, -7, 0, 7, 30)
MONTH_DAYS = 30
#: How far ahead the Due list looks.
LOOK_AHEAD_DAYS = 30


def step_reached(due: date, today: date) -> int | None:
    """Days from ``due`` of the latest reminder step on or before ``today`` (None: before the first)."""
    offset = (today - due).days
    if offset < FIXED_STEPS[0]:
        return None
    if offset >= FIXED_STEPS[-1]:
        return FIXED_STEPS[-1] + (offset - FIXED_STEPS[-1]) // MONTH_DAYS * MONTH_DAYS
    return max(step for step in FIXED_STEPS if step <= offset)


def schedule(due: date, until: date) -> list[date]:
    """Every reminder date for a loan due on ``due``, up to ``until``."""
    dates = [due + timedelta(days=step) for step in FIXED_STEPS]
    while dates[-1] + timedelta(days=MONTH_DAYS) <= until:
        dates.append(dates[-1] + timedelta(days=MONTH_DAYS))
    return [day for day in dates if day <= until]


@dataclass(frozen=True)
class DueItem:
    """A loan on the Due list: its return or its borrower's inventory, the reminder step reached and
    whether that step's reminder went out."""

    institution: str
    contact: str
    reference: str
    pi: str
    state: DueState
    due: date
    #: Days past ``due`` (negative: days left).
    days: int
    #: The reminder step reached, e.g. "return-7", "return+30", "inventory2025+0".
    step: str
    #: The year of an inventory item (None for a return).
    year: int | None = None
    #: When this step's reminder was sent (None: still to send).
    sent_on: date | None = None

    @property
    def to_send(self) -> bool:
        return self.sent_on is None


def _sent_steps(session: Session) -> dict[tuple[int, str], date]:
    """(allocation id, step) -> the day its reminder was sent."""
    rows = session.execute(select(Event.allocation_id, Event.details, Event.occurred_at)
                           .where(Event.kind == EventKind.REMINDED))
    return {(allocation_id or 0, json.loads(details)["step"]): occurred_at.date()
            for allocation_id, details, occurred_at in rows}


def _return_state(due: date, today: date) -> DueState:
    return DueState.DUE_SOON if due > today else DueState.DUE if due == today else DueState.OVERDUE


def _due_items(session: Session, today: date) -> list[DueItem]:
    sent = _sent_steps(session)
    items: list[DueItem] = []
    try:
        horizon = today + timedelta(days=LOOK_AHEAD_DAYS)
    except OverflowError:  # the last days of the calendar
        horizon = date.max
    loans = session.execute(
        select(Allocation, Institution).join(Institution)
        .where(Allocation.status == AllocationStatus.HANDED_OVER, Allocation.due_date <= horizon))
    for loan, borrower in loans:
        assert loan.due_date is not None  # the query keeps only loans with a due date
        reached = step_reached(loan.due_date, today)
        step = f"return{reached:+d}"
        items.append(DueItem(borrower.name, borrower.contact, loan.reference, loan.pi,
                             _return_state(loan.due_date, today), loan.due_date, (today - loan.due_date).days,
                             step, None, sent.get((loan.id, step))))
    for owed in owed_inventories(session, today):
        loan = get_allocation(session, owed.reference)
        reached = step_reached(owed.due, today)
        if reached is None:
            continue
        step = f"inventory{owed.year}{reached:+d}"
        state = DueState.INVENTORY_DUE if today <= owed.due else DueState.INVENTORY_LATE
        items.append(DueItem(owed.institution, loan.institution.contact, owed.reference, loan.pi, state, owed.due,
                             (today - owed.due).days, step, owed.year, sent.get((loan.id, step))))
    return sorted(items, key=lambda item: (item.institution.casefold(), item.due, item.reference))


def due_list(db: Database, today: date | None = None) -> list[DueItem]:
    """Loans due within LOOK_AHEAD_DAYS, due, overdue, and inventories due or late, by borrower."""
    with db.read() as session:
        return _due_items(session, today or date.today())


def reminders(db: Database, today: date | None = None) -> list[DueItem]:
    """What is to be reminded on ``today``: the items of the Due list whose current step was not sent."""
    return [item for item in due_list(db, today) if item.to_send]


def record_sent(db: Database, operator: str, institution: str, today: date | None = None,
                at: datetime | None = None) -> list[DueItem]:
    """Record that the borrower's reminder letter went out: one "reminded" event per item still to send
    (so it is not listed again for the same step). Returns those items; refused when there are none."""
    today = today or date.today()
    with db.write() as session:
        signer = find_operator(session, operator)
        borrower = get_institution(session, institution)
        items = [item for item in _due_items(session, today) if item.institution == borrower.name and item.to_send]
        if not items:
            raise RuleViolation(f"{borrower.name} has nothing to be reminded of on {today}",
                                code=Refusal.NOTHING_TO_REMIND, params={"name": borrower.name, "date": today})
        for item in items:
            append_event(session, EventKind.REMINDED, signer, at=at,
                         allocation_id=get_allocation(session, item.reference).id,
                         details={"step": item.step, "state": item.state, "due": item.due.isoformat()})
        return items

