"""Layout helpers shared by the sheets of the allocation workbook (write-only openpyxl cells), and how
each sheet prints: landscape A4, fit to the page width, the header row on every page, and each chart on
a chart sheet of its own (one printed page)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from unicodedata import east_asian_width

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart
from openpyxl.chartsheet import Chartsheet
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PrintPageSetup
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from curator.outputs.output_words import say

MG_FORMAT = '#,##0.000 "mg"'
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
#: A chart sheet's chart: the printable part of a landscape A4 page with the default margins.
CHART_PAGE_CM = (25, 17)
EMU_PER_CM = 360_000


def mg(micrograms: int | None) -> float:
    """Milligrams as a float: exact to the microgram for any mass below 2**53 ug."""
    return (micrograms or 0) / 1000


def text_cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    """``value`` as is, except text starting with "=", which stays text instead of becoming a formula, and
    control characters a workbook cannot hold, which become U+FFFD (e.g. a filter typed on the CLI)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def styled(sheet: WriteOnlyWorksheet, value: object, number_format: str | None = None,
           bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    kind: str = "text"  # text | mass | date | int


def header_row(sheet: WriteOnlyWorksheet, columns: Iterable[Column], language: str = "en") -> list[WriteOnlyCell]:
    """The header cells, each column's header in ``language`` (curator.outputs.output_words)."""
    cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=say(column.header, language))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        cells.append(cell)
    return cells


def text_width(text: str) -> int:
    """How many character widths ``text`` takes in a spreadsheet: a Chinese character counts two."""
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


def prepare_sheet(sheet: WriteOnlyWorksheet, columns: tuple[Column, ...], rows: int, language: str = "en") -> None:
    """Column widths (wide enough for the header in ``language``), a frozen header row, an autofilter and
    the print setup: all set before the first row is written."""
    for index, column in enumerate(columns, start=1):
        header_width = text_width(say(column.header, language)) + 2
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width, header_width)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    print_setup(sheet, title_rows="1:1")


def print_setup(sheet: WriteOnlyWorksheet, title_rows: str | None = None, landscape: bool = True) -> None:
    """Printed on A4, landscape, all columns on the page's width (as many pages down as it takes),
    ``title_rows`` (e.g. the header row "1:1") repeated at the top of every page."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: no limit on the number of pages down
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows


def chart_sheet(workbook: Workbook, title: str, chart: BarChart) -> Chartsheet:
    """A chart on a sheet of its own: it prints alone on one landscape page, scaled to fill it."""
    sheet = workbook.create_chartsheet(title)
    sheet.add_chart(chart)
    # Excel fills the page whatever the anchor says; LibreOffice draws the anchor's size (0 x 0 by default).
    chart.anchor.ext = XDRPositiveSize2D(cx=CHART_PAGE_CM[0] * EMU_PER_CM, cy=CHART_PAGE_CM[1] * EMU_PER_CM)
    sheet.pageSetup = PrintPageSetup(orientation="landscape", paperSize=Worksheet.PAPERSIZE_A4)
    return sheet


class TypedCells:
    """Typed cells for one sheet's rows: masses in mg and dates with their number formats.

    Write-only worksheets serialise a row as soon as it is appended, so each column keeps one styled
    cell and only its value changes from row to row: styling 100,000 new cells was most of an export.
    """

    def __init__(self, sheet: WriteOnlyWorksheet, columns: tuple[Column, ...]) -> None:
        self.sheet = sheet
        self.kinds = [column.kind for column in columns]
        self.styled = [styled(sheet, None, MG_FORMAT if kind == "mass" else DATE_FORMAT)
                       if kind in ("mass", "date") else None for kind in self.kinds]

    def row(self, values: Iterable[object]) -> list[object]:
        """One row's cells; append it to the sheet before asking for the next row."""
        out: list[object] = []
        for kind, cell, value in zip(self.kinds, self.styled, values, strict=True):
            if kind == "mass":
                cell.value = mg(value)  # type: ignore[union-attr, arg-type]  # a mass column: styled, int values
                out.append(cell)
            elif kind == "date" and value is not None:
                cell.value = value  # type: ignore[union-attr]  # a date column has its styled cell
                out.append(cell)
            else:
                out.append(text_cell(self.sheet, value))
        return out
