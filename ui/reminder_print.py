"""The A4 reminder letter to a borrower: English, then Chinese, and a table of the loans it is about."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from curator.reminder_letter import ReminderLetter
from curator.reminders import DueItem
from curator.vocabulary import DueState
from ui.printing import MmCanvas, canvas_on, room_for, write_pdf

PAGE_W, PAGE_H, MARGIN, TOP = 210.0, 297.0, 20.0, 16.0
CONTENT_W = PAGE_W - 2 * MARGIN
ROW_H = 6.0
#: Where a page's content ends (the footer line is below it), and the letter's text size.
BOTTOM, TEXT_PT = PAGE_H - 22, 10.5
#: What each line of the table says, in English and Chinese.
STATES = {DueState.DUE_SOON: "due soon / 即将到期", DueState.DUE: "due today / 今天到期",
          DueState.OVERDUE: "overdue / 已逾期", DueState.INVENTORY_DUE: "inventory due / 清点表待交",
          DueState.INVENTORY_LATE: "inventory late / 清点表逾期"}
#: Table columns: heading, width in mm.
COLUMNS = (("Allocation / 借用编号", 48), ("Reminder / 提醒事项", 52), ("Due / 到期日", 30), ("Days / 天数", 40))


def render_letter(device: QPagedPaintDevice, letter: ReminderLetter) -> int:
    """Draw the letter on A4 pages of ``device``: the table of loans, then the English and Chinese text, a
    paragraph that does not fit going on to the next page rather than shrinking; returns the number of pages."""
    with canvas_on(device) as canvas:
        page = _Letter(canvas, letter)
        y = page.table_header(page.heading())
        for item in letter.items:
            y = room_for(page, device, y, ROW_H, BOTTOM, lambda: page.table_header(TOP))
            page.row(y, item)
            y += ROW_H
        for text in (letter.english(), letter.chinese()):
            y += 6
            for paragraph in text.split("\n"):  # each on the page where it fits whole, none shrunk
                height = canvas.paragraph_height(CONTENT_W, paragraph or " ", TEXT_PT)
                y = room_for(page, device, y, height, BOTTOM, lambda: TOP)
                canvas.paragraph(MARGIN, y, CONTENT_W, height + 1, paragraph, TEXT_PT)
                y += height
        page.footer()
        return page.page


class _Letter:
    """The letter being drawn: its heading, the table's header and rows, and each page's footer."""

    def __init__(self, canvas: MmCanvas, letter: ReminderLetter) -> None:
        self.c, self.letter, self.page = canvas, letter, 1

    def heading(self) -> float:
        c = self.c
        c.text(MARGIN, TOP, CONTENT_W, 10, "Lunar sample loans: reminder", 17, bold=True)
        c.text(MARGIN, TOP + 10, CONTENT_W, 8, "月球样品借用提醒", 14, bold=True)
        c.text(MARGIN, TOP + 20, CONTENT_W, 6, f"{self.letter.institution}  ·  {self.letter.written.isoformat()}", 11)
        return TOP + 30

    def table_header(self, y: float) -> float:
        c = self.c
        c.line(MARGIN, y, MARGIN + CONTENT_W, y, 0.3)
        x = MARGIN
        for heading, width in COLUMNS:
            c.text(x + 1, y + 1, width - 2, ROW_H, heading, 8.5, bold=True)
            x += width
        y += ROW_H + 1.5
        c.line(MARGIN, y, MARGIN + CONTENT_W, y, 0.2)
        return y

    def row(self, y: float, item: DueItem) -> None:
        days = (f"{item.days} late / 逾期 {item.days} 天" if item.days > 0 else
                f"{-item.days} left / 还有 {-item.days} 天" if item.days < 0 else "today / 今天")
        x = MARGIN
        for (_, width), value in zip(COLUMNS, (item.reference, STATES[item.state], item.due.isoformat(), days),
                                     strict=True):
            self.c.text(x + 1, y, width - 2, ROW_H, value, 9)
            x += width

    def footer(self) -> None:
        self.c.text(MARGIN, PAGE_H - 14, CONTENT_W, 5, f"Curator · {self.letter.subject} · {self.page}", 7.5,
                    align=Qt.AlignmentFlag.AlignHCenter)


def write_letter_pdf(path: str | os.PathLike[str], letter: ReminderLetter, replace: bool = False,
                     database: str | os.PathLike[str] | None = None) -> int:
    """Write the reminder letter as A4 PDF pages (see ui.printing.write_pdf); returns the number of pages."""
    return write_pdf(path, letter.subject, PAGE_W, PAGE_H, lambda writer: render_letter(writer, letter),
                     replace, database)
