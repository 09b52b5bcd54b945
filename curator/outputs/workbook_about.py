"""The About sheet of the allocation workbook: where the data came from, when, by whom, with which
filters, the chain head code that proves it later, and what the figures mean; in the workbook's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from curator.events import utcnow
from curator.outputs.output_words import say
from curator.outputs.xlsx_layout import print_setup, text_cell
from curator.reports import ALLOCATED_STATUSES

if TYPE_CHECKING:
    from curator.outputs.spreadsheets import ExportOptions, ExportResult


def about_sheet(sheet: WriteOnlyWorksheet, database: str, options: ExportOptions, result: ExportResult) -> None:
    language = options.language
    sheet.column_dimensions["A"].width = 22 if language == "en" else 34
    sheet.column_dimensions["B"].width = 70
    print_setup(sheet, landscape=False)
    generated = WriteOnlyCell(sheet, value=utcnow().astimezone().replace(tzinfo=None, microsecond=0))
    generated.number_format = "yyyy-mm-dd hh:mm:ss"
    title = WriteOnlyCell(sheet, value=say("Curator allocation workbook", language))
    title.font = Font(bold=True, size=14)
    statuses = ("、" if language == "zh" else ", ").join(say(status, language) for status in ALLOCATED_STATUSES)
    rows: list[tuple[str, object]] = [
        ("Database", database),
        ("Generated at (local time)", generated),
        ("Operator", options.operator or say("(not given)", language)),
        ("Chain head", say("{code} (prove later that history up to here is unchanged: curator verify --head {code})",
                           language, code=result.chain_head)),
        ("Mission", options.mission or say("all missions", language)),
        ("Requested from", options.date_from.isoformat() if options.date_from else say("(no limit)", language)),
        ("Requested to", options.date_to.isoformat() if options.date_to else say("(no limit)", language)),
        ("Allocations", result.allocations),
        ("Samples handed over", result.samples),
        ("Units", say("masses in milligrams, exact to the microgram", language)),
        ("Allocated", say("approved mass of allocations that are {statuses}", language, statuses=statuses)),
        ("Totals", say("the By country and By institution sheets compute their totals with formulas over the "
                       "Allocations sheet", language)),
    ]
    sheet.append([title])
    sheet.append([])
    for label, value in rows:
        name = WriteOnlyCell(sheet, value=say(label, language))
        name.font = Font(bold=True)
        sheet.append([name, text_cell(sheet, value)])
