"""Tools > Photo folder…: where the facility keeps the images of photographed and inspected events, in the
database or in a folder every desk reaches. A facility setting, recorded as a signed event (curators and
admins), so every desk follows it (curator/photos.py)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from curator.facility_settings import Setting, read_setting
from curator.photos import set_photo_folder
from curator.vocabulary import Role
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import local_time


class PhotoFolderDialog(RecordDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Photo folder"), parent)
        self.current = read_setting(desk.db, Setting.PHOTO_FOLDER)
        now = self.current.value or self.tr("in the database")
        if self.current.event_id and self.current.set_at is not None:
            now = self.tr("{where} (set by {name}, {when})").format(where=now, name=self.current.set_by,
                                                                     when=local_time(self.current.set_at))
        self.now = self.read_only_field(now)
        self.in_database = QRadioButton(self.tr("Keep new images in the database"), self)
        self.in_folder = QRadioButton(self.tr("Keep new images in this folder:"), self)
        group = QButtonGroup(self)
        group.addButton(self.in_database)
        group.addButton(self.in_folder)
        self.folder = QLineEdit(self.current.value, self)
        self.folder.setObjectName("photoFolder")
        self.folder.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
        self.folder.setPlaceholderText(self.tr("a full path every desk reaches, e.g. /srv/curator/photos"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.note = QLineEdit(self)
        (self.in_folder if self.current.value else self.in_database).setChecked(True)
        self.form.addRow(self.tr("Now:"), self.now)
        self.form.addRow(self.in_database)
        self.form.addRow(self.in_folder, row)
        self.form.addRow(self.tr("Note:"), self.note)
        explained = QLabel(self.tr("Images kept before stay where they are and are still found there. Every desk "
                                   "of the facility follows this setting."), self)
        explained.setWordWrap(True)
        self.form.addRow(explained)
        for signal in (self.in_folder.toggled, self.folder.textChanged):
            signal.connect(self.revalidate)
        self.in_folder.toggled.connect(self._folder_toggled)
        self._folder_toggled(self.in_folder.isChecked())
        self.revalidate()

    @Slot(bool)
    def _folder_toggled(self, on: bool) -> None:
        self.folder.setEnabled(on)
        self.browse.setEnabled(on)

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Facility photo folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def chosen(self) -> str:
        return self.folder.text().strip() if self.in_folder.isChecked() else ""

    def problem(self) -> str:
        if not Role(self.desk.operator.role).at_least(Role.CURATOR):
            return self.tr("only a curator or an admin may change the photo folder")
        if self.in_folder.isChecked() and not self.chosen():
            return self.tr("name the folder")
        if self.chosen() == self.current.value:
            return self.tr("no change yet: this is where new images go now")
        return ""

    def write(self) -> Write:
        db, operator, folder, note = self.desk.db, self.desk.operator.name, self.chosen(), self.note.text()
        done = self.tr("new images now go into {folder}").format(folder=folder) if folder else \
            self.tr("new images now go into the database")
        return Write(lambda: set_photo_folder(db, operator, folder, note), lambda _event: done)
