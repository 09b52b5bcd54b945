"""Helpers shared by the views: a row of action buttons, and opening a recording dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from curator.changes import EVERYTHING, Changes


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


class RefreshWhenShown:
    """Mixin for a view (before QWidget in the bases): after a recorded change that it shows (``shows``)
    it reloads at once if it is shown, else the next time it is shown, so one event does not reload
    every view."""

    _stale = False

    def refresh(self) -> None:
        raise NotImplementedError

    def shows(self, changes: Changes) -> bool:
        """Whether the view shows any of ``changes`` (views that can tell override this)."""
        return True

    def refresh_soon(self, changes: Changes = EVERYTHING) -> None:
        if not self.shows(changes):
            return
        if self.isVisible():  # type: ignore[attr-defined]  # the QWidget this mixin comes before
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)  # type: ignore[misc]  # QWidget.showEvent, next in the subclass's MRO
        if self._stale:
            self._stale = False
            self.refresh()
