"""Figures per country count institutions in Hong Kong and Macao under China, as the lending agency does;
the institution keeps its own ISO code (curator/countries.py says how)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from curator.countries import country_name, reported_country, reported_country_name
from curator.loans import allocation_rows
from curator.outputs.spreadsheets import export_workbook
from curator.reports import ALLOCATED_STATUSES, mass_report
from curator.storage.db import Database
from curator.storage.models import Allocation, Institution
from tests.curator.spreadsheet_support import odd_loans


def test_hong_kong_and_macao_are_reported_under_china_with_their_region() -> None:
    assert [reported_country(code) for code in ("HK", "mo", "CN", "FR", "TW")] == ["CN", "CN", "CN", "FR", "TW"]
    assert reported_country_name("MO") == "China (Macao)"
    assert reported_country_name("HK") == "China (Hong Kong)"
    assert reported_country_name("MO", "zh") == "中国（澳门）"
    assert reported_country_name("FR") == "France" and reported_country_name("FR", "zh") == "法国"
    assert country_name("MO") == "Macao"  # the code's own name is unchanged


def _allocated_in(db: Database, codes: set[str]) -> tuple[int, int]:
    with db.read() as session:
        loans = session.execute(select(Allocation.approved_mass_ug).join(Institution)
                                .where(Institution.country.in_(codes),
                                       Allocation.status.in_(ALLOCATED_STATUSES))).scalars().all()
    return len(loans), sum(loans)


def test_the_country_report_counts_macao_under_china(demo_db: Database) -> None:
    rows = {row.key: row for row in mass_report(demo_db, "country")}
    assert "MO" not in rows and "HK" not in rows
    assert rows["CN"].label == "China"
    assert (rows["CN"].allocations, rows["CN"].allocated_ug) == _allocated_in(demo_db, {"CN", "HK", "MO"})
    assert _allocated_in(demo_db, {"MO"})[0] > 0  # the demo lends to Macao, so the test can fail


def test_the_allocations_list_names_the_region(demo_db: Database) -> None:
    macao = [row for row in allocation_rows(demo_db) if row.country == "MO"]
    assert macao and all(row.country_name == "China (Macao)" for row in macao)


def test_the_workbook_groups_by_reported_country_and_keeps_the_iso_code(db: Database, tmp_path: Path) -> None:
    odd_loans(db)
    out = tmp_path / "loans.xlsx"
    export_workbook(db, out)
    workbook = load_workbook(out)
    register = workbook["Allocations"]
    headers = [cell.value for cell in register[1]]
    rows = {row[0]: dict(zip(headers, row, strict=True)) for row in register.iter_rows(min_row=2, values_only=True)}
    assert (rows["HK-1"]["Country"], rows["HK-1"]["Country name"], rows["HK-1"]["ISO code"]) == (
        "CN", "China (Hong Kong)", "HK")
    assert (rows["PK-1"]["Country"], rows["PK-1"]["Country name"], rows["PK-1"]["ISO code"]) == ("CN", "China", "CN")
    by_country = [row for row in workbook["By country"].iter_rows(min_row=2, values_only=True)]
    assert [row[0] for row in by_country] == ["JP", "CN", "US", "Total"]
    assert by_country[1][1] == "China"
    by_institution = {row[0]: row[1] for row in workbook["By institution"].iter_rows(min_row=2, values_only=True)}
    assert by_institution["The University of Hong Kong"] == "China (Hong Kong)"
