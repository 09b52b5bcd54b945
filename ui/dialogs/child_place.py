"""A split child's place in the split dialog: the container it goes into (scanned or typed: an empty
container in use, or a new vial for a barcode not in use yet) and the position that container stands in
(the next free one near the parent offered, editable; a scanned position barcode fills in its path).
The domain answers every question (curator/material_places.py); the split records it all at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from curator.errors import CuratorError
from curator.material_places import ContainerChoice, container_for_new_material, position_for_new_material
from ui.desk import Desk
from ui.refusals import refusal_text

#: The position field's width: the whole path offered shows, up to the widest a 1280x720 screen allows
#: (a longer path shows its end, the shelf and position; the whole is in the tooltip).
POSITION_WIDTH, POSITION_MAX_WIDTH = 260, 600
#: As wide as the container field is at least: a barcode of this length shows whole.
BARCODE_SAMPLE = "LSL-0000000"


class EnterTakes(QObject):
    """An event filter: Enter (a scanner's end of code) in ``edit`` calls ``action`` and goes no further."""

    def __init__(self, edit: QLineEdit, action: Callable[[], None]) -> None:
        super().__init__(edit)
        self.action = action
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.action()
            return True
        return False


class ChildPlace(QObject):
    """The container and position fields of one child row; ``problem()`` says what is missing or wrong."""

    changed = Signal()
    #: Enter in the position field: the scan is taken, the next field may take the focus.
    placed = Signal()

    def __init__(self, desk: Desk, offered: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk = desk
        self.offered = offered
        self.container = QLineEdit(parent)
        self.container.setPlaceholderText(self.tr("scan or type a barcode"))
        self.container.setMinimumWidth(self.container.fontMetrics().horizontalAdvance(BARCODE_SAMPLE) + 24)
        self.position = QLineEdit(parent)
        wanted = self.position.fontMetrics().horizontalAdvance(offered) + 24
        self.position.setMinimumWidth(max(POSITION_WIDTH, min(POSITION_MAX_WIDTH, wanted)))
        self.position.setPlaceholderText(self.tr("scan or type a position"))
        self._show_position(offered)
        #: Whether the operator chose the position (else it follows the container: offered, or where it stands).
        self.chosen = False
        self._containers: dict[str, ContainerChoice | str] = {}
        self._positions: dict[tuple[str, str], str] = {}
        self.container.textChanged.connect(self._container_changed)
        self.position.textEdited.connect(self._position_edited)
        self.position.textChanged.connect(lambda _text: self.changed.emit())
        EnterTakes(self.container, self._take_container)
        EnterTakes(self.position, self._take_position)

    def widgets(self) -> list[QWidget]:
        return [self.container, self.position]

    def forget(self) -> None:
        """Another desk changed things: ask the domain again."""
        self._containers.clear()
        self._positions.clear()
        self.changed.emit()

    def choice(self) -> ContainerChoice | str:
        """What the container field gives (a refusal in words when it gives nothing usable)."""
        code = self.container.text().strip()
        if code not in self._containers:
            try:
                self._containers[code] = container_for_new_material(self.desk.db, code)
            except CuratorError as exc:
                self._containers[code] = refusal_text(exc)
        return self._containers[code]

    def position_path(self) -> str:
        """The path of the position the container goes to; a refusal in words raised as ValueError."""
        code = self.position.text().strip()
        choice = self.choice() if self.container.text().strip() else None
        barcode = choice.barcode if isinstance(choice, ContainerChoice) else ""
        key = (code, barcode)
        if key not in self._positions:
            try:
                self._positions[key] = position_for_new_material(self.desk.db, code, barcode or None)
            except CuratorError as exc:
                raise ValueError(refusal_text(exc)) from None
        return self._positions[key]

    def problem(self) -> str:
        if not self.container.text().strip():
            return self.tr("scan or type its container's barcode")
        choice = self.choice()
        if isinstance(choice, str):
            return choice
        if not self.position.text().strip():
            return self.tr("no free position offered: say where {barcode} goes").format(barcode=choice.barcode)
        try:
            self.position_path()
        except ValueError as refusal:
            return str(refusal)
        return ""

    def _container_changed(self) -> None:
        """An existing container placed somewhere stays there unless the operator chose a position."""
        choice = self.choice() if self.container.text().strip() else None
        if not self.chosen:
            placed = isinstance(choice, ContainerChoice) and choice.position
            self._show_position(choice.position if placed and isinstance(choice, ContainerChoice) else self.offered)
        self.changed.emit()

    def _position_edited(self) -> None:
        self.chosen = True

    def _take_container(self) -> None:
        """Enter after a container's barcode: on to its position, selected so a scan replaces it."""
        self.position.setFocus(Qt.FocusReason.OtherFocusReason)
        self.position.selectAll()

    def _take_position(self) -> None:
        """Enter after a position: a scanned barcode (or a shelf's path) becomes the position's path."""
        try:
            path = self.position_path()
        except ValueError:
            self.position.selectAll()  # the dialog says why; the next scan replaces it
            return
        self.chosen = True
        self._show_position(path)
        self.placed.emit()

    def _show_position(self, path: str) -> None:
        self.position.setText(path)
        self.position.setToolTip(path)
        self.position.setCursorPosition(len(path))  # the end (shelf and position) in sight
