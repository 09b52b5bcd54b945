"""Dialogs that record one handling event on a sample or its container: weigh, move, observe, correct."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from curator import handling, inventory
from curator.browse import free_positions
from curator.history import sample_detail, sample_history
from curator.inventory import balance_tolerance_ug, weighing_verdict
from curator.mass import format_mass
from curator.occupancy import nearest_free
from curator.permissions import SampleAction, role_allows
from curator.vocabulary import OBSERVATION_KINDS, PHOTO_KINDS, Atmosphere
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import label, local_time
from ui.widgets.balance_reader import BalanceReader
from ui.widgets.image_attacher import ImageAttacher
from ui.widgets.mass_edit import MassEdit


class WeighDialog(RecordDialog):
    """Record a weighing. Beyond the balance tolerance the domain refuses it until the operator confirms
    it with a reason; a unit slip (more than ten times off) is refused outright."""

    def __init__(self, desk: Desk, number: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Weigh {number}").format(number=number), parent)
        self.number, self.watched = number, frozenset({number})
        self.expected_ug = sample_detail(desk.db, number).mass_ug
        self.expected = self.read_only_field(format_mass(self.expected_ug))
        self.mass = MassEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("only for a mass beyond the balance tolerance"))
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Expected:"), self.expected)
        self.form.addRow(self.tr("Measured mass:"), self.mass)
        self.reader = BalanceReader(self, lambda: self.mass)
        self.finished.connect(self.reader.stop)
        self.form.addRow(self.tr("Balance:"), self.reader)
        self.form.addRow(self.tr("Reason to confirm:"), self.reason)
        self.form.addRow(self.tr("Note:"), self.note)
        self.mass.massChanged.connect(self.revalidate)
        self.reason.textChanged.connect(self.revalidate)
        self.revalidate()

    def reread(self) -> None:
        self.expected_ug = sample_detail(self.desk.db, self.number).mass_ug
        self.expected.setText(format_mass(self.expected_ug))

    def _verdict(self) -> str:
        return "ok" if self.mass.value_ug is None else weighing_verdict(self.expected_ug, self.mass.value_ug)

    def problem(self) -> str:
        if self.mass.error:
            return self.mass.error
        verdict = self._verdict()
        self.reason.setEnabled(verdict == "needs_reason")
        if verdict == "unit_slip":
            return self.tr("{measured} is more than ten times off the expected {expected}: a unit slip? Check the "
                           "unit and weigh again").format(measured=format_mass(self.mass.value_ug or 0),
                                                          expected=format_mass(self.expected_ug))
        if verdict == "needs_reason" and not self.reason.text().strip():
            return self.tr("{difference} from the expected {expected}, beyond the balance tolerance of {tolerance}: "
                           "check the balance, or confirm the weighing with a reason").format(**self._figures())
        return ""

    def _figures(self) -> dict[str, str]:
        difference = (self.mass.value_ug or 0) - self.expected_ug
        return {"difference": ("+" if difference > 0 else "") + format_mass(difference),
                "expected": format_mass(self.expected_ug),
                "tolerance": format_mass(balance_tolerance_ug(self.expected_ug))}

    def hint(self) -> str:
        if self._verdict() == "needs_reason":
            return self.tr("Warning: {difference} from the expected {expected}, beyond the balance tolerance of "
                           "{tolerance}; recorded with your reason.").format(**self._figures())
        return ""

    def write(self) -> Write:
        assert self.mass.value_ug is not None
        db, operator, number, mass_ug, note = self.desk.db, self.desk.operator.name, self.number, \
            self.mass.value_ug, self.note.text()
        reason, expected_ug = self.reason.text() if self.reason.isEnabled() else "", self.expected_ug
        balance = self.reader.facts(self.mass)
        text = self.tr("{number} weighed {mass}")
        return Write(lambda: inventory.weigh(db, operator, number, mass_ug, note, reason=reason,
                                             expected_ug=expected_ug, balance=balance),
                     lambda result: text.format(number=number, mass=format_mass(result.measured_ug)))


class MoveDialog(RecordDialog):
    """Move the sample's container to a free position, or put the sample into another container."""

    def __init__(self, desk: Desk, number: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Move {number}").format(number=number), parent)
        self.number, self.watched = number, frozenset({number})
        self.barcode = sample_detail(desk.db, number).barcode
        #: Free positions by their case-folded path: a typed or scanned path is found in any case.
        self.free = {path.casefold(): path for path in free_positions(desk.db)}
        self.to_position = QRadioButton(self.tr("Move container {barcode} to a position").format(
            barcode=self.barcode or "—"), self)
        self.to_container = QRadioButton(self.tr("Put the sample into another container"), self)
        nearest = nearest_free(desk.db, self.barcode) if self.barcode else None
        self.position = QComboBox(self)
        self.position.setEditable(True)
        self.position.addItems(([nearest] if nearest else []) + sorted(set(self.free.values()) - {nearest}))
        self.position.setCurrentIndex(-1)
        self.nearest = self.read_only_field(nearest or "")
        self.position.setMinimumContentsLength(60)
        self.container = QLineEdit(self)
        self.container.setPlaceholderText(self.tr("scan the container's barcode"))
        self.note = QLineEdit(self)
        self.form.addRow(self.to_position)
        self.form.addRow(self.tr("Free position:"), self.position)
        self.form.addRow(self.tr("Next free nearby:"), self.nearest)
        self.form.addRow(self.to_container)
        self.form.addRow(self.tr("Container:"), self.container)
        self.form.addRow(self.tr("Note:"), self.note)
        self.to_position.setEnabled(bool(self.barcode))
        (self.to_position if self.barcode else self.to_container).setChecked(True)
        for signal in (self.to_position.toggled, self.position.currentTextChanged, self.container.textChanged):
            signal.connect(self.revalidate)
        self.revalidate()

    def first_input(self) -> QWidget:
        return self.position if self.barcode else self.container

    def chosen_position(self) -> str | None:
        """The free position typed or chosen, as stored (None when it names no free position)."""
        return self.free.get(self.position.currentText().strip().casefold())

    def problem(self) -> str:
        if self.to_position.isChecked():
            target = self.position.currentText().strip()
            if not target:
                return self.tr("choose a free position")
            if self.chosen_position() is None:
                return self.tr("{position} is occupied or is not a position").format(position=target)
            return ""
        return "" if self.container.text().strip() else self.tr("scan or type the container's barcode")

    def write(self) -> Write:
        db, operator, number, barcode, note = self.desk.db, self.desk.operator.name, self.number, self.barcode, \
            self.note.text()
        text = self.tr("{number} moved to {target}")
        if self.to_position.isChecked():
            position = self.chosen_position() or ""
            return Write(lambda: inventory.move_container(db, operator, barcode, position, note),
                         lambda _result: text.format(number=number, target=position))
        target = self.container.text().strip()
        return Write(lambda: inventory.put_in_container(db, operator, number, target, note),
                     lambda _result: text.format(number=number, target=target))


class ObservationDialog(RecordDialog):
    """Opened / sealed (with the atmosphere), inspected, photographed (with a reference) or a note."""

    KINDS = OBSERVATION_KINDS

    def __init__(self, desk: Desk, number: str, kind: str = "inspected", parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Record an observation on {number}").format(number=number), parent)
        self.number, self.watched = number, frozenset({number})
        self.barcode = sample_detail(desk.db, number).barcode
        self.kind = QComboBox(self)
        for value in self.KINDS:
            self.kind.addItem(label(value), value.value)
        self.kind.setCurrentIndex(self.KINDS.index(kind))
        self.on_container = QRadioButton(self.tr("On container {barcode} (shows in every sample inside)").format(
            barcode=self.barcode or "—"), self)
        self.on_sample = QRadioButton(self.tr("On the sample only"), self)
        self.on_container.setEnabled(bool(self.barcode))
        (self.on_container if self.barcode and kind in ("opened", "sealed") else self.on_sample).setChecked(True)
        self.atmosphere = QComboBox(self)
        self.atmosphere.addItem(self.tr("(choose)"), "")
        for atmosphere in Atmosphere:
            if atmosphere:
                self.atmosphere.addItem(label(atmosphere), atmosphere.value)
        self.photo = QLineEdit(self)
        self.photo.setPlaceholderText(self.tr("e.g. IMG_2031.jpg"))
        self.image_box = ImageAttacher(self)
        self.image_box.changed.connect(self._images_changed)
        self.attach, self.attached = self.image_box.attach, self.image_box.attached
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(70)
        self.form.addRow(self.tr("Event:"), self.kind)
        self.form.addRow(self.on_container)
        self.form.addRow(self.on_sample)
        self.form.addRow(self.tr("Atmosphere:"), self.atmosphere)
        self.form.addRow(self.tr("Photo reference:"), self.photo)
        self.form.addRow(self.tr("Images:"), self.image_box)
        self.form.addRow(self.tr("Note:"), self.note)
        for signal in (self.kind.currentIndexChanged, self.atmosphere.currentIndexChanged, self.photo.textChanged,
                       self.note.textChanged):
            signal.connect(self.revalidate)
        self.revalidate()

    @property
    def event_kind(self) -> str:
        return str(self.kind.currentData())

    def problem(self) -> str:
        kind = self.event_kind
        self.atmosphere.setEnabled(kind in ("opened", "sealed"))
        self.photo.setEnabled(kind == "photographed")
        self.attach.setEnabled(kind in PHOTO_KINDS)
        if kind in ("opened", "sealed") and not self.atmosphere.currentData():
            return self.tr("say in which atmosphere it was {kind} (nitrogen glove box, air…)").format(kind=label(kind))
        if kind == "photographed" and not self.photo.text().strip() and not self.image_box.images:
            return self.tr("attach the images or give the photo's reference")
        if kind == "note" and not self.note.toPlainText().strip():
            return self.tr("a note needs some text")
        return ""

    def write(self) -> Write:
        db, operator, kind, note = self.desk.db, self.desk.operator.name, self.event_kind, self.note.toPlainText()
        on_container = self.on_container.isChecked()
        code = self.barcode if on_container else self.number
        atmosphere = str(self.atmosphere.currentData()) if kind in ("opened", "sealed") else ""
        photo = self.photo.text().strip() if kind == "photographed" else ""
        images = list(self.image_box.images) if kind in PHOTO_KINDS else []
        text = self.tr("{kind} recorded on {code}").format(kind=label(kind), code=code)
        return Write(lambda: handling.record_observation(db, operator, kind, code, note, atmosphere, photo,
                                                         images=images),
                     lambda _result: text)

    def attach_files(self, paths: list[str]) -> None:
        self.image_box.attach_files(paths)

    @Slot(str)
    def _images_changed(self, refused: str) -> None:
        self.revalidate()
        if refused:
            self.message.setText(refused)


class CorrectionDialog(RecordDialog):
    """A curator answers a wrong event: cite it, give the reason, optionally the true mass."""

    def __init__(self, desk: Desk, number: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Correct an event of {number}").format(number=number), parent)
        self.number, self.watched = number, frozenset({number})
        self.detail = sample_detail(desk.db, number)
        self.wrong_event = QComboBox(self)
        self.wrong_event.addItem(self.tr("(choose the wrong event)"), 0)
        for row in reversed(sample_history(desk.db, number)):
            self.wrong_event.addItem(f"#{row.event_id}  {local_time(row.occurred_at)}  {label(row.kind)}  "
                               f"{format_mass(row.mass_ug) if row.mass_ug is not None else ''}", row.event_id)
        self.reason = QLineEdit(self)
        self.mass = MassEdit(self, allow_zero=True)
        self.mass.setPlaceholderText(self.tr("the mass that event should have stated, if it was wrong"))
        self.form.addRow(self.tr("Wrong event:"), self.wrong_event)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("True mass:"), self.mass)
        for signal in (self.wrong_event.currentIndexChanged, self.reason.textChanged, self.mass.textChanged):
            signal.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        if not role_allows(self.desk.operator.role, SampleAction.CORRECT):
            return self.tr("only a curator may record a correction; {name} is a {role}").format(
                name=self.desk.operator.name, role=label(self.desk.operator.role))
        if not self.wrong_event.currentData():
            return self.tr("choose the event that was wrong")
        if not self.reason.text().strip():
            return self.tr("a correction needs a reason")
        if self.mass.text().strip() and self.mass.value_ug is None:
            return self.mass.error
        return ""

    def write(self) -> Write:
        db, operator, reason = self.desk.db, self.desk.operator.name, self.reason.text()
        event_id = int(self.wrong_event.currentData())
        mass = self.mass.value_ug if self.mass.text().strip() else None
        text = self.tr("event {id} corrected").format(id=event_id)
        # The corrected event may be the sample's, its container's or its loan's.
        return Write(lambda: handling.correct(db, operator, event_id, reason, mass),
                     lambda _result: text)
