"""Helpers shared by the views: a row of action buttons, and opening a recording dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget


def button_row(parent: QWidget, specs: Iterable[tuple[str, str, Callable[[], object]]]
               ) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """A horizontal layout of push buttons from (key, text, slot); the buttons by key."""
    layout = QHBoxLayout()
    buttons: dict[str, QPushButton] = {}
    for key, text, slot in specs:
        button = QPushButton(text, parent)
        button.setObjectName(f"{key}Button")
        button.clicked.connect(slot)
        buttons[key] = button
        layout.addWidget(button)
    layout.addStretch(1)
    return layout, buttons


def open_dialog(dialog: QDialog) -> QDialog:
    """Show a recording dialog window-modally without blocking (so tests can drive it directly)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
