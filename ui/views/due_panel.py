"""The Due panel under the allocations table: loans due within 30 days, due, overdue, and borrowers
whose yearly inventory is due or late, with the reminder step each has reached; from it, a borrower's
reminder letter, the year's inventory statements and a filled statement read back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from curator.reminders import DueItem, due_list
from ui.desk import Desk
from ui.dialogs.reminder_dialog import ReminderDialog
from ui.models.due_model import COL_BORROWER, DueTableModel
from ui.widgets.actions import button_row, open_dialog


class DuePanel(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.dialog: QDialog | None = None
        self.today: date | None = None  # None: the real today (tests and screenshots fix a day)
        self.title = QLabel(self)
        self.model = DueTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("dueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        bar, self.buttons = button_row(self, (("letter", self.tr("Reminder &letter…"), self.reminder_letter),))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addLayout(bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        desk.operator_changed.connect(lambda _operator: self._enable())
        self._enable()

    @Slot()
    def refresh(self) -> None:
        chosen = self.selected()
        items = due_list(self.desk.db, self.today)
        self.model.set_rows(items)
        to_send = sum(item.to_send for item in items)
        self.title.setText(self.tr("<b>Due</b>: {count} item(s), {to_send} reminder(s) to send").format(
            count=len(items), to_send=to_send))
        self.table.resizeColumnsToContents()
        if chosen is not None:
            for row, item in enumerate(items):
                if (item.reference, item.step) == (chosen.reference, chosen.step):
                    self.table.selectRow(row)
        self._enable()

    def selected(self) -> DueItem | None:
        rows = self.table.selectionModel().selectedRows(COL_BORROWER)
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        chosen = self.selected()
        self.buttons["letter"].setEnabled(chosen is not None and self.desk.signed_in)

    @Slot()
    def reminder_letter(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        self.dialog = open_dialog(ReminderDialog(self.desk, chosen.institution, self.today, self))
        return self.dialog

