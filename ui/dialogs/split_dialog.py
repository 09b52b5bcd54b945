"""Split a sample: N children with masses, each into a container standing in a position, a process loss
and the mass left in the parent. A live balance line shows before − (remaining + children + loss); OK
enables only when it is exactly zero and every child has its place."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from curator import inventory
from curator.history import sample_detail
from curator.inventory import ChildSpec
from curator.mass import format_mass
from curator.material_places import offered_positions
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.dialogs.child_place import ChildPlace
from ui.operation import Write
from ui.widgets.balance_reader import BalanceReader, focused_mass
from ui.widgets.mass_edit import MassEdit

MAX_CHILDREN = 24


class SplitDialog(RecordDialog):
    def __init__(self, desk: Desk, number: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Split {number}").format(number=number), parent)
        self.number, self.watched = number, frozenset({number})
        detail = sample_detail(desk.db, number)
        self.before_ug = detail.mass_ug
        self.proposed = inventory.propose_split_numbers(desk.db, number, MAX_CHILDREN)
        self.offered = offered_positions(desk.db, number, MAX_CHILDREN)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_CHILDREN)
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Child number"), self), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Mass"), self), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Container"), self), 0, 2)
        self.grid.addWidget(QLabel(self.tr("Position"), self), 0, 3)
        self.child_numbers: list[QLineEdit] = []
        self.child_masses: list[MassEdit] = []
        self.child_places: list[ChildPlace] = []
        self.loss = MassEdit(self, allow_zero=True)
        self.loss.setText("0 mg")
        self.remaining = MassEdit(self, allow_zero=True)
        self.remaining.setPlaceholderText(self.tr("weigh what is left in the parent"))
        self.note = QLineEdit(self)
        self.balance = QLabel(self)
        self.balance.setObjectName("balanceLine")
        self.balance.setWordWrap(True)
        self.before = self.read_only_field(format_mass(self.before_ug))
        self.form.addRow(self.tr("Parent before:"), self.before)
        self.form.addRow(self.tr("Number of children:"), self.count)
        self.form.addRow(self.grid)
        self.form.addRow(self.tr("Process loss:"), self.loss)
        self.form.addRow(self.tr("Parent remaining:"), self.remaining)
        self.reader = BalanceReader(self, lambda: focused_mass(self, [*self.child_masses, self.remaining]))
        self.finished.connect(self.reader.stop)
        self.form.addRow(self.tr("From the balance:"), self.reader)
        self.form.addRow(self.tr("Note:"), self.note)
        self.form.addRow(self.tr("Balance:"), self.balance)
        self.count.valueChanged.connect(self._set_rows)
        self.loss.massChanged.connect(self.revalidate)
        self.remaining.massChanged.connect(self.revalidate)
        self.count.setValue(2)
        self._set_rows(2)

    def reread(self) -> None:
        self.before_ug = sample_detail(self.desk.db, self.number).mass_ug
        self.before.setText(format_mass(self.before_ug))
        for place in self.child_places:
            place.forget()

    @Slot(int)
    def _set_rows(self, count: int) -> None:
        while len(self.child_masses) < count:
            row = len(self.child_masses)
            number = QLineEdit(self.proposed[row], self)
            number.setMinimumWidth(number.fontMetrics().horizontalAdvance(self.proposed[row]) + 24)
            mass = MassEdit(self)
            mass.setMinimumWidth(mass.fontMetrics().horizontalAdvance("000.000000 mg") + 24)
            place = ChildPlace(self.desk, self.offered[row] if row < len(self.offered) else "", self)
            number.textChanged.connect(self.revalidate)
            mass.massChanged.connect(self.revalidate)
            place.changed.connect(self.revalidate)
            place.placed.connect(lambda row=row: self._after_place(row))
            for column, widget in enumerate([number, mass, *place.widgets()]):
                self.grid.addWidget(widget, row + 1, column)
            self.child_numbers.append(number)
            self.child_masses.append(mass)
            self.child_places.append(place)
        self._tab_order()
        for row, (number, mass, place) in enumerate(zip(self.child_numbers, self.child_masses, self.child_places,
                                                         strict=True)):
            for widget in [number, mass, *place.widgets()]:
                widget.setVisible(row < count)
        self.revalidate()

    def _after_place(self, row: int) -> None:
        """A position scanned for a child: on to the next child's mass (or the loss after the last)."""
        following = self.child_masses[row + 1] if row + 1 < self.count.value() else self.loss
        following.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_order(self) -> None:
        """Top to bottom: the count, each child's number, mass, container and position, then loss, remaining
        and note (the child rows are made after the fields below them, so creation order would jump)."""
        chain: list[QWidget] = [self.count]
        for number, mass, place in zip(self.child_numbers, self.child_masses, self.child_places, strict=True):
            chain += [number, mass, *place.widgets()]
        chain += [self.loss, self.remaining, self.note]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def child_rows(self) -> list[tuple[QLineEdit, MassEdit]]:
        return list(zip(self.child_numbers, self.child_masses, strict=True))[: self.count.value()]

    def places(self) -> list[ChildPlace]:
        """Each shown child's container and position."""
        return self.child_places[: self.count.value()]

    def difference_ug(self) -> int | None:
        """before − (remaining + children + loss), or None while a mass is missing or malformed."""
        masses = [mass.value_ug for _, mass in self.child_rows()] + [self.loss.value_ug, self.remaining.value_ug]
        if any(value is None for value in masses):
            return None
        return self.before_ug - sum(value for value in masses if value is not None)

    def _show_balance(self, difference: int | None) -> None:
        if difference is None:
            text, colour = self.tr("enter every mass to see the balance"), "#555"
        elif difference == 0:
            text, colour = self.tr("balanced: before = remaining + children + loss"), "#2e7d32"
        elif difference > 0:
            text, colour = self.tr("{mass} unaccounted for (before exceeds remaining + children + loss)").format(
                mass=format_mass(difference)), "#c62828"
        else:
            text, colour = self.tr("{mass} too much (remaining + children + loss exceed before)").format(
                mass=format_mass(-difference)), "#c62828"
        self.balance.setText(text)
        self.balance.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def problem(self) -> str:
        difference = self.difference_ug()
        self._show_balance(difference)
        for number, mass in self.child_rows():
            if not number.text().strip():
                return self.tr("every child needs a number")
            if mass.value_ug is None:
                return self.tr("child {number}: {error}").format(number=number.text(), error=mass.error)
        numbers = [number.text().strip() for number, _ in self.child_rows()]
        if len(set(numbers)) != len(numbers):
            return self.tr("two children have the same number")
        for child, place in zip(numbers, self.places(), strict=True):
            if trouble := place.problem():
                return self.tr("child {number}: {problem}").format(number=child, problem=trouble)
        paths = [place.position_path() for place in self.places()]
        barcodes = [place.container.text().strip().upper() for place in self.places()]
        if len(set(zip(paths, barcodes, strict=True))) != len(set(paths)):
            return self.tr("two containers cannot stand in one position")
        if self.loss.value_ug is None:
            return self.tr("process loss: {error}").format(error=self.loss.error)
        if self.remaining.value_ug is None:
            return self.tr("parent remaining: {error}").format(error=self.remaining.error)
        if difference != 0:
            return self.tr("the balance must be exactly zero")
        return ""

    def write(self) -> Write:
        specs = [ChildSpec(mass.value_ug or 0, number.text().strip(), place.container.text().strip(),
                           place.position_path()) for (number, mass), place in zip(self.child_rows(), self.places(),
                                                                                   strict=True)]
        db, operator, number, loss_ug, note = self.desk.db, self.desk.operator.name, self.number, \
            self.loss.value_ug or 0, self.note.text()
        before_ug, text = self.before_ug, self.tr("{number} split into {children}")
        fields = [(child.text().strip(), mass) for child, mass in self.child_rows()] + [("remaining", self.remaining)]
        readings = {name: facts for name, edit in fields if (facts := self.reader.facts(edit)) is not None}
        return Write(lambda: inventory.split(db, operator, number, specs, loss_ug, note, expected_ug=before_ug,
                                             readings=readings),
                     lambda made: text.format(number=number, children=", ".join(made)))
