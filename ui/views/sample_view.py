"""The sample detail view: properties, genealogy tree, full history (container events included), a
small mass-over-time plot, and buttons for the next actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.changes import Changes
from curator.history import genealogy, mass_over_time, sample_detail, sample_history
from curator.mass import format_mass
from curator.permissions import SampleAction, role_allows, sample_actions
from curator.rows import GenealogyNode, SampleDetail
from curator.vocabulary import SampleStatus
from ui.desk import Desk
from ui.dialogs.sample_dialogs import CorrectionDialog, MoveDialog, ObservationDialog, WeighDialog
from ui.dialogs.split_dialog import SplitDialog
from ui.models.history_model import COL_DETAILS, HistoryTableModel, photos_of
from ui.photo_viewer import PhotoViewer, Thumbnails
from ui.text import label, local_time
from ui.widgets.actions import RefreshWhenShown, button_row, open_dialog

if TYPE_CHECKING:
    from ui.charts.mass_plot import MassPlot

#: The domain's actions behind each button (one button records an inspection, a note or a photo).
BUTTON_ACTIONS = {"weigh": {SampleAction.WEIGH}, "split": {SampleAction.SPLIT}, "move": {SampleAction.MOVE},
                  "open": {SampleAction.OPEN}, "seal": {SampleAction.SEAL},
                  "inspect": {SampleAction.INSPECT, SampleAction.NOTE, SampleAction.PHOTOGRAPH},
                  "correct": {SampleAction.CORRECT}}


class SampleView(RefreshWhenShown, QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.number: str | None = None
        self.detail: SampleDetail | None = None  # what the action buttons were last enabled for
        self.dialog: QDialog | None = None
        self.lineage: set[str] = set()  # the numbers the genealogy tree shows
        self.title = QLabel(self.tr("Scan a sample or double-click one in the containers view."), self)
        self.title.setObjectName("sampleTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.fields: dict[str, QLabel] = {}
        self.properties = QGroupBox(self.tr("Properties"), self)
        form = QFormLayout(self.properties)
        for key, text in (("mission", self.tr("Mission:")), ("kind", self.tr("Kind:")), ("mass", self.tr("Mass:")),
                          ("status", self.tr("Status:")), ("parent", self.tr("Parent:")),
                          ("container", self.tr("Container:")), ("location", self.tr("Location:")),
                          ("loan", self.tr("Allocation:")), ("created", self.tr("Registered:"))):
            self.fields[key] = QLabel(self.properties)
            self.fields[key].setWordWrap(True)
            self.fields[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, self.fields[key])
        self.fields["location"].setProperty("verbatim", True)  # the places' registered names, never translated
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("genealogyTree")
        self.tree.setHeaderLabels([self.tr("Genealogy"), self.tr("Mass"), self.tr("Status"),
                                   self.tr("Where / borrower")])
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.desk.open_sample(item.text(0)))
        self.history_model = HistoryTableModel(Thumbnails(desk.db))
        self.history = QTableView(self)
        self.history.setObjectName("historyTable")
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setResizeContentsPrecision(100)  # size columns from 100 rows, not all
        self.history.setWordWrap(False)
        self.history.setTabKeyNavigation(False)  # Tab leaves the table
        self.history.doubleClicked.connect(self.show_photos)
        self.plot: MassPlot | None = None  # made when first shown: matplotlib loads slowly
        self.plot_box = QGroupBox(self.tr("Mass over time"), self)
        self.plot_layout = QVBoxLayout(self.plot_box)
        self._layout()
        desk.changed.connect(self.refresh_soon)  # when it names this sample, its lineage, container or loan
        desk.operator_changed.connect(lambda _operator: self._enable_buttons(self.detail))
        self._enable_buttons()

    def _layout(self) -> None:
        actions, self.buttons = button_row(self, (
                ("weigh", self.tr("&Weigh…"), self.weigh), ("split", self.tr("S&plit…"), self.split),
                ("move", self.tr("&Move…"), self.move_sample),
                ("open", self.tr("&Open…"), lambda: self.observe("opened")),
                ("seal", self.tr("Sea&l…"), lambda: self.observe("sealed")),
                ("inspect", self.tr("&Inspect / note / photo…"), lambda: self.observe("inspected")),
                ("correct", self.tr("Corr&ection…"), self.correct)))
        top = QSplitter(self)
        top.addWidget(self.properties)
        top.addWidget(self.tree)
        top.addWidget(self.plot_box)
        top.setSizes([380, 620, 360])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.history)
        self.splitter.setSizes([340, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)

    @Slot(QModelIndex)
    def show_photos(self, index: QModelIndex) -> None:
        """A double-clicked event with images attached opens them in the viewer."""
        row = self.history_model.rows[index.row()] if index.isValid() else None
        if row is None or not photos_of(row):
            return
        self.photo_viewer = PhotoViewer(self.desk.db, photos_of(row), self.tr("Event {id}: {kind}").format(
            id=row.event_id, kind=label(row.kind)), self)
        self.photo_viewer.show()

    def show_sample(self, number: str) -> None:
        self.number = number
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.number is None:
            return
        detail = sample_detail(self.desk.db, self.number)
        self.title.setText(self.tr("Sample {number}").format(number=detail.number))
        self._fill_properties(detail)
        self._fill_tree(genealogy(self.desk.db, detail.number))
        self.history_model.set_rows(sample_history(self.desk.db, detail.number))
        self.history.resizeColumnsToContents()
        self.history.setColumnWidth(COL_DETAILS, max(self.history.columnWidth(COL_DETAILS), 300))
        self.history.scrollToBottom()
        self._plot(detail.number)
        self._enable_buttons(detail)

    def _fill_properties(self, detail: SampleDetail) -> None:
        container = detail.barcode and self.tr("{barcode} ({kind}, {state})").format(
            barcode=detail.barcode, kind=label(detail.container_kind),
            state=self.tr("sealed") if detail.container_sealed else self.tr("open"))
        loan = detail.allocation and self.tr("{reference} — {borrower}").format(
            reference=detail.allocation, borrower=detail.borrower)
        condition = label(detail.condition) if detail.condition_event is None else self.tr(
            "{condition} since event {event}").format(condition=label(detail.condition), event=detail.condition_event)
        status = self.tr("{status} · {condition}").format(status=label(detail.status), condition=condition)
        values = {"mission": detail.mission, "kind": " ".join(filter(None, (label(detail.kind), detail.sampling and
                                                                             f"({label(detail.sampling)})"))),
                  "mass": format_mass(detail.mass_ug), "status": status, "parent": detail.parent or "—",
                  "container": container or "—", "location": _near_end(detail.location) or "—",
                  "loan": loan or "—", "created": local_time(detail.created_at)}
        for key, value in values.items():
            self.fields[key].setText(value)
        self.fields["location"].setToolTip(detail.location)  # the whole path; the field shows where in the room

    def shows(self, changes: Changes) -> bool:
        detail = self.detail
        return detail is not None and changes.touches(self.lineage | {detail.number}, [detail.barcode],
                                                      [detail.allocation])

    def _fill_tree(self, root: GenealogyNode) -> None:
        self.tree.clear()
        self.lineage = set()
        self.tree.addTopLevelItem(self._tree_item(root))
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def _where(self, node: GenealogyNode) -> str:
        """Who holds a split, or where it stands (the last three parts of its location)."""
        if node.borrower:
            text = (self.tr("on loan to {borrower}") if node.status == SampleStatus.ON_LOAN
                    else self.tr("set aside for {borrower}"))
            return text.format(borrower=node.borrower)
        if node.status == SampleStatus.CONSUMED:
            return "—"
        return _near_end(node.location)

    def _tree_item(self, node: GenealogyNode) -> QTreeWidgetItem:
        status = self.tr("{status} · {condition}").format(status=label(node.status), condition=label(node.condition)) \
            if node.condition else label(node.status)
        item = QTreeWidgetItem([node.number, format_mass(node.mass_ug), status, self._where(node)])
        self.lineage.add(node.number)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(3, node.location)
        if node.number == self.number:
            font = QFont()
            font.setBold(True)
            for column in range(4):
                item.setFont(column, font)
        for child in node.children:
            item.addChild(self._tree_item(child))
        if node.number == self.number:
            self.current_item = item
        return item

    def _plot(self, number: str) -> None:
        if self.plot is None:
            from ui.charts.mass_plot import MassPlot

            self.plot = MassPlot(self.plot_box)
            self.plot_layout.addWidget(self.plot)
        self.plot.show_points(mass_over_time(self.desk.db, number))

    def _enable_buttons(self, detail: SampleDetail | None = None) -> None:
        """Enable the actions the domain allows for the sample's status and the signed-in operator's role
        (again after Switch operator)."""
        self.detail = detail
        role = self.desk.operator.role if self.desk.signed_in else None
        allowed = sample_actions(detail.status, role) if detail is not None else frozenset()
        for key, button in self.buttons.items():
            button.setEnabled(not allowed.isdisjoint(BUTTON_ACTIONS[key]))
        curator = role_allows(role, SampleAction.CORRECT)
        self.buttons["correct"].setToolTip("" if curator else self.tr("Corrections are for curators"))

    def _open(self, dialog: QDialog) -> QDialog:
        """Open a recording dialog window-modally (never blocks; tests drive it directly)."""
        self.dialog = open_dialog(dialog)
        return dialog

    @Slot()
    def weigh(self) -> QDialog | None:
        return self._open(WeighDialog(self.desk, self.number, self)) if self.number else None

    @Slot()
    def split(self) -> QDialog | None:
        return self._open(SplitDialog(self.desk, self.number, self)) if self.number else None

    @Slot()
    def move_sample(self) -> QDialog | None:
        return self._open(MoveDialog(self.desk, self.number, self)) if self.number else None

    def observe(self, kind: str) -> QDialog | None:
        return self._open(ObservationDialog(self.desk, self.number, kind, self)) if self.number else None

    @Slot()
    def correct(self) -> QDialog | None:
        return self._open(CorrectionDialog(self.desk, self.number, self)) if self.number else None

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("sample/splitter", self.splitter.saveState())
        settings.setValue("sample/last", self.number or "")

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("sample/splitter")
        if state is not None:
            self.splitter.restoreState(state)


def _near_end(path: str) -> str:
    """The last three parts of a location's path (cabinet / shelf / position): what finds the sample."""
    return " / ".join(path.split(" / ")[-3:])
