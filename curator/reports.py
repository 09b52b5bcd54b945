"""Mass allocated, handed over, returned, consumed and on loan, grouped for charts and spreadsheets.

Each figure comes from one GROUP BY query; nothing is summed in Python row by row.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Integer, Select, case, cast, extract, func, select
from sqlalchemy.orm import QueryableAttribute

from curator.countries import REPORTED_UNDER, country_name
from curator.storage.db import Database
from curator.storage.models import Allocation, AllocationItem, Event, Institution, Mission
from curator.vocabulary import HANDED_ITEM_STATUSES, AllocationStatus, EventKind

GROUPINGS = ("country", "institution", "mission", "year")
#: Allocations whose approved mass counts as allocated (requested and cancelled ones do not).
ALLOCATED_STATUSES = (AllocationStatus.APPROVED, AllocationStatus.PREPARED, AllocationStatus.HANDED_OVER,
                      AllocationStatus.RETURNED, AllocationStatus.CONSUMED)
Columns = TypeVarTuple("Columns")


@dataclass(frozen=True)
class ReportRow:
    key: str
    label: str
    allocations: int
    allocated_ug: int
    handed_over_ug: int
    returned_ug: int
    consumed_ug: int
    on_loan_ug: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ReportFilter:
    mission: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def reported_country_column() -> ColumnElement[str]:
    """The institution's country as figures per country count it (curator.countries.REPORTED_UNDER:
    Hong Kong and Macao under China), in SQL."""
    return case(REPORTED_UNDER, value=Institution.country, else_=Institution.country)


def _group_column(by: str) -> QueryableAttribute[Any] | ColumnElement[Any]:
    if by == "country":
        return reported_country_column()
    if by == "institution":
        return Institution.name
    if by == "mission":
        return Mission.code
    if by == "year":
        return cast(extract("year", func.coalesce(Allocation.approved_at, Allocation.requested_at)), Integer)
    raise ValueError(f"unknown grouping {by!r} (use one of {', '.join(GROUPINGS)})")


def _filtered(query: Select[*Columns], report_filter: ReportFilter) -> Select[*Columns]:
    query = query.join(Institution, Allocation.institution_id == Institution.id).join(
        Mission, Allocation.mission_id == Mission.id
    )
    if report_filter.mission:
        query = query.where(Mission.code == report_filter.mission.upper().replace("-", ""))
    # Whole UTC days as time ranges: portable (no SQL date function differs between backends).
    if report_filter.date_from:
        query = query.where(Allocation.requested_at >= _day_start(report_filter.date_from))
    if report_filter.date_to:
        query = query.where(Allocation.requested_at < _day_start(report_filter.date_to + timedelta(days=1)))
    return query


#: The filter of the reports, for other read-side queries over allocations (joins Institution and Mission).
filter_allocations = _filtered


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def mass_report(db: Database, by: str, report_filter: ReportFilter | None = None) -> list[ReportRow]:
    """Totals per country, institution, mission or year (of approval): largest first, years in order.
    Per country, institutions in Hong Kong and Macao count under China (curator.countries)."""
    report_filter = report_filter or ReportFilter()
    group = _group_column(by).label("key")
    allocated = _filtered(
        select(group, func.count(Allocation.id), func.sum(Allocation.approved_mass_ug))
        .select_from(Allocation)
        .where(Allocation.status.in_(ALLOCATED_STATUSES)),
        report_filter,
    ).group_by(group)
    handed = _filtered(
        select(group, func.sum(AllocationItem.mass_ug), func.sum(AllocationItem.returned_mass_ug),
               func.sum(AllocationItem.consumed_mass_ug))
        .select_from(AllocationItem)
        .join(Allocation, AllocationItem.allocation_id == Allocation.id)
        .where(AllocationItem.status.in_(HANDED_ITEM_STATUSES)),
        report_filter,
    ).group_by(group)
    with db.read() as session:
        totals: dict[str, list[int]] = {}
        for key, count, approved in session.execute(allocated):
            totals[str(key)] = [int(count), int(approved or 0), 0, 0, 0]
        for key, out, returned, consumed in session.execute(handed):
            row = totals.setdefault(str(key), [0, 0, 0, 0, 0])
            row[2:] = [int(out or 0), int(returned or 0), int(consumed or 0)]
    rows = [
        ReportRow(key, country_name(key) if by == "country" else key, count, approved, out, returned,
                  consumed, out - returned - consumed)
        for key, (count, approved, out, returned, consumed) in totals.items()
    ]
    if by == "year":
        return sorted(rows, key=lambda row: row.key)
    return sorted(rows, key=lambda row: (-row.allocated_ug, row.key))


def report_total(rows: list[ReportRow]) -> ReportRow:
    """The sum of the rows, as a row labelled Total."""
    def total(name: str) -> int:
        return sum(getattr(row, name) for row in rows)

    return ReportRow("total", "Total", total("allocations"), total("allocated_ug"), total("handed_over_ug"),
                     total("returned_ug"), total("consumed_ug"), total("on_loan_ug"))




@dataclass(frozen=True)
class MassSources:
    """Where the weighings' masses came from: read from a balance, typed, or recorded before Curator said."""

    weighings: int
    from_balance: int
    typed: int

    @property
    def balance_percent(self) -> int:
        return round(100 * self.from_balance / self.weighings) if self.weighings else 0


def mass_sources(db: Database) -> MassSources:
    """Count the weighings by the source their event states (details are canonical JSON: "source":"...")."""
    def stating(source: str) -> ColumnElement[int]:
        return func.count(case((Event.details.contains(f'"source":"{source}"'), 1)))

    with db.read() as session:
        total, balance, typed = session.execute(
            select(func.count(), stating("balance"), stating("typed")).where(Event.kind == EventKind.WEIGHED)).one()
    return MassSources(total, balance, typed)
