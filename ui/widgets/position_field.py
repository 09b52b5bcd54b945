"""A position field for a container about to be placed: it shows a path (the next free one offered, or
what the operator chose), takes a typed path or a scanned position label (Enter fills in its path), and
asks the domain whether the container may stand there (curator/material_places.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from curator.errors import CuratorError
from curator.material_places import position_for_new_material
from ui.desk import Desk
from ui.refusals import refusal_text

#: The field's width: the whole path offered shows, up to the widest a 1280x720 screen allows (a longer
#: path shows its end, the shelf and position; the whole is in the tooltip).
POSITION_WIDTH, POSITION_MAX_WIDTH = 260, 600


class EnterTakes(QObject):
    """An event filter: Enter (a scanner's end of code) in ``edit`` calls ``action`` and goes no further."""

    def __init__(self, edit: QWidget, action: Callable[[], None]) -> None:
        super().__init__(edit)
        self.action = action
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.action()
            return True
        return False


class PositionField(QLineEdit):
    """``path()`` is the position the container (``barcode``) goes to, or raises ValueError saying why not."""

    #: Enter took a position: the next field may take the focus.
    placed = Signal()

    def __init__(self, desk: Desk, offered: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk = desk
        #: The container to stand there (a taken position is fine when it is this container's own).
        self.barcode = ""
        #: Whether the operator chose the position (else the dialog may offer another).
        self.chosen = False
        self._answers: dict[tuple[str, str], str] = {}
        self.setPlaceholderText(self.tr("scan or type a position"))
        self.setMinimumWidth(POSITION_WIDTH)
        self.offer(offered)
        self.textEdited.connect(self._edited)
        EnterTakes(self, self._take)

    def offer(self, path: str) -> None:
        """Show ``path`` (not chosen by the operator), the field widened to show it whole if it can."""
        wanted = min(POSITION_MAX_WIDTH, self.fontMetrics().horizontalAdvance(path) + 24)
        if wanted > self.minimumWidth():
            self.setMinimumWidth(wanted)
        self.setText(path)
        self.setToolTip(path)
        self.setCursorPosition(len(path))  # the end (shelf and position) in sight

    def forget(self) -> None:
        """Another desk changed things: ask the domain again."""
        self._answers.clear()

    def path(self) -> str:
        code = self.text().strip()
        key = (code, self.barcode)
        if key not in self._answers:
            try:
                self._answers[key] = position_for_new_material(self.desk.db, code, self.barcode or None)
            except CuratorError as exc:
                raise ValueError(refusal_text(exc)) from None
        return self._answers[key]

    def _edited(self) -> None:
        self.chosen = True

    def _take(self) -> None:
        """Enter: a scanned label (or a shelf's path) becomes the position's path."""
        try:
            path = self.path()
        except ValueError:
            self.selectAll()  # the dialog says why; the next scan replaces it
            return
        self.chosen = True
        self.offer(path)
        self.placed.emit()
