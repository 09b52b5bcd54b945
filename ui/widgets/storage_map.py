"""The storage map: a shelf's or rack's grid of positions, each cell the container and sample in it (or
free), clickable; a cabinet or room shows the locations inside it with their occupancy. A right click on
a cell, or beside the cells, offers Print labels… for that position or location."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from curator.rows import LocationEntry, MapCell, StorageMap
from ui.text import label, mass

FREE_STYLE = "QPushButton { background: #f3f7f1; color: #5b6b57; border: 1px dashed #9fb59a; }"
TAKEN_STYLE = "QPushButton { background: #e8eef8; border: 1px solid #7d93b8; text-align: left; padding: 3px; }"
MARKED_STYLE = "QPushButton { border: 3px solid #e65100; }"
HOLDER_STYLE = "QPushButton { background: #f5f1e8; border: 1px solid #b8a67d; padding: 4px; }"


class StorageMapWidget(QWidget):
    """Shows a StorageMap; ``sample_chosen`` carries a clicked cell's sample number, ``location_chosen``
    the path of a clicked free position or of a location inside a cabinet, ``labels_requested`` the path
    whose labels Print labels… (right click) asks for."""

    sample_chosen = Signal(str)
    location_chosen = Signal(str)
    labels_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storageMap")
        self.title = QLabel(self)
        self.title.setObjectName("storageMapTitle")
        self.title.setWordWrap(True)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        self.cells: list[QPushButton] = []
        self.rows = 0
        self.shown: StorageMap | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda at: self.offer_labels(self.shown.path if self.shown else "", self.mapToGlobal(at)))

    def offer_labels(self, path: str, at: QPoint) -> None:
        """The right-click menu of a cell (or of the map): Print labels… for ``path``."""
        if not path:
            return
        menu = QMenu(self)
        menu.setObjectName("mapMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("&Print labels…"), lambda: self.labels_requested.emit(path))
        menu.popup(at)

    def show_map(self, storage: StorageMap | None) -> None:
        """Draw ``storage`` (None, or a map with nothing to draw: hide)."""
        self.shown = storage
        self.body.hide()  # at once: its deletion waits for the event loop
        self.body.deleteLater()
        self.body = QWidget(self)  # a fresh grid: a QGridLayout never forgets how many rows it had
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.layout_.insertWidget(1, self.body)
        self.cells = []
        self.rows = 0
        if storage is None or not (storage.cells or storage.inside):
            self.hide()
            return
        if storage.cells:
            taken = sum(1 for cell in storage.cells if cell.container)
            text = self.tr("{kind} {name}: {taken}/{positions} positions taken").format(
                kind=label(storage.kind), name=storage.path.rsplit(" / ", 1)[-1], taken=taken,
                positions=len(storage.cells))
            for cell in storage.cells:
                self._add(self._cell_button(cell), cell.row or 0, cell.column or 0)
        else:
            text = self.tr("{kind} {name}").format(kind=label(storage.kind), name=storage.path.rsplit(" / ", 1)[-1])
            for index, entry in enumerate(storage.inside):
                self._add(self._holder_button(entry), index // 4, index % 4)
        if storage.next_free:
            text += self.tr("; next free: {name}").format(name=storage.next_free[len(storage.path) + 3:])
        self.title.setText(text)
        self.show()

    def wanted_height(self) -> int:
        """The height that shows every row of cells (the layout may not have run yet)."""
        row = max((button.sizeHint().height() for button in self.cells), default=0)
        return self.title.sizeHint().height() + self.rows * (row + self.grid.spacing()) + 8

    def _add(self, button: QPushButton, row: int, column: int) -> None:
        # Ignored across: the columns share the width evenly (a long number is cut; the tooltip has it all).
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        button.setFont(font)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        button.customContextMenuRequested.connect(
            lambda at: self.offer_labels(str(button.property("path")), button.mapToGlobal(at)))
        self.grid.addWidget(button, row, column)
        self.cells.append(button)
        self.rows = max(self.rows, row + 1)

    def _cell_button(self, cell: MapCell) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"cell-{cell.name}")
        button.setProperty("path", cell.path)
        if not cell.container:
            button.setText(self.tr("{name}\nfree").format(name=cell.name))
            button.setStyleSheet(FREE_STYLE)
            button.setToolTip(cell.path)
            button.clicked.connect(lambda: self.location_chosen.emit(cell.path))
            return button
        lines = [f"{cell.name}  {cell.container}"]
        if not cell.samples:
            lines.append(self.tr("{kind}, empty").format(kind=label(cell.container_kind)))
        shown: tuple[str, ...] = cell.conditions or tuple(status for _n, _m, status in cell.samples)  # else status
        for (number, mass_ug, _status), state in zip(cell.samples[:2], shown[:2], strict=True):
            lines.append(f"{number}\n{mass(mass_ug)}  {label(state)}")
        if len(cell.samples) > 2:
            lines.append(self.tr("and {count} more").format(count=len(cell.samples) - 2))
        button.setText("\n".join(lines))
        button.setStyleSheet(TAKEN_STYLE)
        states = "\n".join(f"{number}: {label(status)}" for number, _mass, status in cell.samples)
        button.setToolTip(f"{cell.path}\n{label(cell.container_kind)} {cell.container}\n{states}".strip())
        if cell.samples:
            first = cell.samples[0][0]
            button.clicked.connect(lambda: self.sample_chosen.emit(first))
        else:
            button.clicked.connect(lambda: self.location_chosen.emit(cell.path))
        return button

    def _holder_button(self, entry: LocationEntry) -> QPushButton:
        text = f"{entry.name}\n{label(entry.kind)}"
        if entry.positions:
            text += "\n" + self.tr("{taken}/{positions} taken").format(taken=entry.taken, positions=entry.positions)
        button = QPushButton(text, self)
        button.setObjectName(f"holder-{entry.name}")
        button.setProperty("path", entry.path)
        button.setStyleSheet(HOLDER_STYLE)
        button.setToolTip(entry.path)
        button.clicked.connect(lambda: self.location_chosen.emit(entry.path))
        return button

    def mark(self, path: str) -> None:
        """Outline the cell of the position ``path`` (a scanned position or container), if it is shown."""
        for button in self.cells:
            if button.property("path") == path:
                button.setStyleSheet(button.styleSheet() + MARKED_STYLE)
                button.setProperty("marked", True)

    @Slot()
    def clear(self) -> None:
        self.show_map(None)
