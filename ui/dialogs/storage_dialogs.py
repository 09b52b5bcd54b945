"""Make and change storage from the storage tree: add a location (with a grid of positions), rename one,
and add containers (one, or a numbered batch) at a position or the next free ones of a holder."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from curator.containers import add_containers
from curator.errors import CuratorError
from curator.locations import add_location, rename_location
from curator.numbering import MAX_BATCH
from curator.occupancy import next_free
from curator.vocabulary import GRID_KINDS, Atmosphere, ContainerKind, GridNaming, LocationKind
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import label

#: What may be added inside a location of each kind, the likeliest first.
_INSIDE = {
    None: [LocationKind.FACILITY],
    LocationKind.FACILITY: [LocationKind.ROOM],
    LocationKind.ROOM: [LocationKind.NITROGEN_CABINET, LocationKind.GLOVE_BOX, LocationKind.CABINET,
                        LocationKind.SAFE, LocationKind.DESICCATOR, LocationKind.SHELF, LocationKind.RACK],
    LocationKind.SHELF: [LocationKind.RACK, LocationKind.POSITION],
    LocationKind.RACK: [LocationKind.POSITION],
}
_CABINET_INSIDE = [LocationKind.SHELF, LocationKind.RACK, LocationKind.POSITION]


def kinds_inside(kind: str | None) -> list[LocationKind]:
    if kind in GRID_KINDS and kind not in _INSIDE:
        return _CABINET_INSIDE
    return _INSIDE.get(LocationKind(kind) if kind else None, [])


class LocationDialog(RecordDialog):
    """A new location inside ``parent`` (a path; None for a facility), with an optional grid."""

    def __init__(self, desk: Desk, parent_path: str | None, parent_kind: str | None,
                 parent: QWidget | None = None) -> None:
        where = parent_path.rsplit(" / ", 1)[-1] if parent_path else self.tr("the top level")
        super().__init__(desk, self.tr("New location in {place}").format(place=where), parent)
        self.parent_path = parent_path
        self.kind = QComboBox(self)
        for kind in kinds_inside(parent_kind):
            self.kind.addItem(label(kind), kind)
        self.name = QLineEdit(self)
        self.rows, self.columns = QSpinBox(self), QSpinBox(self)
        for spin in (self.rows, self.columns):
            spin.setRange(0, 26)
        self.rows.setSpecialValueText(self.tr("no grid"))
        self.naming = QComboBox(self)
        self.naming.addItem(self.tr("A1, A2 … (row letter, column number)"), GridNaming.LETTERS)
        self.naming.addItem(self.tr("P01, P02 … (numbered)"), GridNaming.NUMBERS)
        grid = QHBoxLayout()
        for widget in (self.rows, self.columns, self.naming):
            grid.addWidget(widget)
        self.atmosphere = QComboBox(self)
        self.atmosphere.addItem(self.tr("as its parent"), "")
        for atmosphere in Atmosphere:
            if atmosphere:
                self.atmosphere.addItem(label(atmosphere), atmosphere)
        self.barcode = QLineEdit(self)
        self.barcode.setPlaceholderText(self.tr("leave empty for the next LOC- number"))
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Grid (rows × columns):"), grid)
        self.form.addRow(self.tr("Atmosphere:"), self.atmosphere)
        self.form.addRow(self.tr("Barcode:"), self.barcode)
        for signal in (self.kind.currentIndexChanged, self.name.textChanged, self.rows.valueChanged,
                       self.columns.valueChanged):
            signal.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        if self.kind.count() == 0:
            return self.tr("nothing can be added inside a position")
        if not self.name.text().strip():
            return self.tr("give the location a name")
        if bool(self.rows.value()) != bool(self.columns.value()):
            return self.tr("a grid needs both rows and columns")
        if self.rows.value() and self.kind.currentData() not in GRID_KINDS:
            return self.tr("a {kind} holds no grid of positions").format(kind=self.kind.currentText())
        return ""

    def write(self) -> Write:
        db, operator, parent_path = self.desk.db, self.desk.operator.name, self.parent_path
        kind, name, atmosphere = str(self.kind.currentData()), self.name.text(), str(self.atmosphere.currentData())
        grid = f"{self.rows.value()}x{self.columns.value()}" if self.rows.value() else None
        naming, barcode = str(self.naming.currentData()), self.barcode.text().strip() or None
        return Write(lambda: add_location(db, operator, parent_path, kind, name, atmosphere, grid=grid,
                                          naming=naming, barcode=barcode),
                     lambda path: self.tr("added {path}").format(path=path))


class RenameLocationDialog(RecordDialog):
    def __init__(self, desk: Desk, path: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Rename {place}").format(place=path.rsplit(" / ", 1)[-1]), parent)
        self.path, self.new_path = path, ""
        self.name = QLineEdit(path.rsplit(" / ", 1)[-1], self)
        self.name.selectAll()
        self.form.addRow(self.tr("Location:"), self.read_only_field(path))
        self.form.addRow(self.tr("New name:"), self.name)
        self.name.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return self.tr("give the new name")
        return self.tr("nothing changed") if name == self.path.rsplit(" / ", 1)[-1] else ""

    def write(self) -> Write:
        db, operator, path, name = self.desk.db, self.desk.operator.name, self.path, self.name.text()
        return Write(lambda: rename_location(db, operator, path, name), self._renamed)

    def _renamed(self, path: str) -> str:
        self.new_path = path
        return self.tr("renamed to {path}").format(path=path)


class ContainersDialog(RecordDialog):
    """New containers: one with the barcode typed or scanned, or a numbered batch, put at ``place`` (a
    position, or the next free positions of a shelf, rack or cabinet)."""

    def __init__(self, desk: Desk, place: str | None, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("New containers"), parent)
        self.barcode = QLineEdit(self)
        self.barcode.setPlaceholderText(self.tr("scan or type; empty for a numbered batch"))
        self.kind = QComboBox(self)
        for kind in ContainerKind:
            self.kind.addItem(label(kind), kind)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_BATCH)
        self.prefix = QLineEdit("LSL-", self)
        self.place = QLineEdit(place or "", self)
        self.place.setPlaceholderText(self.tr("a position, or a shelf, rack or cabinet (its next free ones)"))
        self.free = self.read_only_field()
        self.form.addRow(self.tr("Barcode:"), self.barcode)
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("How many (batch):"), self.count)
        self.form.addRow(self.tr("Barcode prefix (batch):"), self.prefix)
        self.form.addRow(self.tr("Place:"), self.place)
        self.form.addRow(self.tr("Next free position:"), self.free)
        for signal in (self.barcode.textChanged, self.count.valueChanged, self.prefix.textChanged):
            signal.connect(self.revalidate)
        self.place.editingFinished.connect(self._show_next_free)
        self._show_next_free()
        self.revalidate()

    def _show_next_free(self) -> None:
        place = self.place.text().strip()
        try:
            found = next_free(self.desk.db, place) if place else None
        except CuratorError:  # an unknown place: the service says so on OK
            found = None
        self.free.setText(found or (self.tr("none") if place else ""))

    def problem(self) -> str:
        batch = not self.barcode.text().strip()
        self.count.setEnabled(batch)
        self.prefix.setEnabled(batch)
        if batch and not self.prefix.text().strip():
            return self.tr("scan a barcode, or give a prefix for a numbered batch")
        return ""

    def write(self) -> Write:
        db, operator, kind = self.desk.db, self.desk.operator.name, str(self.kind.currentData())
        barcode, count, prefix = self.barcode.text().strip(), self.count.value(), self.prefix.text().strip()
        place = self.place.text().strip() or None
        return Write(lambda: add_containers(db, operator, kind, [barcode] if barcode else None, count=count,
                                            prefix=prefix, place=place),
                     lambda made: self.tr("added {first}…{last}").format(first=made[0].barcode, last=made[-1].barcode)
                     if len(made) > 1 else self.tr("added {barcode}").format(barcode=made[0].barcode))
