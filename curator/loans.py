"""Read side of allocations for the desk: every loan with its masses per state, and its splits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select

from curator.condition import conditions
from curator.countries import reported_country_name
from curator.loan_results import loan_closed, results_by_allocation
from curator.lookup import get_allocation
from curator.reports import ALLOCATED_STATUSES, ReportFilter, filter_allocations
from curator.rows import AllocationItemRow, AllocationRow
from curator.storage.db import Database
from curator.storage.models import Allocation, AllocationItem, Container, Institution, Mission, Sample
from curator.vocabulary import HANDED_ITEM_STATUSES, AllocationItemStatus, AllocationStatus


def allocation_rows(db: Database, today: date | None = None, reference: str | None = None) -> list[AllocationRow]:
    """All allocations (or the one called ``reference``), newest request first, with masses handed over,
    returned and consumed."""
    today = today or date.today()
    handed = func.sum(case((AllocationItem.status.in_(HANDED_ITEM_STATUSES), AllocationItem.mass_ug), else_=0))
    items = (select(AllocationItem.allocation_id.label("aid"), handed.label("out"),
                    func.sum(AllocationItem.returned_mass_ug).label("back"),
                    func.sum(AllocationItem.consumed_mass_ug).label("used"))
             .group_by(AllocationItem.allocation_id).subquery())
    query = (select(Allocation, Institution.name, Institution.country, Mission.code,
                    items.c.out, items.c.back, items.c.used)
             .join(Institution, Allocation.institution_id == Institution.id)
             .join(Mission, Allocation.mission_id == Mission.id)
             .outerjoin(items, items.c.aid == Allocation.id)
             .order_by(Allocation.requested_at.desc(), Allocation.reference))
    if reference is not None:
        query = query.where(Allocation.reference == reference.strip())
    with db.read() as session:
        results = results_by_allocation(session)
        return [AllocationRow(
            reference=loan.reference, institution=name, country=country, country_name=reported_country_name(country),
            pi=loan.pi, mission=mission, approved_ug=loan.approved_mass_ug, handed_over_ug=int(out or 0),
            returned_ug=int(back or 0), consumed_ug=int(used or 0), status=AllocationStatus(loan.status),
            due_date=loan.due_date, requested_at=loan.requested_at, version=loan.version,
            overdue=loan.status == AllocationStatus.HANDED_OVER and loan.due_date is not None and loan.due_date < today,
            closed=loan_closed(loan.status, results.get(loan.id)), pristine_only=loan.pristine_only)
            for loan, name, country, mission, out, back, used in session.execute(query)]


def allocation_items(db: Database, reference: str) -> list[AllocationItemRow]:
    """The splits of an allocation, by sample number. A prepared split shows its sample's current mass (what
    a hand-over would take); a split handed over shows the mass it left with."""
    mass = case((AllocationItem.status == AllocationItemStatus.PREPARED, Sample.mass_ug), else_=AllocationItem.mass_ug)
    with db.read() as session:
        allocation = get_allocation(session, reference)
        rows = session.execute(select(Sample.id, Sample.number, mass, AllocationItem.status, Container.barcode,
                                      AllocationItem.returned_mass_ug, AllocationItem.consumed_mass_ug)
                               .join(Sample, AllocationItem.sample_id == Sample.id)
                               .outerjoin(Container, Sample.container_id == Container.id)
                               .where(AllocationItem.allocation_id == allocation.id).order_by(Sample.number)).all()
        condition = conditions(session, [row[0] for row in rows])
        return [AllocationItemRow(number, mass, AllocationItemStatus(status), barcode or "", int(back or 0),
                                  int(used or 0), condition[sample_id].condition)
                for sample_id, number, mass, status, barcode, back, used in rows]


def overdue_references(db: Database, institution: str, today: date | None = None) -> list[str]:
    """References of the institution's overdue loans and of its loans whose inventory is more than 60 days
    late (a new allocation needs a curator's override)."""
    from curator.allocations import overdue_loans
    from curator.loan_inventory import blocking_inventories
    from curator.lookup import get_institution

    with db.read() as session:
        borrower = get_institution(session, institution)
        today = today or date.today()
        late_inventories = blocking_inventories(session, today, borrower.id)
        return ([late.reference for late in overdue_loans(session, today, borrower.id)]
                + [f"{owed.reference}: {owed.year} inventory" for owed in late_inventories])


def cumulative_allocated(db: Database, report_filter: ReportFilter | None = None) -> list[tuple[date, int, int]]:
    """(day, allocated so far, handed over so far) at each approval or handover, for a timeline chart;
    filtered as the mass reports are."""
    query = filter_allocations(
        select(Allocation.approved_at, Allocation.handed_over_at, Allocation.approved_mass_ug, Allocation.id)
        .select_from(Allocation)
        .where(Allocation.status.in_(ALLOCATED_STATUSES), Allocation.approved_at.is_not(None)),
        report_filter or ReportFilter())
    with db.read() as session:
        handed = {allocation_id: total for allocation_id, total in session.execute(
            select(AllocationItem.allocation_id, func.sum(AllocationItem.mass_ug))
            .where(AllocationItem.status.in_(HANDED_ITEM_STATUSES)).group_by(AllocationItem.allocation_id))}
        steps: list[tuple[date, int, int]] = []
        for approved_at, handed_at, mass, allocation_id in session.execute(query):
            if approved_at is None:  # the query leaves these out
                continue
            steps.append((approved_at.date(), int(mass), 0))
            if handed_at is not None and allocation_id in handed:
                steps.append((handed_at.date(), 0, int(handed[allocation_id])))
    steps.sort()
    timeline: list[tuple[date, int, int]] = []
    allocated = out = 0
    for day, add_allocated, add_out in steps:
        allocated, out = allocated + add_allocated, out + add_out
        if timeline and timeline[-1][0] == day:
            timeline[-1] = (day, allocated, out)
        else:
            timeline.append((day, allocated, out))
    return timeline
