"""Receive a primary sample into the facility: its number, mission, kind, mass (typed, or F9 from the
balance), the container it comes in (scanned: an empty container in use, or a barcode not in use yet, a new
jar) and the position that container stands in (the first free one offered, a scanned position label
replaces it). Scanner first: Enter after a scan moves on to the next field. The domain answers every
question (curator/inventory.py, curator/material_places.py); the receipt records it all at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from curator import inventory
from curator.errors import CuratorError
from curator.mass import format_mass
from curator.material_places import offered_for_receipt
from curator.outputs.spreadsheets import mission_codes
from curator.vocabulary import SampleKind, Sampling
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.dialogs.child_place import ChildPlace
from ui.operation import Write
from ui.refusals import refusal_text
from ui.text import label
from ui.widgets.balance_reader import BalanceReader
from ui.widgets.mass_edit import MassEdit
from ui.widgets.position_field import EnterTakes


class ReceiveDialog(RecordDialog):
    """``number`` is the received sample's number once recorded (as the domain stored it)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Receive a sample"), parent)
        self.number = ""
        self._numbers: dict[str, str | CuratorError] = {}
        self.sample_number = QLineEdit(self)
        self.sample_number.setPlaceholderText(self.tr("scan or type the sample number"))
        self.mission = QComboBox(self)
        for code in mission_codes(desk.db):
            self.mission.addItem(code, code)
        self.mission.setProperty("verbatim", True)  # mission codes as stored
        self.kind = QComboBox(self)
        for kind in SampleKind:
            self.kind.addItem(label(kind), kind.value)
        self.sampling = QComboBox(self)
        self.sampling.addItem(self.tr("(not stated)"), Sampling.UNSTATED.value)
        for sampling in (Sampling.SCOOPED, Sampling.DRILLED):
            self.sampling.addItem(label(sampling), sampling.value)
        self.mass = MassEdit(self)
        self.reader = BalanceReader(self, lambda: self.mass)
        self.finished.connect(self.reader.stop)
        self.place = ChildPlace(desk, offered_for_receipt(desk.db), self)
        self.place.container.setPlaceholderText(self.tr("scan an empty container, or a new jar's barcode"))
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Sample number:"), self.sample_number)
        self.form.addRow(self.tr("Mission:"), self.mission)
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("Sampling:"), self.sampling)
        self.form.addRow(self.tr("Mass:"), self.mass)
        self.form.addRow(self.tr("From the balance:"), self.reader)
        self.form.addRow(self.tr("Container:"), self.place.container)
        self.form.addRow(self.tr("Position:"), self.place.position)
        self.form.addRow(self.tr("Note:"), self.note)
        for field in (self.sample_number, self.mission, self.kind, self.sampling, self.mass):
            EnterTakes(field, self._next_field)
        self.place.placed.connect(lambda: self.note.setFocus(Qt.FocusReason.OtherFocusReason))
        self.sample_number.textChanged.connect(self.revalidate)
        self.mass.massChanged.connect(self.revalidate)
        self.place.changed.connect(self.revalidate)
        self.revalidate()

    def _next_field(self) -> None:
        """Enter (a scanner's end of code): on to the next field, never recording."""
        self.focusNextChild()

    def reread(self) -> None:
        self._numbers.clear()
        self.place.forget()

    def _checked_number(self) -> str | CuratorError:
        """The number as the domain would store it, or its refusal (asked once per text)."""
        text = self.sample_number.text().strip()
        if text not in self._numbers:
            try:
                self._numbers[text] = inventory.check_new_sample_number(self.desk.db, text)
            except CuratorError as exc:
                self._numbers[text] = exc
        return self._numbers[text]

    def problem(self) -> str:
        if not self.sample_number.text().strip():
            return self.tr("scan or type the sample number")
        number = self._checked_number()
        if isinstance(number, CuratorError):
            return refusal_text(number)
        if self.mission.currentIndex() < 0:
            return self.tr("no mission is registered: an admin registers it first")
        if self.mass.value_ug is None:
            return self.tr("mass: {error}").format(error=self.mass.error)
        return self.place.problem()

    def write(self) -> Write:
        assert self.mass.value_ug is not None
        db, operator, mass_ug, note = self.desk.db, self.desk.operator.name, self.mass.value_ug, self.note.text()
        number, mission = self.sample_number.text().strip(), self.mission.currentData()
        kind, sampling = self.kind.currentData(), self.sampling.currentData()
        container, position = self.place.container.text().strip(), self.place.position_path()
        balance = self.reader.facts(self.mass)
        text = self.tr("{number} received, {mass}, in {barcode} at {position}")
        self.number = str(self._checked_number())

        def receive() -> str:
            inventory.receive_sample(db, operator, number, mission, kind, mass_ug, sampling, container, note,
                                     position=position, balance=balance)
            return position

        return Write(receive, lambda at: text.format(number=self.number, mass=format_mass(mass_ug),
                                                     barcode=container, position=at))
