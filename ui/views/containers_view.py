"""The containers view: the storage tree beside a paged table of the samples below the chosen node,
with a filter typed over every column (done in SQL)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from curator.browse import location_children
from curator.changes import Changes
from curator.errors import CuratorError
from curator.occupancy import storage_map
from curator.rows import LocationNode
from curator.vocabulary import CABINET_KINDS, LocationKind
from ui.desk import Desk
from ui.models.samples_model import COL_CONDITION, COL_LOCATION, COL_NUMBER, COL_STATUS, SamplesTableModel
from ui.text import label
from ui.views.storage_actions import StorageActions
from ui.widgets.actions import RefreshWhenShown
from ui.widgets.storage_map import StorageMapWidget

PATH_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3


class ContainersView(RefreshWhenShown, QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("storageTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.model = SamplesTableModel(desk.db)
        self.table = QTableView(self)
        self.table.setObjectName("samplesTable")
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it, and the model already holds this order.
        self.table.horizontalHeader().setSortIndicator(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (for the filter)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("filterEdit")
        self.filter.setPlaceholderText(self.tr("Filter: type any part of a number, barcode, place, kind, status…"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.map = StorageMapWidget(self)
        self.map.hide()
        self.map_area = QScrollArea(self)
        self.map_area.setWidget(self.map)
        self.map_area.setWidgetResizable(True)
        self.map_area.hide()
        self.storage_actions = StorageActions(desk, self, self.chosen_node, self.show_place)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(lambda at: self.storage_actions.menu(self.tree.mapToGlobal(at)))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._layout()
        self.filter.textChanged.connect(self._filter_timer.start)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.tree.selectionModel().currentChanged.connect(self._node_chosen)
        self.tree.expanded.connect(self._expanded)
        self.table.doubleClicked.connect(self._open_row)
        self.table.activated.connect(self._open_row)
        self.map.sample_chosen.connect(self.desk.open_sample)
        self.map.location_chosen.connect(self.select_location)
        self.map.labels_requested.connect(self.storage_actions.print_labels_of)
        self.model.counted.connect(self._show_count)
        desk.changed.connect(self.refresh_soon)  # when it names a row shown or a place below the chosen node
        self.load_tree()
        self._show_count(self.model.total)

    def _layout(self) -> None:
        right = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table)
        self.right = QWidget(self)
        stack = QVBoxLayout(self.right)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.map_area)
        stack.addWidget(right, 1)
        left = QWidget(self)
        tree_column = QVBoxLayout(left)
        tree_column.setContentsMargins(0, 0, 0, 0)
        tree_column.addWidget(self.tree)
        actions = self.storage_actions
        for row in ((actions.add_location, actions.add_containers), (actions.rename, actions.retire,
                                                                     actions.print_labels)):
            buttons = QHBoxLayout()  # two rows, so the tree keeps a narrow column
            for action in row:
                button = QToolButton(left)
                button.setDefaultAction(action)
                buttons.addWidget(button)
            buttons.addStretch(1)
            tree_column.addLayout(buttons)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([270, 1100])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.tree, self.filter)
        QWidget.setTabOrder(self.filter, self.table)

    def load_tree(self) -> None:
        """The storage tree's top levels; deeper nodes are read and made when a node is expanded
        (a facility has thousands of positions, and building them all would slow the desk's start)."""
        self.tree_model.clear()
        everything = QStandardItem(self.tr("All storage"))
        everything.setData(None, PATH_ROLE)
        everything.setEditable(False)
        self.tree_model.appendRow(everything)
        self._add_children(everything, None)
        self.tree.expand(everything.index())
        for row in range(everything.rowCount()):
            self.tree.expand(everything.child(row).index())

    def _item(self, node: LocationNode) -> QStandardItem:
        text = f"{node.name}  [{label(node.atmosphere)}]" if node.atmosphere and node.kind in CABINET_KINDS \
            else node.name
        if node.positions and node.kind != LocationKind.POSITION:
            text += f"  {node.taken}/{node.positions}"
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(node.path, PATH_ROLE)
        item.setData(node.kind, KIND_ROLE)
        item.setToolTip(f"{label(node.kind)}: {node.path}")
        if node.has_children:
            item.appendRow(QStandardItem())  # a placeholder, so the node shows it can be expanded
        return item

    def _add_children(self, item: QStandardItem, path: str | None) -> None:
        for child in location_children(self.desk.db, path):
            item.appendRow(self._item(child))

    def _populate(self, item: QStandardItem) -> None:
        """Replace a node's placeholder by its real children, read from the database (once)."""
        path = item.data(PATH_ROLE)
        if path and item.rowCount() == 1 and item.child(0).data(PATH_ROLE) is None:
            item.removeRow(0)
            self._add_children(item, path)

    @Slot(QModelIndex)
    def _expanded(self, index: QModelIndex) -> None:
        self._populate(self.tree_model.itemFromIndex(index))

    @Slot(QModelIndex)
    def _node_chosen(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE) if index.isValid() else None
        self.model.set_location(path)
        self._show_map(path)
        self.storage_actions.update()

    def _show_map(self, path: str | None) -> None:
        """The chosen node's storage map: a grid of positions, or the locations inside it."""
        try:
            shown = storage_map(self.desk.db, path) if path else None
        except CuratorError:  # the node went away meanwhile
            shown = None
        self.map.show_map(shown)
        self.map_area.setVisible(self.map.isVisibleTo(self.map_area))
        if self.map_area.isVisible():  # the whole map when it fits in three fifths of the height, else scroll
            wanted = self.map.wanted_height() + 2 * self.map_area.frameWidth() + 4
            self.map_area.setFixedHeight(min(wanted, max(240, self.height() * 3 // 5)))

    def chosen_node(self) -> tuple[str | None, str | None]:
        """(path, kind) of the chosen storage node; (None, None) for all storage."""
        index = self.tree.currentIndex()
        return (index.data(PATH_ROLE), index.data(KIND_ROLE)) if index.isValid() else (None, None)

    def location_to_label(self) -> str | None:
        """The chosen storage node when the storage tree or map has the focus (File > Print labels… then
        prints its contents' labels), else None."""
        focus = self.focusWidget()
        if focus is not None and (focus is self.tree or self.map_area.isAncestorOf(focus)):
            return self.chosen_node()[0]
        return None

    def show_place(self, path: str | None) -> None:
        """After a change of storage: read the tree again and choose ``path``."""
        self.load_tree()
        self.select_location(path)
        self._show_map(path)

    def select_location(self, path: str | None) -> None:
        """Choose a storage node by its path (None: all storage), making the nodes on the way."""
        item: QStandardItem | None = self.tree_model.item(0)
        while item is not None and item.data(PATH_ROLE) != path:
            self._populate(item)
            item = next((item.child(row) for row in range(item.rowCount())
                         if path and (path == item.child(row).data(PATH_ROLE) or
                                      path.startswith(f"{item.child(row).data(PATH_ROLE)} / "))), None)
        if item is not None:
            self.tree.setCurrentIndex(item.index())

    @Slot()
    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())

    def show_code(self, code: str) -> None:
        """Show the rows matching a scanned code (e.g. an empty container's barcode)."""
        self.select_location(None)
        self.filter.setText(code)
        self.apply_filter()

    @Slot(int)
    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("%Ln sample(s)", "", total))

    @Slot(QModelIndex)
    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.desk.open_sample(self.model.row_at(index.row()).number)

    def shows(self, changes: Changes) -> bool:
        """A change to a loaded row, or to a place at or below the chosen storage node."""
        rows, here = self.model.rows, self.model.query.location
        return changes.touches([row.number for row in rows], [row.barcode for row in rows]) or any(
            here is None or path == here or path.startswith(f"{here} / ") for path in changes.locations)

    @Slot()
    def refresh(self) -> None:
        """Reload the rows shown, keeping the chosen row and the scroll position."""
        chosen = self.table.currentIndex()
        number = self.model.row_at(chosen.row()).number if chosen.isValid() else None
        scroll = self.table.verticalScrollBar().value()
        self.model.reload(keep_loaded=True)
        self._show_map(self.model.query.location)
        for row, sample in enumerate(self.model.rows):
            if sample.number == number:
                self.table.selectRow(row)
                break
        self.table.verticalScrollBar().setValue(scroll)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("containers/header", self.table.horizontalHeader().saveState())
        settings.setValue("containers/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("containers/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        else:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(COL_LOCATION, min(self.table.columnWidth(COL_LOCATION), 260))
            header = self.table.horizontalHeader()  # the condition beside the status, where 1280 px still show it
            header.moveSection(header.visualIndex(COL_CONDITION), header.visualIndex(COL_STATUS) + 1)
        splitter = settings.value("containers/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
