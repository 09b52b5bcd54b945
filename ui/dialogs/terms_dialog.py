"""A curator edits an allocation's terms: purpose, principal investigator, approved mass (before hand-over)
and due date, with a reason that goes into the chain. A later due date extends the loan."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from curator.allocation_terms import allocation_terms, edit_allocation
from curator.mass import format_mass
from curator.permissions import BEFORE_HANDOVER
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import date_format
from ui.widgets.mass_edit import MassEdit


class TermsDialog(RecordDialog):
    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Terms of {reference}").format(reference=reference), parent)
        self.terms = terms = allocation_terms(desk.db, reference)
        self.pi = QComboBox(self)
        self.pi.setEditable(True)
        self.pi.addItems(list(terms.investigators))
        self.pi.setCurrentText(terms.pi)
        self.purpose = QPlainTextEdit(terms.purpose, self)
        self.purpose.setFixedHeight(60)
        self.mass = MassEdit(self)
        self.mass.setText(format_mass(terms.approved_ug))
        self.mass.setEnabled(terms.status in BEFORE_HANDOVER)
        if not self.mass.isEnabled():
            self.mass.setToolTip(self.tr("The mass is fixed once the splits are handed over"))
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_format())
        due = terms.due_date
        self.due.setDate(QDate(due.year, due.month, due.day) if due else QDate.currentDate().addYears(2))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("why the terms change (recorded)"))
        for text, widget in ((self.tr("Borrower:"), self.read_only_field(terms.institution)),
                             (self.tr("Principal investigator:"), self.pi), (self.tr("Purpose:"), self.purpose),
                             (self.tr("Approved mass:"), self.mass), (self.tr("Due date:"), self.due),
                             (self.tr("Reason:"), self.reason)):
            self.form.addRow(text, widget)
        for signal in (self.pi.currentTextChanged, self.purpose.textChanged, self.mass.massChanged,
                       self.due.dateChanged, self.reason.textChanged):
            signal.connect(self.revalidate)
        self.revalidate()

    def changes(self) -> dict[str, object]:
        """The terms that differ from what the allocation holds now."""
        due = self.due.date()
        values: dict[str, object] = {"pi": " ".join(self.pi.currentText().split()),
                                     "purpose": self.purpose.toPlainText().strip(),
                                     "due_date": date(due.year(), due.month(), due.day())}
        if self.mass.isEnabled() and self.mass.value_ug is not None:
            values["approved_mass_ug"] = self.mass.value_ug
        now = {"pi": self.terms.pi, "purpose": self.terms.purpose, "due_date": self.terms.due_date,
               "approved_mass_ug": self.terms.approved_ug}
        return {key: value for key, value in values.items() if now[key] != value}

    def problem(self) -> str:
        if not self.pi.currentText().strip():
            return self.tr("name the principal investigator")
        if self.mass.isEnabled() and self.mass.value_ug is None:
            return self.tr("approved mass: {error}").format(error=self.mass.error)
        if not self.changes():
            return self.tr("nothing changed")
        if not self.reason.text().strip():
            return self.tr("say why the terms change")
        return ""

    def hint(self) -> str:
        due = self.changes().get("due_date")
        if isinstance(due, date) and self.terms.due_date is not None and due > self.terms.due_date:
            return self.tr("The loan is extended from {old} to {new}.").format(old=self.terms.due_date, new=due)
        return ""

    def write(self) -> Write:
        db, operator, terms, reason = self.desk.db, self.desk.operator.name, self.terms, self.reason.text()
        changes = self.changes()
        text = self.tr("terms of {reference} saved").format(reference=terms.reference)
        return Write(lambda: edit_allocation(db, operator, terms.reference, reason, expected_version=terms.version,
                                             **changes),  # type: ignore[arg-type]  # the keys are its keywords
                     lambda _result: text)
