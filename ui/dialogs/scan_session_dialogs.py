"""Scanning sessions on a loan: Prepare sets scanned splits aside (their mass stays reserved for this loan,
labels and the handover sheet follow), and several splits come back in one session, each scan ticking its
line, with a summary above OK. Scanner first: Enter in the scan field takes the scan, only OK or Ctrl+Enter
records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QLabel, QTableWidget, QTableWidgetItem, QWidget

from curator import allocations
from curator.loan_sessions import SplitBack, record_returns
from curator.loans import allocation_items
from curator.mass import format_mass
from curator.material_places import ReturnHome, homes_on_return
from curator.vocabulary import AllocationItemStatus
from ui.desk import Desk
from ui.dialogs.allocation_dialogs import HandOverDialog, _ScanDialog
from ui.operation import Write
from ui.refusals import refusal_text
from ui.text import label
from ui.widgets.balance_reader import BalanceReader
from ui.widgets.mass_edit import MassEdit
from ui.widgets.position_field import PositionField
from ui.widgets.treatment_box import TreatmentBox


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


COL_SPLIT, COL_LEFT, COL_BACK, COL_CONSUMED, COL_TREATMENT, COL_PLACE = range(6)
#: The background of a line whose container has no place to go back to.
NO_PLACE_COLOUR = QColor("#ffcdd2")


class ReturnSessionDialog(_ScanDialog):
    """The splits on loan under ``reference``; each one scanned is ticked and asked for, as the single return
    asks: the mass weighed back (all it left with until typed), the mass consumed (what did not come back
    unless typed), what was done to it and where its container goes back (the treatment box and the position
    field below edit the split chosen last; the position offered is the domain's, as the single return's)."""

    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, reference, self.tr("Returns for {reference}").format(reference=reference), parent)
        self.left_with = {item.number: item.mass_ug for item in allocation_items(desk.db, reference)
                          if item.status == AllocationItemStatus.HANDED_OVER}
        self.numbers = list(self.left_with)
        self.scanned: list[str] = []
        self.treatments: dict[str, list[str]] = {}
        #: The position typed or scanned for a split (none: its default place).
        self.chosen: dict[str, str] = {}
        self.homes: dict[str, ReturnHome] = {}
        self.current = ""  # the split the treatment box and the position field edit
        self.table = QTableWidget(len(self.numbers), 6, self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels([self.tr("Split"), self.tr("Left with"), self.tr("Weighed back"),
                                              self.tr("Consumed"), self.tr("Treatment"), self.tr("Back to position")])
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)  # a long path shows its shelf and position
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.backs: dict[str, MassEdit] = {}
        self.consumed: dict[str, MassEdit] = {}
        self.ticks: dict[str, QTableWidgetItem] = {}
        for row, number in enumerate(self.numbers):
            self._add_line(row, number)
        self.table.resizeColumnsToContents()
        mass_width = self.fontMetrics().horizontalAdvance(self.tr("what did not come back")) + 24
        for column in (COL_BACK, COL_CONSUMED):
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), mass_width))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(COL_TREATMENT, 160)
        self.table.setMinimumWidth(sum(self.table.columnWidth(column) for column in range(COL_PLACE)) + 220)
        self.table.setMinimumHeight(min(8, max(len(self.numbers), 3)) * 30 + 30)
        self.table.currentCellChanged.connect(self._line_chosen)
        self.treatment_label = QLabel(self.tr("Treatment:"), self)
        self.treatment = TreatmentBox(self)
        self.treatment.setEnabled(False)
        self.treatment.changed.connect(self._treatment_changed)
        self.position_label = QLabel(self.tr("Back to position:"), self)
        self.position = PositionField(desk, "", self)
        self.position.setEnabled(False)
        self.position.textEdited.connect(self._position_typed)
        self.position.placed.connect(self._position_placed)
        self.reader = BalanceReader(self, self._weighed_field)
        self.finished.connect(self.reader.stop)
        self.summary = QLabel(self)
        self.summary.setObjectName("returnSummary")
        self.summary.setWordWrap(True)
        self.form.addRow(self.tr("Splits:"), self.table)
        self.form.addRow(self.tr("Balance:"), self.reader)
        self.form.addRow(self.treatment_label, self.treatment)
        self.form.addRow(self.position_label, self.position)
        self.form.addRow(self.tr("Summary:"), self.summary)
        self.revalidate()

    def _add_line(self, row: int, number: str) -> None:
        split = QTableWidgetItem(number)
        split.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        split.setCheckState(Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_SPLIT, split)
        self.ticks[number] = split
        for column, text in ((COL_LEFT, format_mass(self.left_with[number])), (COL_TREATMENT, ""), (COL_PLACE, "")):
            cell = QTableWidgetItem(text)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, cell)
        back = MassEdit(self.table, allow_zero=True)
        consumed = MassEdit(self.table, allow_zero=True)
        consumed.setPlaceholderText(self.tr("what did not come back"))
        for column, edit in ((COL_BACK, back), (COL_CONSUMED, consumed)):
            edit.setEnabled(False)
            edit.massChanged.connect(self.revalidate)
            self.table.setCellWidget(row, column, edit)
        self.backs[number], self.consumed[number] = back, consumed

    def take(self, number: str) -> str:
        if number not in self.left_with:
            return self.tr("{number} is not on loan under {reference}").format(number=number, reference=self.reference)
        if number in self.scanned:
            return self.tr("{number} is already ticked").format(number=number)
        self.scanned.append(number)
        self.treatments[number] = []
        self.ticks[number].setCheckState(Qt.CheckState.Checked)
        for edit in (self.backs[number], self.consumed[number]):
            edit.setEnabled(True)
        self.backs[number].setText(format_mass(self.left_with[number]))
        self.table.scrollToItem(self.ticks[number])
        self._place()
        self._choose(number)
        return ""

    def _weighed_field(self) -> MassEdit | None:
        """Where a balance reading goes: the mass back of the line being typed in, else of the split chosen last."""
        focused = self.focusWidget()
        if isinstance(focused, MassEdit) and focused in self.backs.values():
            return focused
        return self.backs[self.current] if self.current else None

    @Slot(int, int, int, int)
    def _line_chosen(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        if 0 <= row < len(self.numbers) and self.numbers[row] in self.scanned:
            self._choose(self.numbers[row])

    def _choose(self, number: str) -> None:
        """The treatment box and the position field now edit ``number``'s."""
        self.current = number
        self.treatment_label.setText(self.tr("Treatment of {number}:").format(number=number))
        self.treatment.setEnabled(True)
        self.treatment.set_chosen(self.treatments[number])
        home = self.homes[number]
        self.position_label.setText(self.tr("{number} back to:").format(number=number))
        self.position.barcode, self.position.chosen = home.barcode, number in self.chosen
        self.position.offer(self.chosen.get(number, home.path) if home.problem else home.path)
        self.position.setEnabled(bool(home.barcode))

    def _place(self) -> None:
        """Ask the domain where each scanned split's container goes back (those given a position first, no
        two in one position); a line with no place says why."""
        self.position.forget()
        self.homes = homes_on_return(self.desk.db, self.reference,
                                     {number: self.chosen.get(number) for number in self.scanned})
        for number, home in self.homes.items():
            cell = self.table.item(self.numbers.index(number), COL_PLACE)
            if cell is None:
                continue
            text = refusal_text(home.problem) if home.problem is not None else home.path
            cell.setText(text)
            cell.setToolTip(text)
            cell.setBackground(QBrush(NO_PLACE_COLOUR) if home.problem is not None else QBrush())

    @Slot(str)
    def _position_typed(self, text: str) -> None:
        if not self.current:
            return
        if text.strip():
            self.chosen[self.current] = text.strip()
        else:
            self.chosen.pop(self.current, None)
        self._place()
        self.revalidate()

    @Slot()
    def _position_placed(self) -> None:
        """Enter took a scanned label or a typed place: the field shows the position the domain gives the split
        for it (a shelf's next free one not given to another split); the next split may be scanned."""
        home = self.homes.get(self.current)
        if home is None or home.problem is not None:
            self.position.selectAll()  # its line says why; the next scan replaces it
            return
        self.position.offer(home.path)
        self.scan.setFocus()

    @Slot()
    def _treatment_changed(self) -> None:
        if not self.current:
            return
        self.treatments[self.current] = self.treatment.chosen()
        cell = self.table.item(self.numbers.index(self.current), COL_TREATMENT)
        if cell is not None:
            cell.setText(", ".join(label(word) for word in self.treatments[self.current]))
        self.revalidate()

    def _consumed_ug(self, number: str) -> int:
        """What the split's line says was consumed: as typed, else what did not come back."""
        typed = self.consumed[number].value_ug
        return typed if typed is not None else max(self.left_with[number] - (self.backs[number].value_ug or 0), 0)

    def lines(self) -> list[SplitBack]:
        return [SplitBack(number, self.backs[number].value_ug or 0, self.left_with[number], self._consumed_ug(number),
                          tuple(self.treatments[number]), self.reader.facts(self.backs[number]),
                          self.homes[number].path or None)
                for number in self.scanned]

    def problem(self) -> str:
        back = sum(self.backs[number].value_ug or 0 for number in self.scanned)
        consumed = sum(self._consumed_ug(number) for number in self.scanned)
        treated = [self.tr("{number}: {treatment}").format(
            number=number, treatment=", ".join(label(word) for word in self.treatments[number]))
            for number in self.scanned if self.treatments[number]]
        self.summary.setText("\n".join([self.tr("{count} of {total} scanned: {back} back, {consumed} consumed; "
                                                 "{out} still out").format(
            count=len(self.scanned), total=len(self.numbers), back=format_mass(back),
            consumed=format_mass(consumed), out=len(self.numbers) - len(self.scanned)), *treated]))
        if not self.scanned:
            return self.tr("scan the splits that came back")
        for number in self.scanned:
            problem = self._line_problem(number)
            if problem:
                return problem
        return ""

    def _line_problem(self, number: str) -> str:
        edit, consumed, left = self.backs[number], self.consumed[number], self.left_with[number]
        if edit.value_ug is None:
            return self.tr("{number}: {error}").format(number=number, error=edit.error)
        if edit.value_ug > left:
            return self.tr("{number} left with {mass}: more cannot come back").format(
                number=number, mass=format_mass(left))
        if consumed.text().strip() and consumed.value_ug is None:
            return self.tr("{number}: consumed: {error}").format(number=number, error=consumed.error)
        if consumed.value_ug is not None and consumed.value_ug + edit.value_ug != left:
            return self.tr("{number} left with {mass}: back and consumed must add up to it").format(
                number=number, mass=format_mass(left))
        home = self.homes.get(number)  # asked for once the split is ticked
        if home is not None and home.problem is not None:
            return self.tr("{number}: {error}").format(number=number, error=refusal_text(home.problem))
        return ""

    def write(self) -> Write:
        db, operator, reference, lines = self.desk.db, self.desk.operator.name, self.reference, self.lines()
        text = self.tr("{count} split(s) of {reference} returned").format(count=len(lines), reference=reference)
        return Write(lambda: record_returns(db, operator, reference, lines), lambda _result: text)
