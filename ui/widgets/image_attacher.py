"""Attach images… and the names of the images attached, for photographed and inspected events (on a sample,
a container or a location): JPEG, PNG or TIFF files, read at once (curator/photos.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from curator.errors import ValidationError
from curator.photos import Image, read_image
from ui.refusals import refusal_text


class ImageAttacher(QWidget):
    """``images`` holds the files read; ``changed`` carries what was refused ("" when every file was an
    image), one refusal per file left out."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[Image] = []
        self.attach = QPushButton(self.tr("Attach &images…"), self)
        self.attach.clicked.connect(self.choose_images)
        self.attached = QLabel(self.tr("no images"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attach)
        row.addWidget(self.attached, 1)

    @Slot()
    def choose_images(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach images"), "",
                                                      self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff)"))
        self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> None:
        """Read the chosen files; one that is no JPEG, PNG or TIFF is named and left out."""
        images, refused = [], []
        for path in paths:
            try:
                images.append(read_image(path))
            except ValidationError as exc:
                refused.append(refusal_text(exc))
        self.images = images
        self.attached.setText(", ".join(image.name for image in images) or self.tr("no images"))
        self.changed.emit("; ".join(refused))
