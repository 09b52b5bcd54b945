"""The borrowers' yearly inventory: every borrower holding material at the end of a year states, by
31 January, what each split it holds has become (held, consumed, returned); more than 60 days late, it
is refused new allocations as an overdue borrower is (a curator may override with a reason).

A confirmation is an "inventoried" event on each loan, carrying the year and the borrower's answers.
(curator/inventory.py is the facility's own stock of samples; this is the borrowers' side.)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.countries import country_name
from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import append_event
from curator.lookup import get_institution
from curator.mass import format_mass
from curator.operators import find_operator
from curator.storage.db import Database
from curator.storage.models import Allocation, Event, Institution
from curator.vocabulary import AllocationItemStatus, AllocationStatus, EventKind

#: Days after the inventory's due date from which the borrower is refused new allocations.
GRACE_DAYS = 60


def inventory_due(year: int) -> date:
    """The day the inventory of ``year`` is due: 31 January of the next year."""
    return date(year + 1, 1, 31)


def check_year(year: int) -> None:
    if not 1969 <= year < date.max.year:
        raise ValidationError(f"{year} is not a year of lunar sample loans", code=Refusal.NOT_A_LOAN_YEAR,
                              params={"year": year})


def current_year(today: date) -> int:
    """The year whose inventory is asked for on ``today``: the last year that has ended."""
    return today.year - 1


@dataclass(frozen=True)
class OwedInventory:
    """A loan whose inventory of ``year`` the borrower has not confirmed yet."""

    reference: str
    institution: str
    year: int

    @property
    def due(self) -> date:
        return inventory_due(self.year)

    def blocks(self, today: date) -> bool:
        """More than GRACE_DAYS late: the borrower is refused new allocations."""
        return today > self.due + timedelta(days=GRACE_DAYS)


def _year_end(year: int) -> datetime:
    return datetime(year + 1, 1, 1, tzinfo=UTC)


def confirmed_years(session: Session, allocation_ids: list[int] | None = None) -> dict[int, dict[int, datetime]]:
    """allocation id -> {year: when its inventory was confirmed}."""
    query = select(Event.allocation_id, Event.details, Event.occurred_at).where(Event.kind == EventKind.INVENTORIED)
    if allocation_ids is not None:
        query = query.where(Event.allocation_id.in_(allocation_ids))
    found: dict[int, dict[int, datetime]] = defaultdict(dict)
    for allocation_id, details, occurred_at in session.execute(query):
        assert allocation_id is not None  # an inventoried event is always on a loan
        found[allocation_id][int(json.loads(details)["year"])] = occurred_at
    return found


def held_loans(session: Session, year: int, institution_id: int | None = None) -> list[Allocation]:
    """Loans out now that were handed over before the end of ``year``: their borrower owes its inventory."""
    query = (select(Allocation).where(Allocation.status == AllocationStatus.HANDED_OVER,
                                      Allocation.handed_over_at < _year_end(year))
             .order_by(Allocation.reference))
    if institution_id is not None:
        query = query.where(Allocation.institution_id == institution_id)
    return list(session.execute(query).scalars())


def owed_inventories(session: Session, today: date, institution_id: int | None = None) -> list[OwedInventory]:
    """Loans whose inventory of the last ended year is not confirmed yet (late or not)."""
    year = current_year(today)
    loans = held_loans(session, year, institution_id)
    confirmed = confirmed_years(session, [loan.id for loan in loans])
    return [OwedInventory(loan.reference, loan.institution.name, year) for loan in loans
            if year not in confirmed.get(loan.id, {})]


def blocking_inventories(session: Session, today: date, institution_id: int) -> list[OwedInventory]:
    """The borrower's inventories more than GRACE_DAYS late (a new allocation needs a curator's override)."""
    return [owed for owed in owed_inventories(session, today, institution_id) if owed.blocks(today)]


@dataclass(frozen=True)
class StatementLine:
    reference: str
    number: str
    mission: str
    handed_over: date | None
    handed_over_ug: int
    due_date: date | None


@dataclass(frozen=True)
class Statement:
    """What a borrower is asked to confirm for ``year``: every split it holds."""

    institution: str
    city: str
    country: str
    contact: str
    year: int
    written: date
    lines: tuple[StatementLine, ...]

    @property
    def due(self) -> date:
        return inventory_due(self.year)

    @property
    def total_ug(self) -> int:
        return sum(line.handed_over_ug for line in self.lines)


def _lines(loans: list[Allocation]) -> tuple[StatementLine, ...]:
    return tuple(
        StatementLine(loan.reference, item.sample.number, loan.mission.code,
                      loan.handed_over_at.date() if loan.handed_over_at else None, item.mass_ug, loan.due_date)
        for loan in loans
        for item in sorted(loan.items, key=lambda item: item.sample.number)
        if item.status == AllocationItemStatus.HANDED_OVER)


def statements(db: Database, year: int, today: date, institution: str | None = None) -> list[Statement]:
    """One statement per borrower holding material from before the end of ``year``, by name."""
    check_year(year)
    with db.read() as session:
        only = get_institution(session, institution).id if institution else None
        by_borrower: dict[int, list[Allocation]] = defaultdict(list)
        for loan in held_loans(session, year, only):
            by_borrower[loan.institution_id].append(loan)
        found = []
        for institution_id, loans in by_borrower.items():
            borrower = session.get(Institution, institution_id)
            assert borrower is not None
            found.append(Statement(borrower.name, borrower.city, country_name(borrower.country), borrower.contact,
                                   year, today, _lines(loans)))
        return sorted(found, key=lambda statement: statement.institution)


@dataclass(frozen=True)
class Answer:
    """A borrower's answer for one split: what it holds now, consumed and returned, and remarks."""

    reference: str
    number: str
    held_ug: int
    consumed_ug: int
    returned_ug: int
    remarks: str = ""


def _loans_to_confirm(session: Session, ref: str, year: int) -> list[Allocation]:
    """The loan called ``ref``, or every loan a borrower called ``ref`` held at the end of ``year``."""
    loan = session.execute(select(Allocation).where(Allocation.reference == ref.strip())).scalar_one_or_none()
    if loan is not None:
        if loan.status != AllocationStatus.HANDED_OVER:
            raise RuleViolation(f"allocation {loan.reference} is {loan.status.replace('_', ' ')}: "
                                "only a loan out has an inventory to confirm", code=Refusal.NOT_OUT,
                                params={"reference": loan.reference, "status": loan.status})
        return [loan]
    borrower = session.execute(select(Institution).where(Institution.name == ref.strip())).scalar_one_or_none()
    if borrower is None:
        raise ValidationError(f"no allocation or borrower called {ref!r}", code=Refusal.UNKNOWN_LOAN_OR_BORROWER,
                              params={"code": ref})
    loans = held_loans(session, year, borrower.id)
    if not loans:
        raise RuleViolation(f"{borrower.name} held no material at the end of {year}", code=Refusal.HELD_NOTHING,
                            params={"name": borrower.name, "year": year})
    return loans


def _checked_answers(loan: Allocation, answers: list[Answer] | None) -> list[dict[str, object]]:
    """The answers for ``loan``'s splits, each adding up to the mass handed over; every split answered."""
    items = {item.sample.number: item for item in loan.items if item.status == AllocationItemStatus.HANDED_OVER}
    given = {answer.number: answer for answer in answers or () if answer.reference == loan.reference}
    if answers is None:  # confirmed as handed over: everything still held
        given = {number: Answer(loan.reference, number, item.mass_ug, 0, 0) for number, item in items.items()}
    for number in given:
        if number not in items:
            raise ValidationError(f"{number} is not a split of {loan.reference} on loan", code=Refusal.NOT_ON_LOAN,
                                  params={"number": number, "reference": loan.reference})
    missing = sorted(set(items) - set(given))
    if missing:
        raise ValidationError(f"the inventory of {loan.reference} says nothing about {', '.join(missing)}",
                              code=Refusal.INVENTORY_SILENT, params={"reference": loan.reference,
                                                                     "numbers": ", ".join(missing)})
    recorded = []
    for number, answer in sorted(given.items()):
        out = items[number].mass_ug
        stated = answer.held_ug + answer.consumed_ug + answer.returned_ug
        if min(answer.held_ug, answer.consumed_ug, answer.returned_ug) < 0 or stated != out:
            raise ValidationError(
                f"{number}: held {format_mass(answer.held_ug)} + consumed {format_mass(answer.consumed_ug)} + "
                f"returned {format_mass(answer.returned_ug)} is {format_mass(stated)}, not the "
                f"{format_mass(out)} handed over", code=Refusal.INVENTORY_UNBALANCED,
                params={"number": number, "held": format_mass(answer.held_ug),
                        "consumed": format_mass(answer.consumed_ug), "returned": format_mass(answer.returned_ug),
                        "total": format_mass(stated), "out": format_mass(out)})
        recorded.append({"number": number, "held_ug": answer.held_ug, "consumed_ug": answer.consumed_ug,
                         "returned_ug": answer.returned_ug, "remarks": answer.remarks.strip()})
    return recorded


def confirm(db: Database, operator: str, ref: str, year: int, answers: list[Answer] | None = None,
            at: datetime | None = None) -> list[str]:
    """Record a borrower's inventory of ``year`` for the loan ``ref`` (or every loan of the borrower ``ref``):
    one "inventoried" event per loan. ``answers`` None: everything is held as handed over. Returns the
    references confirmed."""
    with db.write() as session:
        signer = find_operator(session, operator)
        moment = at or datetime.now(UTC)
        if year >= moment.year + 1 or year < 1969:
            raise ValidationError(f"{year} is not a year whose inventory can be confirmed",
                                  code=Refusal.NOT_AN_INVENTORY_YEAR, params={"year": year})
        loans = _loans_to_confirm(session, ref, year)
        done = confirmed_years(session, [loan.id for loan in loans])
        for loan in loans:
            if year in done.get(loan.id, {}):
                raise RuleViolation(f"the {year} inventory of {loan.reference} was confirmed on "
                                    f"{done[loan.id][year].date()}", code=Refusal.INVENTORY_CONFIRMED,
                                    params={"year": year, "reference": loan.reference,
                                            "date": done[loan.id][year].date()})
            if loan.handed_over_at is None or loan.handed_over_at >= _year_end(year):
                raise RuleViolation(f"{loan.reference} was handed over after {year}: no {year} inventory",
                                    code=Refusal.NO_INVENTORY_YET, params={"reference": loan.reference, "year": year})
        for loan in loans:
            append_event(session, EventKind.INVENTORIED, signer, at=at, allocation_id=loan.id,
                         details={"year": year, "items": _checked_answers(loan, answers)})
        return [loan.reference for loan in loans]

