"""A borrower's reminder letter: the e-mail text to copy, the bilingual PDF to save, and OK records it
as sent (one "reminded" event per loan, so the same step is not listed again)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QWidget

from curator.errors import CuratorError
from curator.reminder_letter import ReminderLetter, reminder_letter
from curator.reminders import record_sent
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.refusals import refusal_text
from ui.reminder_print import write_letter_pdf
from ui.save_location import ask_save_path, file_name, settings_or_desk


class ReminderDialog(RecordDialog):
    def __init__(self, desk: Desk, institution: str, today: date | None = None, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(desk, self.tr("Reminder to {institution}").format(institution=institution), parent)
        self.institution, self.today = institution, today
        self.settings = settings_or_desk(settings)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("letterText")
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 320)
        self.form.addRow(self.text)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.copy_button = self.buttons.addButton(self.tr("&Copy e-mail text"), role)
        self.pdf_button = self.buttons.addButton(self.tr("&Save PDF…"), role)
        self.copy_button.clicked.connect(self.copy_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ok_button.setText(self.tr("Record as sent"))
        self.letter: ReminderLetter | None = None
        try:
            self.letter = reminder_letter(desk.db, institution, today)
            self.text.setPlainText(self.letter.email())
        except CuratorError as exc:
            self.text.setPlainText(refusal_text(exc))
        for button in (self.copy_button, self.pdf_button):
            button.setEnabled(self.letter is not None)
        self.revalidate()

    def problem(self) -> str:
        return "" if self.letter is not None else self.tr("Nothing to remind this borrower of")

    @Slot()
    def copy_text(self) -> None:
        if self.letter is not None:
            QGuiApplication.clipboard().setText(self.letter.email())
            self.message.setText(self.tr("The e-mail text is on the clipboard."))

    def default_name(self) -> str:
        return file_name("reminder", "pdf", self.institution)

    @Slot()
    def save_pdf(self) -> str:
        if self.letter is None:
            return ""
        path = ask_save_path(self, self.tr("Save the reminder letter as PDF"), self.default_name(),
                             self.tr("PDF (*.pdf)"), self.settings)
        if path:
            try:
                write_letter_pdf(path, self.letter, True, self.desk.db.path)
            except (CuratorError, OSError) as exc:
                self.message.setText(self.tr("Could not write the PDF: {error}").format(error=refusal_text(exc)))
                return ""
            self.message.setText(self.tr("Wrote {path}.").format(path=path))
        return path

    def write(self) -> Write:
        db, operator, institution, today = self.desk.db, self.desk.operator.name, self.institution, self.today
        text = self.tr("reminder to {institution} recorded as sent").format(institution=institution)
        return Write(lambda: record_sent(db, operator, institution, today), lambda _result: text)
