"""The By country / By institution sheets of the allocation workbook: formulas and a bar chart.

Every figure is a SUMPRODUCT over the Allocations register (exact matching, unlike SUMIFS whose
criteria treat ``*``, ``?`` and a leading ``<`` or ``=`` specially), so a spreadsheet program
recomputes the same totals as ``curator.reports.mass_report``.
"""

from __future__ import annotations

import re

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from curator.outputs.output_words import say
from curator.outputs.xlsx_layout import MG_FORMAT, Column, header_row, prepare_sheet, styled, text_cell
from curator.reports import ALLOCATED_STATUSES, ReportRow
from curator.vocabulary import AllocationStatus

#: Statuses whose approved mass is not counted as allocated (the register shows them in its language).
STATUSES_NOT_ALLOCATED = tuple(s for s in AllocationStatus if s not in ALLOCATED_STATUSES)
REGISTER_SHEET = "Allocations"
#: Register columns (see spreadsheets.REGISTER): what each total sums. Column C is the country as reported
#: (Hong Kong and Macao under China, curator.countries), so the totals group as curator.reports does.
KEY_COLUMN = {"country": "C", "institution": "B"}
STATUS_COLUMN = "H"
SUMMED = (("Allocated (mg)", "I", True), ("Handed over (mg)", "J", False), ("Returned (mg)", "K", False),
          ("Consumed (mg)", "L", False), ("On loan (mg)", "M", False))
#: The register's count of each loan's results (publications and data sets), summed as the last column.
RESULTS = ("Results", "S")
HEADERS = {"country": ("Country", "Country name"), "institution": ("Institution", "Country")}
WIDTHS = (44, 22, 13, 18, 18, 18, 18, 18, 10)


def _range(register: str, column: str, last_row: int) -> str:
    sheet = register if re.fullmatch(r"[A-Za-z_]\w*", register, re.ASCII) else quote_sheetname(register)
    return f"{sheet}!${column}$2:${column}${last_row}"


def totals_formulas(by: str, row: int, n_allocations: int, language: str = "en",
                    register: str = REGISTER_SHEET) -> list[str]:
    """The formulas of one totals row: allocation count, the five masses in mg and the results, over the register
    sheet named ``register`` whose statuses read in ``language``."""
    last = max(n_allocations, 1) + 1
    match = f"({_range(register, KEY_COLUMN[by], last)}=$A{row})"
    counted = match + "".join(f'*({_range(register, STATUS_COLUMN, last)}<>"{say(status, language)}")'
                              for status in STATUSES_NOT_ALLOCATED)
    formulas = [f"=SUMPRODUCT({counted})"]
    for _, column, only_allocated in SUMMED:
        condition = counted if only_allocated else match
        formulas.append(f"=SUMPRODUCT({condition}*{_range(register, column, last)})")
    formulas.append(f"=SUMPRODUCT({match}*{_range(register, RESULTS[1], last)})")
    return formulas


def write_totals_sheet(sheet: WriteOnlyWorksheet, by: str, rows: list[ReportRow], n_allocations: int,
                       second: dict[str, str], language: str = "en",
                       register: str = REGISTER_SHEET) -> BarChart | None:
    """Totals per ``by`` ("country" or "institution"): one row per report row and a Total row; returns
    their bar chart (None without rows), which goes on a chart sheet of its own so it prints alone.

    ``second`` gives the second column's text per key (country name, or an institution's country);
    ``register`` names the register sheet, whose words are in ``language``.
    """
    columns = tuple(Column(header, width) for header, width in zip(
        (*HEADERS[by], "Allocations", *(name for name, _, _ in SUMMED), RESULTS[0]), WIDTHS, strict=True))
    prepare_sheet(sheet, columns, len(rows), language)
    sheet.append(header_row(sheet, columns, language))
    for index, report_row in enumerate(rows, start=2):
        count, *masses, results = totals_formulas(by, index, n_allocations, language, register)
        sheet.append([text_cell(sheet, report_row.key), text_cell(sheet, second.get(report_row.key, "")), count,
                      *(styled(sheet, formula, MG_FORMAT) for formula in masses), results])
    total_row = len(rows) + 2
    sums: list[str | int]
    if rows:
        sums = [f"=SUM({letter}2:{letter}{total_row - 1})" for letter in "CDEFGHI"]
    else:
        sums = [0] * 7
    sheet.append([styled(sheet, say("Total", language), bold=True), None, styled(sheet, sums[0], bold=True),
                  *(styled(sheet, value, MG_FORMAT, bold=True) for value in sums[1:-1]),
                  styled(sheet, sums[-1], bold=True)])
    return _bar_chart(sheet, by, len(rows), language) if rows else None


def _bar_chart(sheet: WriteOnlyWorksheet, by: str, count: int, language: str) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.title = say(f"Mass allocated and on loan by {by}", language)
    chart.y_axis.title = "mg"
    chart.y_axis.numFmt = "#,##0"
    chart.x_axis.scaling.orientation = "maxMin"  # the largest (first row) at the top
    chart.legend.position = "b"
    chart.height = max(7.5, 0.8 * count + 3)
    chart.width = 22
    # Data columns D (allocated) and H (on loan), header row for the series names.
    for column in (4, 8):
        chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=count + 1), titles_from_data=True)
    label_column = 2 if by == "country" else 1
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=2, max_row=count + 1))
    return chart
