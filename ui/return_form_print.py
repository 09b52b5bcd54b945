"""The A4 return form of a loan (in the manner of NASA's F-75), English and Chinese: per split the mass
that left, the day it came back, the mass back and consumed, what was done to it, and signatures."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from curator.loan_returns import ReturnForm, ReturnLine
from curator.mass import format_mass
from curator.vocabulary import Treatment
from ui.printing import MmCanvas, canvas_on, room_for, write_pdf

PAGE_W, PAGE_H, MARGIN, TOP = 210.0, 297.0, 14.0, 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
ROW_H, HEAD_H = 7.0, 10.0
FOOTER_Y = PAGE_H - 11.0
TAIL_H = 58.0
#: (English, Chinese, width in mm, right-aligned)
COLUMNS = (("Sample number", "样品编号", 44, False), ("Left with", "交接质量", 22, True),
           ("Back on", "归还日期", 21, False), ("Mass back", "归还质量", 22, True),
           ("Consumed", "消耗质量", 22, True), ("Treatment", "处理情况", 51, False))
TREATMENTS = {Treatment.POLISHED: "polished 抛光", Treatment.COATED: "coated 镀膜",
              Treatment.IRRADIATED: "irradiated 辐照", Treatment.EXPOSED_TO_AIR: "exposed to air 暴露于空气",
              Treatment.CONTAMINATED: "contaminated 污染", Treatment.NONE: "none 未处理"}


def _cells(line: ReturnLine) -> tuple[str, ...]:
    if line.closed_on is None:
        return (line.number, format_mass(line.out_ug), "still out / 未归还", "—", "—", "")
    treatment = ", ".join(TREATMENTS[word] for word in line.treatment) or "not stated / 未说明"
    return (line.number, format_mass(line.out_ug), line.closed_on.isoformat(), format_mass(line.back_ug),
            format_mass(line.consumed_ug), treatment)


class _Form:
    def __init__(self, canvas: MmCanvas, form: ReturnForm) -> None:
        self.c, self.form, self.page = canvas, form, 1

    def header(self) -> float:
        c, f = self.c, self.form
        c.text(MARGIN, TOP, CONTENT_W, 10, "Lunar sample return form", 18, bold=True)
        c.text(MARGIN, TOP + 10, CONTENT_W, 8, "月球样品归还单", 14, bold=True)
        facts = (("Allocation / 分配编号", f"{f.reference}  ·  {f.mission}"),
                 ("Borrower / 借用单位", f.institution + (f", {f.city}" if f.city else "") + f" ({f.country})"),
                 ("Principal investigator / 项目负责人", f.pi),
                 ("Handed over / 交接日期", (f.handed_over_at.date().isoformat() if f.handed_over_at else "—")
                  + "   ·   due back / 归还期限 " + (f.due_date.isoformat() if f.due_date else "—")))
        y = TOP + 22
        for name, value in facts:
            c.text(MARGIN, y, 62, 6, name, 9, bold=True)
            c.text(MARGIN + 64, y, CONTENT_W - 64, 6, value, 10)
            y += 6.5
        return y + 4

    def table_header(self, y: float) -> float:
        x = MARGIN
        for english, chinese, width, right in COLUMNS:
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            self.c.paragraph(x + 1, y + 0.5, width - 2, HEAD_H - 1, f"{english}\n{chinese}", 8.5, bold=True,
                             align=align)
            x += width
        self.c.line(MARGIN, y + HEAD_H, MARGIN + CONTENT_W, y + HEAD_H, 0.35)
        return y + HEAD_H + 0.5

    def row(self, y: float, line: ReturnLine) -> float:
        x = MARGIN
        for (_, _, width, right), value in zip(COLUMNS, _cells(line), strict=True):
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            self.c.text(x + 1, y, width - 2, ROW_H, value, 9, align=align)
            x += width
        if line.note:
            self.c.text(MARGIN + 4, y + ROW_H - 1, CONTENT_W - 4, 5, f"{line.note}  ({line.recorded_by})", 7.5)
            y += 4.5
        self.c.line(MARGIN, y + ROW_H, MARGIN + CONTENT_W, y + ROW_H, 0.1)
        return y + ROW_H

    def tail(self, y: float) -> None:
        c, f = self.c, self.form
        totals = (f"Total / 合计: left with {format_mass(f.out_ug)}, back {format_mass(f.back_ug)}, "
                  f"consumed {format_mass(f.consumed_ug)}")
        c.text(MARGIN, y + 1, CONTENT_W, 6, totals, 10, bold=True)
        y += 12
        width = (CONTENT_W - 8) / 2
        for index, title in enumerate(("Returned by (principal investigator) / 归还人（项目负责人）",
                                       "Received by (curator) / 接收人（样品管理员）")):
            x = MARGIN + index * (width + 8)
            c.frame(x, y, width, 40)
            c.text(x + 2, y + 1.5, width - 4, 6, title, 9, bold=True)
            for line_index, label in enumerate(("Name / 姓名", "Signature / 签名", "Date / 日期")):
                line_y = y + 16 + line_index * 10
                c.text(x + 2, line_y - 5.5, 30, 5, label, 8)
                c.line(x + 32, line_y, x + width - 3, line_y, 0.2)

    def footer(self) -> None:
        self.c.text(MARGIN, FOOTER_Y, CONTENT_W, 5, f"Curator · return form {self.form.reference} · chain of custody "
                    f"head {self.form.chain_code} · page {self.page}", 7.5, align=Qt.AlignmentFlag.AlignHCenter)


def render_return_form(device: QPagedPaintDevice, form: ReturnForm) -> int:
    """Draw the form on ``device`` (A4 already set); returns the number of pages."""
    with canvas_on(device) as canvas:
        page = _Form(canvas, form)
        y = page.table_header(page.header())
        for line in form.lines:
            y = room_for(page, device, y, ROW_H + 5, FOOTER_Y - 3, lambda: page.table_header(TOP))
            y = page.row(y, line)
        y = room_for(page, device, y, TAIL_H, FOOTER_Y - 2, lambda: TOP)
        page.tail(y + 2)
        page.footer()
        return page.page


def write_return_form_pdf(path: str | os.PathLike[str], form: ReturnForm, replace: bool = False,
                          database: str | os.PathLike[str] | None = None) -> int:
    """Write the return form as an A4 PDF (see ui.printing.write_pdf); returns the number of pages."""
    return write_pdf(path, f"Return form {form.reference}", PAGE_W, PAGE_H,
                     lambda writer: render_return_form(writer, form), replace, database)
