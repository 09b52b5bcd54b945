"""A split child's place in the split dialog: the container it goes into (scanned or typed: an empty
container in use, or a new vial for a barcode not in use yet) and the position that container stands in
(the next free one near the parent offered, editable; a scanned position barcode fills in its path).
The domain answers every question (curator/material_places.py); the split records it all at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from curator.errors import CuratorError
from curator.material_places import ContainerChoice, container_for_new_material
from ui.desk import Desk
from ui.refusals import refusal_text
from ui.widgets.position_field import EnterTakes, PositionField

#: As wide as the container field is at least: a barcode of this length shows whole.
BARCODE_SAMPLE = "LSL-0000000"


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
        self.position = PositionField(desk, offered, parent)
        self._containers: dict[str, ContainerChoice | str] = {}
        self.container.textChanged.connect(self._container_changed)
        self.position.textChanged.connect(lambda _text: self.changed.emit())
        self.position.placed.connect(self.placed)
        EnterTakes(self.container, self._take_container)

    def widgets(self) -> list[QWidget]:
        return [self.container, self.position]

    def forget(self) -> None:
        """Another desk changed things: ask the domain again."""
        self._containers.clear()
        self.position.forget()
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
        return self.position.path()

    def problem(self) -> str:
        if not self.container.text().strip():
            return self.tr("scan or type its container's barcode")
        choice = self.choice()
        if isinstance(choice, str):
            return choice
        if not self.position.text().strip():
            return self.tr("no free position offered: say where {barcode} goes").format(barcode=choice.barcode)
        try:
            self.position.path()
        except ValueError as refusal:
            return str(refusal)
        return ""

    def _container_changed(self) -> None:
        """An existing container placed somewhere stays there unless the operator chose a position."""
        choice = self.choice() if self.container.text().strip() else None
        self.position.barcode = choice.barcode if isinstance(choice, ContainerChoice) else ""
        if not self.position.chosen:
            placed = choice.position if isinstance(choice, ContainerChoice) else ""
            self.position.offer(placed or self.offered)
        self.changed.emit()

    def _take_container(self) -> None:
        """Enter after a container's barcode: on to its position, selected so a scan replaces it."""
        self.position.setFocus(Qt.FocusReason.OtherFocusReason)
        self.position.selectAll()
