"""A real spreadsheet program (LibreOffice, headless) computes the workbook's formulas: the totals it gets
equal curator.reports.mass_report to the microgram."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from curator.outputs.output_words import say, sheet_name
from curator.outputs.spreadsheets import ExportOptions, export_workbook
from curator.reports import ReportFilter, mass_report, report_total
from curator.storage.db import Database
from tests.curator.spreadsheet_support import odd_loans

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
MASSES = ("allocated_ug", "handed_over_ug", "returned_ug", "consumed_ug", "on_loan_ug")


def recalculated(files: list[Path], tmp_path: Path) -> Path:
    """Let LibreOffice open the workbooks, compute every formula and save them again; returns the folder."""
    assert LIBREOFFICE, "LibreOffice is needed (apt package libreoffice-calc-nogui)"
    out = tmp_path / "recalculated"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([LIBREOFFICE, f"-env:UserInstallation={profile}", "--headless", "--calc", "--convert-to", "xlsx",
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=120)
    return out


def assert_sheet_matches_report(sheet, db: Database, by: str,  # type: ignore[no-untyped-def]
                                report_filter: ReportFilter | None = None, language: str = "en") -> None:
    rows = mass_report(db, by, report_filter)
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(rows) + 1
    for report_row, cells in zip([*rows, report_total(rows)], values, strict=True):
        assert cells[0] == (report_row.key if report_row.key != "total" else say("Total", language))
        assert cells[2] == report_row.allocations
        for name, value in zip(MASSES, cells[3:8], strict=True):
            assert round(value * 1000) == getattr(report_row, name), (by, report_row.key, name)


def test_computed_totals_equal_the_report(db: Database, demo_db: Database, tmp_path: Path) -> None:
    odd_loans(db)
    ce5 = ExportOptions(mission="CE5", date_from=date(2021, 3, 3), date_to=date(2023, 12, 13))
    cases = ((db, tmp_path / "odd.xlsx", ExportOptions()), (demo_db, tmp_path / "demo.xlsx", ExportOptions()),
             (demo_db, tmp_path / "demo-ce5.xlsx", ce5),
             # In Chinese and both languages the register's statuses, which the formulas test, read differently.
             (demo_db, tmp_path / "demo-zh.xlsx", ExportOptions(language="zh")),
             (db, tmp_path / "odd-both.xlsx", ExportOptions(language="both")))
    for database, path, options in cases:
        export_workbook(database, path, options)
    folder = recalculated([path for _, path, _ in cases], tmp_path)
    for database, path, options in cases:
        workbook = load_workbook(folder / path.name, data_only=True)
        for by in ("country", "institution"):
            assert_sheet_matches_report(workbook[sheet_name(f"By {by}", options.language)], database, by,
                                        options.report_filter, options.language)


def test_printed_by_a_spreadsheet_program_tables_are_landscape_and_each_chart_has_its_page(
        demo_db: Database, tmp_path: Path) -> None:
    """LibreOffice prints the workbook to PDF: every table page is landscape A4 with the header row on top,
    and each chart fills a page of its own."""
    workbook = tmp_path / "loans.xlsx"
    export_workbook(demo_db, workbook)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([LIBREOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(workbook)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "loans.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")[:-1]
    sizes = [line for line in subprocess.run(["pdfinfo", "-f", "1", "-l", str(len(pages)), str(pdf)], check=True,
                                             capture_output=True, text=True).stdout.splitlines()
             if line.startswith("Page") and "size" in line]
    charts = [index for index, text in enumerate(pages) if "Mass allocated and on loan by" in text]
    assert len(charts) == 2 and all(pages[index].strip().startswith("Mass allocated") for index in charts)
    assert all("Reference" not in pages[index] and "Total" not in pages[index] for index in charts)
    for index, size in enumerate(sizes):
        width, height = (float(value) for value in size.split(":")[1].split("pts")[0].split(" x "))
        if "Curator allocation workbook" not in pages[index]:  # the About page may stand upright
            assert width > height, f"page {index + 1} is not landscape: {size}"
    assert pages[0].lstrip().startswith("Reference")  # the register's header row heads its first page
