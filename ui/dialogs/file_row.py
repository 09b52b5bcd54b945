"""The file dialogs' shared part: a path field with a Browse… button (their long work runs in
ui.worker.ProgressTask)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


def file_row(parent: QWidget, placeholder: str, browse: Callable[[], None]) -> tuple[QLineEdit, QHBoxLayout]:
    """A path field with a Browse… button beside it, for the export and import dialogs."""
    path = QLineEdit(parent)
    path.setPlaceholderText(placeholder)
    button = QPushButton(QCoreApplication.translate("FileRow", "Browse…"), parent)
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(path)
    row.addWidget(button)
    return path, row
