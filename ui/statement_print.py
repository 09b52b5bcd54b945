"""A borrower's yearly inventory statement on landscape A4 (English and Chinese): every split it holds,
with empty boxes for the mass held now, consumed, returned and remarks, and a signature line."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from curator.loan_inventory import Statement
from curator.mass import format_mass
from curator.outputs.inventory_statement import INSTRUCTION
from ui.printing import MmCanvas, canvas_on, room_for, write_pdf

PAGE_W, PAGE_H, MARGIN, TOP = 297.0, 210.0, 14.0, 12.0
CONTENT_W = PAGE_W - 2 * MARGIN
ROW_H, HEAD_H = 7.0, 10.0
FOOTER_Y = PAGE_H - 10.0
SIGNATURE_H = 22.0
#: (English, Chinese, width in mm, right-aligned)
COLUMNS = (("Allocation", "借用编号", 32, False), ("Sample number", "样品编号", 46, False),
           ("Handed over", "交付日期", 22, False), ("Mass handed over", "交付质量", 32, True),
           ("Due back", "归还期限", 22, False), ("Held now (mg)", "现存质量", 25, True),
           ("Consumed (mg)", "消耗质量", 25, True), ("Returned (mg)", "归还质量", 25, True),
           ("Remarks", "备注", 40, False))


def _rows_per_page(first: bool) -> int:
    top = TOP + (48 if first else 12) + HEAD_H
    return int((FOOTER_Y - 4 - top) // ROW_H)


def page_count(statement: Statement) -> int:
    left, pages = len(statement.lines), 1
    left -= _rows_per_page(True)
    while left > 0:
        pages, left = pages + 1, left - _rows_per_page(False)
    room_after = -left * ROW_H if left <= 0 else 0
    return pages + (1 if room_after < SIGNATURE_H + 4 else 0)


class _Pages:
    def __init__(self, canvas: MmCanvas, statement: Statement, pages: int) -> None:
        self.c, self.s, self.pages, self.page = canvas, statement, pages, 1

    def header(self) -> float:
        c, s = self.c, self.s
        c.text(MARGIN, TOP, CONTENT_W, 9, f"Yearly inventory statement {s.year} / {s.year} 年度样品清点表", 16,
               bold=True)
        facts = (f"Borrower / 借用单位: {s.institution}" + (f", {s.city}" if s.city else "") + f" ({s.country})",
                 f"Due by / 提交截止: {s.due.isoformat()}   ·   Written / 编制日期: {s.written.isoformat()}   ·   "
                 f"Total handed over / 交付总质量: {format_mass(s.total_ug)}")
        for index, fact in enumerate(facts):
            c.text(MARGIN, TOP + 11 + index * 6, CONTENT_W, 6, fact, 10)
        c.paragraph(MARGIN, TOP + 24, CONTENT_W, 20, INSTRUCTION.format(due=s.due.isoformat()), 9)
        return TOP + 48

    def table_header(self, y: float) -> float:
        x = MARGIN
        for english, chinese, width, right in COLUMNS:
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            self.c.paragraph(x + 1, y + 0.5, width - 2, HEAD_H - 1, f"{english}\n{chinese}", 8.5, bold=True,
                             align=align)
            x += width
        self.c.line(MARGIN, y + HEAD_H, MARGIN + CONTENT_W, y + HEAD_H, 0.35)
        return y + HEAD_H

    def row(self, y: float, values: tuple[str, ...]) -> None:
        x = MARGIN
        for (_, _, width, right), value in zip(COLUMNS[:5], values, strict=True):
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            self.c.text(x + 1, y, width - 2, ROW_H, value, 9.5, align=align)
            x += width
        for _, _, width, _ in COLUMNS[5:]:  # the borrower's boxes
            self.c.frame(x + 0.6, y + 0.6, width - 1.2, ROW_H - 1.2, 0.15)
            x += width
        self.c.line(MARGIN, y + ROW_H, MARGIN + CONTENT_W, y + ROW_H, 0.1)

    def footer(self) -> None:
        self.c.text(MARGIN, FOOTER_Y, CONTENT_W, 5, f"Curator · {self.s.institution} · {self.s.year} · "
                    f"page {self.page} / {self.pages}", 7.5, align=Qt.AlignmentFlag.AlignHCenter)

    def signature(self, y: float) -> None:
        for index, (english, chinese) in enumerate((("Principal investigator", "项目负责人"), ("Signature", "签名"),
                                                    ("Date", "日期"))):
            x = MARGIN + index * CONTENT_W / 3
            self.c.text(x, y + 8, CONTENT_W / 3 - 8, 6, f"{english} / {chinese}", 9, bold=True)
            self.c.line(x, y + 20, x + CONTENT_W / 3 - 8, y + 20, 0.2)


def render_statement(device: QPagedPaintDevice, statement: Statement) -> int:
    """Draw the statement on ``device`` (landscape A4 already set); returns the number of pages."""
    with canvas_on(device) as canvas:
        page = _Pages(canvas, statement, page_count(statement))
        y = page.table_header(page.header())
        for line in statement.lines:
            y = room_for(page, device, y, ROW_H, FOOTER_Y - 4, lambda: page.table_header(TOP + 12))
            page.row(y, (line.reference, line.number, line.handed_over.isoformat() if line.handed_over else "—",
                         format_mass(line.handed_over_ug), line.due_date.isoformat() if line.due_date else "—"))
            y += ROW_H
        y = room_for(page, device, y, SIGNATURE_H + 4, FOOTER_Y, lambda: TOP)
        page.signature(y + 2)
        page.footer()
        return page.page


def write_statement_pdf(path: str | os.PathLike[str], statement: Statement, replace: bool = False,
                        database: str | os.PathLike[str] | None = None) -> int:
    """Write the statement as a landscape A4 PDF (see ui.printing.write_pdf); returns the number of pages."""
    return write_pdf(path, f"Inventory statement {statement.year} {statement.institution}", PAGE_W, PAGE_H,
                     lambda writer: render_statement(writer, statement), replace, database)
