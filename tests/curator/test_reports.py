"""Reports add up to the allocation records, whatever the grouping."""

from datetime import date

import pytest
from sqlalchemy import select

from curator.reports import ALLOCATED_STATUSES, GROUPINGS, ReportFilter, mass_report, report_total
from curator.storage.models import Allocation


def record_totals(db, mission: str | None = None) -> tuple[int, int, int, int]:
    with db.read() as session:
        allocations = session.execute(select(Allocation)).scalars().all()
        chosen = [a for a in allocations if mission is None or a.mission.code == mission]
        approved = sum(a.approved_mass_ug for a in chosen if a.status in ALLOCATED_STATUSES)
        items = [i for a in chosen for i in a.items if i.status in ("handed_over", "returned", "consumed")]
        return (approved, sum(i.mass_ug for i in items), sum(i.returned_mass_ug for i in items),
                sum(i.consumed_mass_ug for i in items))


@pytest.mark.parametrize("by", GROUPINGS)
def test_every_grouping_adds_up_to_the_records(demo_db, by: str) -> None:
    total = report_total(mass_report(demo_db, by))
    assert (total.allocated_ug, total.handed_over_ug, total.returned_ug, total.consumed_ug) == record_totals(demo_db)
    assert total.on_loan_ug == total.handed_over_ug - total.returned_ug - total.consumed_ug


def test_country_report_of_the_2025_international_loans(demo_db) -> None:
    rows = {row.key: row for row in mass_report(demo_db, "country", ReportFilter(date_from=date(2023, 12, 1),
                                                                              date_to=date(2023, 12, 31)))}
    assert set(rows) == {"FR", "DE", "JP", "PK", "GB", "US"}
    assert sum(row.allocated_ug for row in rows.values()) == 2_180_000  # 2.18 g, CNSA 2025-04-24
    assert rows["GB"].label == "United Kingdom" and rows["US"].allocations == 2


def test_mission_filter(demo_db) -> None:
    ce6 = report_total(mass_report(demo_db, "institution", ReportFilter(mission="CE-6")))
    assert ce6.allocated_ug == record_totals(demo_db, "CE6")[0] > 0


def test_years_come_in_order(demo_db) -> None:
    keys = [row.key for row in mass_report(demo_db, "year")]
    assert keys == sorted(keys) and "2025" in keys
