"""Dialogs of the allocation lifecycle: new allocation, hand over by scanning, return and consumption by
scanning, cancel with a reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from curator import allocations
from curator.directory import list_institutions, list_missions, sample_number_for
from curator.errors import CuratorError
from curator.history import sample_detail
from curator.institutions import institution_rows
from curator.loans import allocation_items, allocation_rows, overdue_references
from curator.mass import format_mass
from curator.material_places import home_on_return
from curator.vocabulary import AllocationItemStatus
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.refusals import refusal_text
from ui.widgets.balance_reader import BalanceReader, focused_mass
from ui.widgets.mass_edit import MassEdit
from ui.widgets.position_field import PositionField
from ui.widgets.scan_field import ScanField
from ui.widgets.treatment_box import TreatmentBox


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class NewAllocationDialog(RecordDialog):
    """Register a requested allocation; a borrower with an overdue loan needs a curator's override."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("New allocation"), parent)
        self.reference = QLineEdit(self)
        self.institution = QComboBox(self)
        self.institution.addItem(self.tr("(choose)"), "")
        for name, country in list_institutions(desk.db):
            self.institution.addItem(f"{name} ({country})", name)
        self.mission = QComboBox(self)
        self.mission.addItems(list_missions(desk.db))
        self.pi = QLineEdit(self)
        self.mass = MassEdit(self)
        self.due = QDateEdit(QDate.currentDate().addYears(2), self)
        self.due.setCalendarPopup(True)
        self.purpose = QPlainTextEdit(self)
        self.purpose.setFixedHeight(60)
        self.override = QLineEdit(self)
        self.override.setPlaceholderText(self.tr("curator only: why lend despite an overdue loan"))
        self.pristine = QCheckBox(self.tr("only pristine samples (sealed under nitrogen since receipt)"), self)
        self.late: list[str] = []
        for text, widget in ((self.tr("Reference:"), self.reference), (self.tr("Institution:"), self.institution),
                             (self.tr("Mission:"), self.mission), (self.tr("Principal investigator:"), self.pi),
                             (self.tr("Mass:"), self.mass), (self.tr("Due date:"), self.due),
                             (self.tr("Purpose:"), self.purpose), (self.tr("Material:"), self.pristine),
                             (self.tr("Override reason:"), self.override)):
            self.form.addRow(text, widget)
        self.institution.currentIndexChanged.connect(self._borrower_changed)
        for signal in (self.reference.textChanged, self.pi.textChanged, self.mass.massChanged,
                       self.override.textChanged):
            signal.connect(self.revalidate)
        self._borrower_changed()

    @Slot()
    def _borrower_changed(self) -> None:
        name = self.institution.currentData()
        self.late = overdue_references(self.desk.db, name) if name else []
        people = [person.name for row in institution_rows(self.desk.db) if row.name == name
                  for person in row.investigators]
        self.pi.setCompleter(QCompleter(people, self.pi))  # the borrower's principal investigators, as typed
        self.override.setEnabled(bool(self.late) and self.desk.operator.is_curator)
        self.revalidate()

    def problem(self) -> str:
        if not self.reference.text().strip():
            return self.tr("give the approval's reference")
        if not self.institution.currentData():
            return self.tr("choose the borrowing institution")
        if not self.pi.text().strip():
            return self.tr("name the principal investigator")
        if self.mass.value_ug is None:
            return self.tr("mass: {error}").format(error=self.mass.error)
        if self.late and not self.desk.operator.is_curator:
            return self.tr("{name} has an overdue loan ({refs}): only a curator may override").format(
                name=self.institution.currentData(), refs=", ".join(self.late))
        if self.late and not self.override.text().strip():
            return self.tr("{name} has an overdue loan ({refs}): give a reason to override").format(
                name=self.institution.currentData(), refs=", ".join(self.late))
        return ""

    def write(self) -> Write:
        db, operator, reference = self.desk.db, self.desk.operator.name, self.reference.text()
        values = (str(self.institution.currentData()), self.mission.currentText(), self.pi.text(),
                  self.mass.value_ug or 0, _to_date(self.due.date()), self.purpose.toPlainText(), self.override.text())
        text = self.tr("allocation {reference} registered").format(reference=reference.strip())
        pristine = self.pristine.isChecked()
        return Write(lambda: allocations.create(db, operator, reference, *values, pristine_only=pristine),
                     lambda _result: text)


class _ScanDialog(RecordDialog):
    """A dialog with a scan field: each scan names a sample (directly or by its container)."""

    def __init__(self, desk: Desk, reference: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, title, parent)
        self.reference = reference
        self.scan = ScanField(self, self.tr("Scan a split's container or sample number"), stacked=True)
        self.form.addRow(self.tr("Scan:"), self.scan)
        self.scan.scanned.connect(self._scanned)

    @Slot(str)
    def _scanned(self, code: str) -> None:
        try:
            number = sample_number_for(self.desk.db, code)
        except CuratorError as exc:
            self.scan.refuse(refusal_text(exc))
            return
        message = self.take(number)
        if message:
            self.scan.refuse(message)
        else:
            self.scan.done(self.tr("{number} scanned").format(number=number))
        self.revalidate()

    def take(self, number: str) -> str:
        """Use a scanned sample; returns an error text or ""."""
        raise NotImplementedError


class HandOverDialog(_ScanDialog):
    """Hand over the prepared splits plus any scanned ones: each prepared split is scanned (its tick says it
    is in hand) before OK."""

    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, reference, self.tr("Hand over {reference}").format(reference=reference), parent)
        self.loan = allocation_rows(desk.db, reference=reference)[0]
        self.items = QListWidget(self)
        self.numbers: list[str] = []
        self.prepared: list[str] = []
        self.ticked: set[str] = set()  # prepared splits scanned in this session
        self.total_ug = 0
        for item in allocation_items(desk.db, reference):
            if item.status == AllocationItemStatus.PREPARED:
                self.prepared.append(item.number)
                self.total_ug += item.mass_ug
                self.items.addItem(self.tr("{number} ({mass}, prepared)").format(
                    number=item.number, mass=format_mass(item.mass_ug)))
                self.items.item(self.items.count() - 1).setCheckState(Qt.CheckState.Unchecked)
        self.total = QLabel(self)
        self.due = QDateEdit(QDate.currentDate().addYears(2), self)
        self.due.setCalendarPopup(True)
        if self.loan.pristine_only:
            self.form.addRow(self.tr("Material:"), QLabel(self.tr("pristine samples only"), self))
        self.form.addRow(self.tr("Splits:"), self.items)
        self.form.addRow(self.tr("Total:"), self.total)
        self.form.addRow(self.tr("Due date:"), self.due)
        self.revalidate()

    def take(self, number: str) -> str:
        """Refuse at once what the hand-over would refuse (the domain's check: another mission, not in store,
        not pristine when asked, over the approved mass), and a split already listed."""
        if number in self.numbers or number in self.ticked:
            return self.tr("{number} is already in the list").format(number=number)
        if number in self.prepared:
            self.ticked.add(number)
            self.items.item(self.prepared.index(number)).setCheckState(Qt.CheckState.Checked)
            return ""
        try:
            mass_ug = allocations.check_scanned(self.desk.db, self.reference, number, self.total_ug)
        except CuratorError as exc:
            return refusal_text(exc)
        self.numbers.append(number)
        self.total_ug += mass_ug
        self.items.addItem(self.tr("{number} ({mass}, scanned)").format(number=number, mass=format_mass(mass_ug)))
        self.items.item(self.items.count() - 1).setCheckState(Qt.CheckState.Checked)
        return ""

    def problem(self) -> str:
        self.total.setText(self.tr("{total} of {approved} approved; splits in hand: {count}").format(
            total=format_mass(self.total_ug), approved=format_mass(self.loan.approved_ug),
            count=len(self.ticked) + len(self.numbers)))
        if not self.items.count():
            return self.tr("scan the splits to hand over")
        missing = [number for number in self.prepared if number not in self.ticked]
        if missing:
            return self.tr("scan every prepared split: {missing} not scanned yet").format(missing=", ".join(missing))
        return ""

    def write(self) -> Write:
        db, operator, reference, numbers = self.desk.db, self.desk.operator.name, self.reference, list(self.numbers)
        due, total_ug = _to_date(self.due.date()), self.total_ug
        text = self.tr("{reference} handed over").format(reference=reference)
        return Write(lambda: allocations.hand_over(db, operator, reference, numbers, due, expected_ug=total_ug),
                     lambda _result: text)


class ReturnDialog(_ScanDialog):
    """A split comes back: scan it, weigh it, say what was consumed (by default what is missing) and what was
    done to it. With
    ``consumed=True`` the scanned split is recorded as used up entirely instead."""

    def __init__(self, desk: Desk, reference: str, consumed: bool = False, parent: QWidget | None = None) -> None:
        if consumed:
            title = self.tr("Record consumption for {reference}")
        else:
            title = self.tr("Record a return for {reference}")
        super().__init__(desk, reference, title.format(reference=reference), parent)
        self.on_loan = {item.number: item.mass_ug for item in allocation_items(desk.db, reference)
                        if item.status == AllocationItemStatus.HANDED_OVER}
        self.number = ""
        self.sample = self.read_only_field()
        self.form.addRow(self.tr("Split:"), self.sample)
        self.mass: MassEdit | None = None  # consumption has no returned mass, consumed mass or treatment
        self.consumed = MassEdit(self, allow_zero=True)
        self.consumed.setPlaceholderText(self.tr("what left less what came back"))
        self.treatment = TreatmentBox(self)
        self.note = QLineEdit(self)
        #: Where the split's container goes back (offered: where it left from, or the nearest free one).
        self.position = PositionField(desk, "", self)
        self.position.setEnabled(False)
        self.no_home = ""
        if not consumed:
            self.mass = MassEdit(self, allow_zero=True)
            self.form.addRow(self.tr("Returned mass:"), self.mass)
            mass = self.mass
            self.reader = BalanceReader(self, lambda: focused_mass(self, [mass]))
            self.finished.connect(self.reader.stop)
            self.form.addRow(self.tr("Balance:"), self.reader)
            self.form.addRow(self.tr("Consumed:"), self.consumed)
            self.form.addRow(self.tr("Treatment:"), self.treatment)
            self.form.addRow(self.tr("Back to position:"), self.position)
            self.position.textChanged.connect(self.revalidate)
            self.position.placed.connect(self.note.setFocus)
            self.mass.massChanged.connect(self.revalidate)
            self.consumed.massChanged.connect(self.revalidate)
        else:
            self.consumed.hide()
            self.treatment.hide()
            self.position.hide()
        self.form.addRow(self.tr("Note:"), self.note)
        self.revalidate()

    def take(self, number: str) -> str:
        if number not in self.on_loan:
            return self.tr("{number} is not on loan under {reference}").format(number=number, reference=self.reference)
        self.number = number
        self.sample.setText(self.tr("{number} (left with {mass})").format(
            number=number, mass=format_mass(self.on_loan[number])))
        try:
            barcode, home = home_on_return(self.desk.db, self.reference, number)
            self.no_home = ""
        except CuratorError as exc:
            barcode, home, self.no_home = sample_detail(self.desk.db, number).barcode, "", refusal_text(exc)
        self.position.barcode, self.position.chosen = barcode, False
        self.position.offer(home)
        self.position.setEnabled(bool(barcode))
        return ""

    def problem(self) -> str:
        if not self.number:
            return self.tr("scan the split that came back")
        if self.mass is None:
            return ""
        if self.mass.value_ug is None:
            return self.tr("returned mass: {error}").format(error=self.mass.error)
        if self.mass.value_ug > self.on_loan[self.number]:
            return self.tr("{number} left with {mass}: more cannot come back").format(
                number=self.number, mass=format_mass(self.on_loan[self.number]))
        if self.consumed.text().strip() and self.consumed.value_ug is None:
            return self.tr("consumed: {error}").format(error=self.consumed.error)
        if self.consumed.value_ug is not None and self.consumed.value_ug + self.mass.value_ug != self.on_loan[
                self.number]:
            return self.tr("{number} left with {mass}: back and consumed must add up to it").format(
                number=self.number, mass=format_mass(self.on_loan[self.number]))
        return self.home_problem()

    def home_problem(self) -> str:
        """Why the split's container cannot go back where the position field says ("" when it can)."""
        if not self.position.barcode:
            return ""
        if not self.position.text().strip():
            return self.no_home or self.tr("say where its container goes back")
        try:
            self.position.path()
        except ValueError as refusal:
            return str(refusal)
        return ""

    def write(self) -> Write:
        db, operator, reference, number, note = self.desk.db, self.desk.operator.name, self.reference, \
            self.number, self.note.text()
        expected_ug = self.on_loan[number]
        if self.mass is None:
            text = self.tr("{number} recorded as consumed").format(number=number)
            return Write(lambda: allocations.record_consumption(db, operator, reference, number, note,
                                                                expected_ug=expected_ug),
                         lambda _result: text)
        returned_ug, text = self.mass.value_ug or 0, self.tr("{number} returned").format(number=number)
        consumed_ug, treatment = self.consumed.value_ug, self.treatment.chosen()
        balance = self.reader.facts(self.mass)
        position = self.position.path() if self.position.barcode else None
        return Write(lambda: allocations.record_return(db, operator, reference, number, returned_ug, note,
                                                       expected_ug=expected_ug, consumed_ug=consumed_ug,
                                                       treatment=treatment, position=position, balance=balance),
                     lambda _result: text)


class CancelDialog(RecordDialog):
    def __init__(self, desk: Desk, reference: str, version: int, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Cancel {reference}").format(reference=reference), parent)
        self.reference, self.version = reference, version
        self.items = [item.number for item in allocation_items(desk.db, reference)]
        self.reason = QLineEdit(self)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.reason.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        return "" if self.reason.text().strip() else self.tr("say why the allocation is cancelled")

    def write(self) -> Write:
        db, operator, reference, reason, version = self.desk.db, self.desk.operator.name, self.reference, \
            self.reason.text(), self.version
        text = self.tr("{reference} cancelled").format(reference=reference)
        # Cancelling frees the samples set aside for it.
        return Write(lambda: allocations.cancel(db, operator, reference, reason, version), lambda _result: text)
