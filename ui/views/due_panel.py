"""The Due panel under the allocations table: loans due within 30 days, due, overdue, and borrowers
whose yearly inventory is due or late, with the reminder step each has reached; from it, a borrower's
reminder letter, the year's inventory statements, a filled statement read back, and where the answers
disagree with the chain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.errors import CuratorError
from curator.loan_inventory import confirm, current_year, statements
from curator.loan_returns import return_form
from curator.outputs.inventory_statement import read_statement, statement_name, write_statement_xlsx
from curator.reminders import DueItem, due_list
from ui.desk import Desk
from ui.dialogs.discrepancies_dialog import DiscrepanciesDialog
from ui.dialogs.reminder_dialog import ReminderDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.due_model import COL_BORROWER, DueTableModel
from ui.operation import Write, run_operation
from ui.refusals import refusal_text
from ui.return_form_print import write_return_form_pdf
from ui.save_location import ask_save_path, file_name, settings_or_desk, start_folder
from ui.statement_print import write_statement_pdf
from ui.widgets.actions import button_row, open_dialog


def ask_folder(parent: QWidget, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, str(start_folder(settings_or_desk(None))))


def ask_statement(parent: QWidget, title: str, file_filter: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, str(start_folder(settings_or_desk(None))), file_filter)[0]


class DuePanel(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None,
                 chosen_allocation: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.desk, self.chosen_allocation = desk, chosen_allocation
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
        bar, self.buttons = button_row(self, (
            ("letter", self.tr("&Write reminder…"), self.reminder_letter),
            ("statements", self.tr("Inventor&y statements…"), self.write_statements),
            ("confirm", self.tr("Confirm inventory…"), self.confirm_inventory),
            ("return_form", self.tr("Return form…"), self.save_return_form),
            ("results", self.tr("Res&ults…"), self.results),
            ("discrepancies", self.tr("Discrepancies…"), self.discrepancies)))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addLayout(bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
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
        self.buttons["confirm"].setEnabled(self.desk.signed_in)
        self.buttons["results"].setEnabled(self.desk.signed_in)

    @Slot()
    def reminder_letter(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        self.dialog = open_dialog(ReminderDialog(self.desk, chosen.institution, self.today, self))
        return self.dialog


    @Slot()
    def write_statements(self) -> int:
        """Write last year's statement (.xlsx and .pdf) of every borrower holding material into a folder."""
        folder = ask_folder(self, self.tr("Folder for the inventory statements"))
        if not folder:
            return 0
        today = self.today or date.today()
        found = statements(self.desk.db, current_year(today), today)
        try:
            for statement in found:
                stem = Path(folder) / statement_name(statement)
                write_statement_xlsx(stem.with_suffix(".xlsx"), statement, True, self.desk.db.path)
                write_statement_pdf(stem.with_suffix(".pdf"), statement, True, self.desk.db.path)
        except (CuratorError, OSError) as exc:
            self.message.setText(self.tr("Could not write the statements: {error}").format(error=refusal_text(exc)))
            return 0
        self.message.setText(self.tr("Wrote {count} inventory statement(s) of {year} in {folder}.").format(
            count=len(found), year=current_year(today), folder=folder))
        return len(found)

    @Slot()
    def confirm_inventory(self) -> None:
        """Read a borrower's filled statement and record its answers."""
        path = ask_statement(self, self.tr("A filled inventory statement"), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            borrower, year, answers = read_statement(path)
        except (CuratorError, OSError) as exc:
            self.message.setText(refusal_text(exc))
            return
        db, operator = self.desk.db, self.desk.operator.name
        text = self.tr("{year} inventory of {borrower} recorded").format(year=year, borrower=borrower)
        run_operation(self.desk, self, Write(lambda: confirm(db, operator, borrower, year, answers),
                                             lambda _result: text))

    @Slot()
    def save_return_form(self) -> str:
        """The return form of the allocation chosen in the table, saved as a PDF."""
        reference = self.chosen_allocation()
        if reference is None:
            self.message.setText(self.tr("Choose an allocation in the table first."))
            return ""
        try:
            form = return_form(self.desk.db, reference)
        except CuratorError as exc:
            self.message.setText(refusal_text(exc))
            return ""
        path = ask_save_path(self, self.tr("Save the return form as PDF"), file_name("return-form", "pdf", reference),
                             self.tr("PDF (*.pdf)"))
        if not path:
            return ""
        try:
            write_return_form_pdf(path, form, True, self.desk.db.path)
        except (CuratorError, OSError) as exc:
            self.message.setText(self.tr("Could not write the PDF: {error}").format(error=refusal_text(exc)))
            return ""
        self.message.setText(self.tr("Wrote {path}.").format(path=path))
        return path

    @Slot()
    def discrepancies(self) -> QDialog:
        """The inventory answers the chain contradicts (read only)."""
        self.dialog = open_dialog(DiscrepanciesDialog(self.desk.db, self))
        return self.dialog

    @Slot()
    def results(self) -> QDialog | None:
        """The publications and data sets of the allocation chosen in the table."""
        reference = self.chosen_allocation()
        if reference is None:
            self.message.setText(self.tr("Choose an allocation in the table first."))
            return None
        self.dialog = open_dialog(ResultsDialog(self.desk, reference, self))
        return self.dialog
