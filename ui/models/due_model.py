"""The Due list as a table: loans due within 30 days, due, overdue, and inventories due or late, each
with the reminder step reached and whether its reminder went out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from curator.reminders import DueItem
from curator.vocabulary import DueState
from ui.models.row_table import RowTableModel
from ui.text import day, label

COL_BORROWER, COL_REFERENCE, COL_STATE, COL_DUE, COL_DAYS, COL_REMINDER = range(6)
LATE_COLOUR, SOON_COLOUR = QColor("#ffcdd2"), QColor("#fff3c4")
LATE_STATES = (DueState.OVERDUE, DueState.INVENTORY_LATE)


def days_text(days: int) -> str:
    """"in 12 days", "today", "9 days late"."""
    if days < 0:
        return QCoreApplication.translate("due", "in {count} days").format(count=-days)
    if days == 0:
        return QCoreApplication.translate("due", "today")
    return QCoreApplication.translate("due", "{count} days late").format(count=days)


class DueTableModel(RowTableModel[DueItem]):
    numeric_columns = frozenset({COL_DAYS})

    def __init__(self) -> None:
        super().__init__([self.tr("Borrower"), self.tr("Allocation"), self.tr("What"), self.tr("Due"),
                          self.tr("Days"), self.tr("Reminder")])

    def display(self, row: DueItem, column: int) -> str:
        what = label(row.state) + (f" {row.year}" if row.year is not None else "")
        reminder = (self.tr("to send") if row.sent_on is None
                    else self.tr("sent {day}").format(day=day(row.sent_on)))
        return (row.institution, row.reference, what, day(row.due), days_text(row.days), reminder)[column]

    def sort_value(self, row: DueItem, column: int) -> Any:
        if column == COL_DUE:  # shown in the desk's date format, sorted as a date
            return row.due.isoformat()
        return super().sort_value(row, column)

    def other(self, row: DueItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return LATE_COLOUR if row.state in LATE_STATES else SOON_COLOUR if row.to_send else None
        return None
