"""Images attached to events at the desk: small thumbnails for the history table and a viewer that shows
an event's images at full size (each checked against the SHA-256 its event recorded)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from curator.errors import CuratorError
from curator.photos import photo_bytes
from curator.storage.db import Database

THUMBNAIL_PX = 28


def _pixmap(db: Database, sha256: str) -> QPixmap | None:
    try:
        data = photo_bytes(db, sha256)
    except CuratorError:
        return None
    pixmap = QPixmap()
    return pixmap if pixmap.loadFromData(data) else None


class Thumbnails:
    """The first image of an event, small, loaded once per image (the history asks for it on every paint)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.cache: dict[str, QPixmap | None] = {}

    def __call__(self, photos: Sequence[dict[str, Any]]) -> QPixmap | None:
        if not photos:
            return None
        sha256 = str(photos[0].get("sha256", ""))
        if sha256 not in self.cache:
            full = _pixmap(self.db, sha256)
            self.cache[sha256] = full.scaled(THUMBNAIL_PX, THUMBNAIL_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation) if full else None
        return self.cache[sha256]


class PhotoViewer(QDialog):
    """An event's images, one tab each; an image that is missing or altered says so instead."""

    def __init__(self, db: Database, photos: Sequence[dict[str, Any]], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.tabs = QTabWidget(self)
        for photo in photos:
            shown = QLabel(self)
            shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pixmap = _pixmap(db, str(photo.get("sha256", "")))
            if pixmap is None:
                shown.setText(self.tr("This image is missing or was altered (run Tools > Verify integrity)."))
            else:
                shown.setPixmap(pixmap.scaled(900, 650, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            scroll = QScrollArea(self)
            scroll.setWidget(shown)
            scroll.setWidgetResizable(True)
            scroll.setToolTip(f"SHA-256 {photo.get('sha256', '')}")
            self.tabs.addTab(scroll, str(photo.get("name", "")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(960, 760)
