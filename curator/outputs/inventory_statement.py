"""A borrower's yearly inventory statement as an .xlsx to fill in (English and Chinese headings), and the
filled statement read back into answers (curator/loan_inventory.py records them)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from curator.catalogue_format import mass_from_cell, read_rows
from curator.errors import Refusal, ValidationError
from curator.loan_inventory import Answer, Statement
from curator.outputs.xlsx_layout import DATE_FORMAT, HEADER_FILL, HEADER_FONT, MG_FORMAT, mg, print_setup
from curator.safe_output import check_xlsx, write_output

SHEET = "Inventory"
TITLE = "Yearly inventory statement / 年度样品清点表"
#: (heading, width); the last four are the borrower's to fill in.
COLUMNS = (("Allocation / 借用编号", 20), ("Sample number / 样品编号", 26), ("Mission / 任务", 10),
           ("Handed over / 交付日期", 14), ("Mass handed over (mg) / 交付质量", 18), ("Due back / 归还期限", 14),
           ("Mass held now (mg) / 现存质量", 18), ("Consumed (mg) / 消耗质量", 16), ("Returned (mg) / 归还质量", 16),
           ("Remarks / 备注", 36))
FILL_FROM = 6  # 0-based index of the first column the borrower fills in
TO_FILL = PatternFill("solid", fgColor="EDEDED")
INSTRUCTION = ("Please fill in the last four columns (grey in the workbook) for every split, in milligrams: held now "
               "+ consumed + returned = mass handed over; say in the remarks what was done to it. Return this file "
               "by {due}.\n"
               "请逐项填写最后四列（工作簿中为灰色，单位 mg）：现存质量 + 消耗质量 + 归还质量 = 交付质量；"
               "在备注中说明样品的处理情况。"
               "请于 {due} 前交回本文件。")
FACTS = ("Borrower / 借用单位", "Country / 国家/地区", "Year / 年度", "Due by / 提交截止", "Written / 编制日期")


def statement_name(statement: Statement) -> str:
    """A file name (without suffix) saying what the statement is: ``inventory-2025-Osaka-University``."""
    return "inventory-" + re.sub(r"[^\w.-]+", "-", f"{statement.year} {statement.institution}").strip("-")


def _fill(workbook: Workbook, statement: Statement) -> None:
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([TITLE])
    sheet["A1"].font = Font(bold=True, size=14)
    for fact, value in zip(FACTS, (statement.institution, statement.country, statement.year, statement.due,
                                   statement.written), strict=True):
        sheet.append([fact, value])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        if fact.startswith(("Due", "Written")):
            sheet.cell(sheet.max_row, 2).number_format = DATE_FORMAT
        sheet.cell(sheet.max_row, 2).alignment = Alignment(horizontal="left")
    sheet.append([INSTRUCTION.format(due=statement.due.isoformat())])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(COLUMNS))
    sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[sheet.max_row].height = 48
    sheet.append([])
    sheet.append([heading for heading, _ in COLUMNS])
    header_row = sheet.max_row
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(header_row, index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[header_row].height = 32
    for line in statement.lines:
        sheet.append([line.reference, line.number, line.mission, line.handed_over, mg(line.handed_over_ug),
                      line.due_date, None, None, None, None])
        row = sheet.max_row
        for column in (4, 6):
            sheet.cell(row, column).number_format = DATE_FORMAT
        for column in range(5, 10):
            sheet.cell(row, column).number_format = MG_FORMAT
        for column in range(FILL_FROM + 1, len(COLUMNS) + 1):
            sheet.cell(row, column).fill = TO_FILL
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    print_setup(sheet, title_rows=f"{header_row}:{header_row}")


def write_statement_xlsx(path: str | os.PathLike[str], statement: Statement, replace: bool = False,
                         database: str | os.PathLike[str] | None = None) -> Path:
    """Write the statement's workbook through curator.safe_output; returns its path."""

    def write(temporary: Path) -> Path:
        workbook = Workbook()
        _fill(workbook, statement)
        workbook.save(temporary)
        return Path(path)

    return write_output(path, write, lambda written, _result: check_xlsx(written, [SHEET]), replace=replace,
                        database=database)


def _mass(value: object, where: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    try:
        return mass_from_cell(value, "mg")
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}", code=Refusal.STATEMENT_CELL,
                              params={"where": where, "detail": exc}) from None


def read_statement(path: str | os.PathLike[str]) -> tuple[str, int, list[Answer]]:
    """(borrower, year, answers) from a filled statement; a split without "mass held now" is refused."""
    name = Path(path).name
    if Path(path).suffix.lower() != ".xlsx":
        raise ValidationError(f"{name}: an inventory statement is the .xlsx file Curator wrote, filled in",
                              code=Refusal.NOT_A_STATEMENT, params={"name": name})
    facts: dict[str, object] = {}
    answers: list[Answer] = []
    in_table = False
    for number, cells in read_rows(Path(path)):
        cells = [*cells, *[None] * (len(COLUMNS) - len(cells))]
        first = str(cells[0] or "").strip()
        if not in_table:
            if first in FACTS:
                facts[first] = cells[1]
            in_table = first == COLUMNS[0][0]
            continue
        if not first:
            continue
        where = f"{name} row {number} ({cells[1]})"
        if cells[FILL_FROM] is None or not str(cells[FILL_FROM]).strip():
            raise ValidationError(f"{where}: the mass held now is empty (write 0 if nothing is left)",
                                  code=Refusal.HELD_EMPTY, params={"where": where})
        held, consumed, returned = (_mass(cells[column], where) for column in (6, 7, 8))
        answers.append(Answer(first, str(cells[1] or "").strip(), held, consumed, returned,
                              str(cells[9] or "").strip()))
    if not in_table or FACTS[0] not in facts or FACTS[2] not in facts:
        raise ValidationError(f"{name} is not an inventory statement written by Curator (no borrower, year or table)",
                              code=Refusal.NOT_A_STATEMENT, params={"name": name})
    try:
        year = int(str(facts[FACTS[2]]))
    except ValueError:
        raise ValidationError(f"{name}: the year {facts[FACTS[2]]!r} is not a year", code=Refusal.NOT_A_YEAR,
                              params={"name": name, "year": facts[FACTS[2]]}) from None
    return str(facts[FACTS[0]]).strip(), year, answers
