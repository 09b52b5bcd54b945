"""Scanning sessions on a loan: Prepare sets scanned splits aside (their mass stays reserved for this loan,
labels and the handover sheet follow), and several splits come back in one session, each scan ticking its
line, with a summary above OK. Scanner first: Enter in the scan field takes the scan, only OK or Ctrl+Enter
records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QTableWidget, QTableWidgetItem, QWidget

from curator import allocations
from curator.loan_sessions import SplitBack, record_returns
from curator.loans import allocation_items
from curator.mass import format_mass
from curator.vocabulary import AllocationItemStatus
from ui.desk import Desk
from ui.dialogs.allocation_dialogs import HandOverDialog, _ScanDialog
from ui.operation import Write
from ui.widgets.mass_edit import MassEdit


class PrepareDialog(HandOverDialog):
    """Set splits aside for an approved loan by scanning them (checked as a hand-over would be)."""

    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, reference, parent)
        self.setWindowTitle(self.tr("Prepare {reference}").format(reference=reference))
        self.form.removeRow(self.due)  # the due date is set at hand-over
        self.print_labels = QCheckBox(self.tr("Then print their labels and the handover sheet"), self)
        self.print_labels.setChecked(True)
        self.form.addRow("", self.print_labels)
        self.revalidate()

    def problem(self) -> str:
        super().problem()
        return "" if self.numbers else self.tr("scan the splits to set aside")

    def write(self) -> Write:
        db, operator, reference, numbers = self.desk.db, self.desk.operator.name, self.reference, list(self.numbers)
        version = self.loan.version
        text = self.tr("{count} split(s) set aside for {reference}").format(count=len(numbers), reference=reference)
        return Write(lambda: allocations.prepare(db, operator, reference, numbers, expected_version=version),
                     lambda _result: text)


COL_SPLIT, COL_LEFT, COL_BACK = range(3)


class ReturnSessionDialog(_ScanDialog):
    """The splits on loan under ``reference``; each one scanned is ticked and comes back whole unless its
    weighed mass is typed in its line; what did not come back counts as consumed."""

    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, reference, self.tr("Returns for {reference}").format(reference=reference), parent)
        self.left_with = {item.number: item.mass_ug for item in allocation_items(desk.db, reference)
                          if item.status == AllocationItemStatus.HANDED_OVER}
        self.numbers = list(self.left_with)
        self.scanned: list[str] = []
        self.table = QTableWidget(len(self.numbers), 3, self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels([self.tr("Split"), self.tr("Left with"), self.tr("Weighed back")])
        self.table.verticalHeader().setVisible(False)
        self.backs: dict[str, MassEdit] = {}
        self.ticks: dict[str, QTableWidgetItem] = {}
        for row, number in enumerate(self.numbers):
            split = QTableWidgetItem(number)
            split.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            split.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, COL_SPLIT, split)
            self.ticks[number] = split
            left = QTableWidgetItem(format_mass(self.left_with[number]))
            left.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, COL_LEFT, left)
            back = MassEdit(self.table, allow_zero=True)
            back.setEnabled(False)
            back.massChanged.connect(self.revalidate)
            self.table.setCellWidget(row, COL_BACK, back)
            self.backs[number] = back
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumWidth(self.table.columnWidth(COL_SPLIT) + self.table.columnWidth(COL_LEFT) + 160)
        self.table.setMinimumHeight(min(8, max(len(self.numbers), 3)) * 30 + 30)
        self.summary = QLabel(self)
        self.summary.setObjectName("returnSummary")
        self.form.addRow(self.tr("Splits:"), self.table)
        self.form.addRow(self.tr("Summary:"), self.summary)
        self.revalidate()

    def take(self, number: str) -> str:
        if number not in self.left_with:
            return self.tr("{number} is not on loan under {reference}").format(number=number, reference=self.reference)
        if number in self.scanned:
            return self.tr("{number} is already ticked").format(number=number)
        self.scanned.append(number)
        self.ticks[number].setCheckState(Qt.CheckState.Checked)
        back = self.backs[number]
        back.setEnabled(True)
        back.setText(format_mass(self.left_with[number]))
        self.table.scrollToItem(self.ticks[number])
        return ""

    def lines(self) -> list[SplitBack]:
        return [SplitBack(number, self.backs[number].value_ug or 0, self.left_with[number])
                for number in self.scanned]

    def problem(self) -> str:
        back = sum(self.backs[number].value_ug or 0 for number in self.scanned)
        left = sum(self.left_with[number] for number in self.scanned)
        self.summary.setText(self.tr("{count} of {total} scanned: {back} back, {consumed} consumed; "
                                     "{out} still out").format(
            count=len(self.scanned), total=len(self.numbers), back=format_mass(back),
            consumed=format_mass(max(left - back, 0)), out=len(self.numbers) - len(self.scanned)))
        if not self.scanned:
            return self.tr("scan the splits that came back")
        for number in self.scanned:
            edit = self.backs[number]
            if edit.value_ug is None:
                return self.tr("{number}: {error}").format(number=number, error=edit.error)
            if edit.value_ug > self.left_with[number]:
                return self.tr("{number} left with {mass}: more cannot come back").format(
                    number=number, mass=format_mass(self.left_with[number]))
        return ""

    def write(self) -> Write:
        db, operator, reference, lines = self.desk.db, self.desk.operator.name, self.reference, self.lines()
        text = self.tr("{count} split(s) of {reference} returned").format(count=len(lines), reference=reference)
        return Write(lambda: record_returns(db, operator, reference, lines), lambda _result: text)
