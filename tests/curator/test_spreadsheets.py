"""The allocation workbook: sheets, typed cells, formats, and totals equal to mass_report."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.outputs.spreadsheet_totals import totals_formulas
from curator.outputs.spreadsheets import ExportCancelled, ExportOptions, export_workbook
from curator.reports import ReportFilter, mass_report
from curator.storage.db import Database
from tests.curator.spreadsheet_support import odd_loans

SHEETS = ["Allocations", "Samples", "By country", "By institution", "About", "Chart by country",
          "Chart by institution"]
TABLES = ["Allocations", "Samples", "By country", "By institution"]


def test_workbook_has_every_sheet_with_typed_cells(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    result = export_workbook(demo_db, out, ExportOptions(operator="Chen Jing"))
    assert result.sheets == SHEETS
    workbook = load_workbook(out)
    assert workbook.sheetnames == SHEETS
    register = workbook["Allocations"]
    assert [cell.value for cell in register[1]][:9] == ["Reference", "Institution", "Country", "Country name",
                                                        "ISO code", "PI", "Mission", "Status", "Approved (mg)"]
    assert register.max_row == result.allocations + 1 == 18
    for sheet in TABLES:
        assert workbook[sheet].freeze_panes == "A2"
        assert workbook[sheet].auto_filter.ref.startswith("A1:")
    assert register.column_dimensions["B"].width >= 30
    first = {cell.value: value for cell, value in zip(register[1], register[2], strict=True)}
    assert isinstance(first["Approved (mg)"].value, (int, float))
    assert first["Approved (mg)"].number_format.endswith('"mg"')
    assert isinstance(first["Requested"].value, datetime) and first["Requested"].is_date
    samples = workbook["Samples"]
    assert samples.max_row == result.samples + 1
    assert all(isinstance(row[5], (int, float)) for row in samples.iter_rows(min_row=2, values_only=True))
    about = {row[0]: row[1] for row in workbook["About"].iter_rows(values_only=True) if row[0]}
    assert about["Operator"] == "Chen Jing" and about["Database"] == demo_db.display_name
    assert [len(sheet._charts) for sheet in workbook.chartsheets] == [1, 1]


def test_the_workbook_prints_landscape_fit_to_width_with_headers_and_charts_alone(demo_db: Database,
                                                                                   tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    export_workbook(demo_db, out)
    workbook = load_workbook(out)
    for name in TABLES:
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), name
        assert sheet.print_title_rows == "$1:$1", name  # the header row on every printed page
        assert not sheet._charts, f"{name}: a chart beside the table would print cut across pages"
    charts = {sheet.title: sheet for sheet in workbook.chartsheets}
    assert set(charts) == {"Chart by country", "Chart by institution"}
    for sheet in charts.values():
        assert len(sheet._charts) == 1 and sheet.pageSetup.orientation == "landscape"
    assert workbook["About"].sheet_properties.pageSetUpPr.fitToPage


def test_no_mass_is_stored_as_text(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    export_workbook(demo_db, out)
    workbook = load_workbook(out)
    for name in ("Allocations", "Samples"):
        sheet = workbook[name]
        headers = [cell.value for cell in sheet[1]]
        mass_columns = [i for i, header in enumerate(headers) if "(mg)" in header]
        for row in sheet.iter_rows(min_row=2, values_only=True):
            assert all(isinstance(row[i], (int, float)) for i in mass_columns)


def test_totals_are_formulas_over_the_register(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    export_workbook(demo_db, out)
    sheet = load_workbook(out)["By country"]
    rows = mass_report(demo_db, "country")
    assert [row[0] for row in sheet.iter_rows(min_row=2, max_row=len(rows) + 1, values_only=True)] == [
        row.key for row in rows]
    assert sheet["C2"].value.startswith("=SUMPRODUCT(") and "Allocations!" in sheet["D2"].value
    total = sheet.cell(row=len(rows) + 2, column=4).value
    assert sheet.cell(row=len(rows) + 2, column=1).value == "Total" and total.startswith("=SUM(D2:")


def test_formulas_exclude_requested_and_cancelled() -> None:
    formulas = totals_formulas("country", 2, 10)
    assert '<>"requested"' in formulas[0] and '<>"cancelled"' in formulas[0]
    assert '<>"requested"' in formulas[1]  # allocated
    assert '<>"requested"' not in formulas[2]  # handed over counts every handed item


def test_filters_select_the_same_loans_as_the_report(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "ce6.xlsx"
    result = export_workbook(demo_db, out, ExportOptions(mission="CE6", date_from=date(2024, 1, 1)))
    register = load_workbook(out)["Allocations"]
    missions = {row[6] for row in register.iter_rows(min_row=2, values_only=True)}
    assert missions == {"CE6"} and result.allocations == 4
    assert result.countries == len(mass_report(demo_db, "country", ReportFilter("CE6", date(2024, 1, 1))))


def test_register_values_are_exact_to_the_microgram(db: Database, tmp_path: Path) -> None:
    odd_loans(db)
    out = tmp_path / "odd.xlsx"
    export_workbook(db, out)
    register = {row[0]: row for row in load_workbook(out)["Allocations"].iter_rows(min_row=2, values_only=True)}
    assert round(register["OS-1"][8] * 1000) == 9_000_001
    assert round(register["OS-1"][9] * 1000) == 1_234_567 + 7_654_321
    assert round(register["OS-1"][10] * 1000) == 4_000_007
    assert register["BR-2"][7] == "requested"


def test_empty_database_gives_a_valid_workbook(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    result = export_workbook(db, out)
    assert result.allocations == 0
    total_row = list(load_workbook(out)["By country"].iter_rows(values_only=True))[-1]
    assert total_row[0] == "Total" and total_row[3] == 0


def test_cancelled_export_writes_no_file(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        export_workbook(demo_db, folder / "cancelled.xlsx", progress=lambda done, total: False)
    assert list(folder.iterdir()) == []


def test_progress_reaches_the_total(demo_db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_workbook(demo_db, tmp_path / "p.xlsx", progress=lambda done, total: seen.append((done, total)) or True)
    assert seen and seen[-1][0] == seen[-1][1] == 17 + 26


def test_text_that_looks_like_a_formula_stays_text(db: Database, tmp_path: Path) -> None:
    from curator import allocations
    from curator.institutions import add_institution
    from tests.factories import CURATOR, TECH, sample, seed

    seed(db)
    add_institution(db, TECH, "=HYPERLINK(\"http://x\")", "FR")
    sample(db)
    allocations.create(db, TECH, "EVIL-1", "=HYPERLINK(\"http://x\")", "CE5", "=1+1", 1_000)
    allocations.approve(db, CURATOR, "EVIL-1")
    out = tmp_path / "evil.xlsx"
    export_workbook(db, out)
    workbook = load_workbook(out)
    header, first = workbook["Allocations"][1], workbook["Allocations"][2]
    row = {cell.value: value for cell, value in zip(header, first, strict=True)}
    assert row["PI"].value == "=1+1" and row["PI"].data_type == "s"
    assert row["Institution"].data_type == "s"
    assert workbook["By institution"]["A2"].data_type == "s"
