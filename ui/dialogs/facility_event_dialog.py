"""Record a facility event on a room, cabinet or glove box: an excursion (nitrogen supply lost, oxygen
level, humidity, temperature, power) with its start, end and measured value, or an observation (opened in
air, a note...). It reaches every sample inside the location at that time (curator/facility_events.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from curator.facility_events import MEASURED_LIMIT, event_locations, record_location_event, samples_reached
from curator.vocabulary import LOCATION_KINDS, PHOTO_KINDS, Atmosphere, EventKind, Excursion
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import date_format, label
from ui.widgets.image_attacher import ImageAttacher


def _when(parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(f"{date_format()} HH:mm")
    return edit


class FacilityEventDialog(RecordDialog):
    def __init__(self, desk: Desk, location: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Facility event"), parent)
        self.location = QComboBox(self)
        self.location.addItem(self.tr("(choose)"), "")
        for path in event_locations(desk.db):
            self.location.addItem(path, path)
        if location:
            self.location.setCurrentIndex(max(0, self.location.findData(location)))
        self.kind = QComboBox(self)
        for kind in LOCATION_KINDS:
            self.kind.addItem(label(kind), kind)
        self.excursion = QComboBox(self)
        for excursion in Excursion:
            self.excursion.addItem(label(excursion), excursion.value)
        self.atmosphere = QComboBox(self)
        for atmosphere in sorted(Atmosphere, key=lambda word: word != Atmosphere.UNSTATED):  # unstated first
            self.atmosphere.addItem(label(atmosphere) or self.tr("(not stated)"), atmosphere.value)
        self.start = _when(self)
        self.ended = QCheckBox(self.tr("ended at"), self)
        self.end = _when(self)
        self.measured = QLineEdit(self)
        self.measured.setMaxLength(MEASURED_LIMIT)
        self.measured.setPlaceholderText(self.tr("e.g. 4.2 % O2, 38 %RH, 31.5 °C"))
        self.note = QLineEdit(self)
        self.image_box = ImageAttacher(self)
        self.image_box.changed.connect(self._images_changed)
        for text, widget in ((self.tr("Location:"), self.location), (self.tr("What:"), self.kind),
                             (self.tr("Excursion:"), self.excursion), (self.tr("Atmosphere:"), self.atmosphere),
                             (self.tr("Started:"), self.start), (self.ended, self.end),
                             (self.tr("Measured value:"), self.measured), (self.tr("Images:"), self.image_box),
                             (self.tr("Note:"), self.note)):
            self.form.addRow(text, widget)
        for signal in (self.location.currentIndexChanged, self.kind.currentIndexChanged,
                       self.atmosphere.currentIndexChanged, self.ended.toggled, self.start.dateTimeChanged,
                       self.end.dateTimeChanged, self.note.textChanged):
            signal.connect(self.revalidate)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.end.setEnabled(False)  # until "ended at" is ticked
        self.ended.toggled.connect(self.end.setEnabled)
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        excursion = self.kind.currentData() == EventKind.EXCURSION
        self.excursion.setEnabled(excursion)
        self.atmosphere.setEnabled(not excursion)  # an excursion says what went wrong, not an atmosphere
        self.image_box.setEnabled(self.kind.currentData() in PHOTO_KINDS)
        self.revalidate()

    @Slot(str)
    def _images_changed(self, refused: str) -> None:
        self.revalidate()
        if refused:
            self.message.setText(refused)

    def problem(self) -> str:
        kind = self.kind.currentData()
        if not self.location.currentData():
            return self.tr("choose the room, cabinet or glove box")
        if kind in (EventKind.OPENED, EventKind.SEALED) and not self.atmosphere.currentData():
            return self.tr("say in which atmosphere it was opened or sealed")
        if kind == EventKind.NOTE and not self.note.text().strip():
            return self.tr("a note needs some text")
        if self.ended.isChecked() and self.end.dateTime() < self.start.dateTime():
            return self.tr("the end is before the start")
        return ""

    def write(self) -> Write:
        db, operator = self.desk.db, self.desk.operator.name
        path, kind = str(self.location.currentData()), str(self.kind.currentData())
        note, measured = self.note.text(), self.measured.text()
        excursion = str(self.excursion.currentData()) if kind == EventKind.EXCURSION else ""
        atmosphere = "" if excursion else str(self.atmosphere.currentData())
        images = list(self.image_box.images) if kind in PHOTO_KINDS else []
        start = _utc(self.start)
        end = _utc(self.end) if self.ended.isChecked() else None
        def record() -> int:  # off the GUI thread: the event, then how many samples it reached
            event_id = record_location_event(db, operator, kind, path, note=note, atmosphere=atmosphere,
                                             excursion=excursion, started_at=start, ended_at=end, measured=measured,
                                             images=images)
            return len(samples_reached(db, event_id))

        return Write(record, lambda reached: self.tr("{kind} recorded on {place}: %n sample(s) inside at the time", "",
                                                     reached).format(kind=label(kind), place=path))


def _utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)
