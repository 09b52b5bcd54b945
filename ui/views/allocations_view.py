"""The allocations view: every loan with its masses and state, overdue loans highlighted, and the
actions of the lifecycle (each one writes the matching handling events through curator.allocations)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator import allocations
from curator.changes import Changes
from curator.loans import allocation_items, allocation_rows
from curator.permissions import AllocationAction, allocation_actions, role_allows
from curator.rows import AllocationRow
from ui.desk import Desk
from ui.dialogs.allocation_dialogs import CancelDialog, HandOverDialog, NewAllocationDialog, ReturnDialog
from ui.dialogs.borrowers_dialog import BorrowersDialog
from ui.dialogs.print_dialog import PrintLabelsDialog
from ui.dialogs.scan_session_dialogs import PrepareDialog, ReturnSessionDialog
from ui.dialogs.terms_dialog import TermsDialog
from ui.models.allocations_model import COL_COUNTRY, COL_INSTITUTION, COL_PI, COL_REFERENCE, AllocationsTableModel
from ui.operation import Write, run_operation
from ui.text import label, mass
from ui.views.due_panel import DuePanel
from ui.widgets.actions import RefreshWhenShown, button_row, open_dialog
from ui.widgets.document_language import desk_country_name
from ui.widgets.loan_filter_bar import LoanFilterBar

#: The domain's action behind each button whose state follows the chosen allocation.
BUTTON_ACTIONS = {"approve": AllocationAction.APPROVE, "hand_over": AllocationAction.HAND_OVER,
                  "return": AllocationAction.RECORD_RETURN, "consume": AllocationAction.RECORD_CONSUMPTION,
                  "cancel": AllocationAction.CANCEL, "terms": AllocationAction.EDIT_TERMS,
                  "prepare": AllocationAction.PREPARE, "returns": AllocationAction.RECORD_RETURN}
#: Text columns that give up width (their text is elided; the line under the table shows it whole)
#: so that every column, Due and Status last, fits the table's width; never narrower than NARROWEST.
SHRINKABLE = (COL_INSTITUTION, COL_PI, COL_COUNTRY, COL_REFERENCE)
NARROWEST = 80
WIDEST_INSTITUTION = 300


def shrink_to_fit(widths: list[int], available: int, shrinkable: tuple[int, ...], narrowest: int) -> list[int]:
    """Column widths that fit ``available`` pixels: the widest shrinkable columns are capped first (one cap
    for all of them, as high as fits, not below ``narrowest``)."""
    excess = sum(widths) - available
    if excess <= 0:
        return widths
    target = sum(widths[column] for column in shrinkable) - excess
    cap = max(widths[column] for column in shrinkable)
    while cap > narrowest and sum(min(widths[column], cap) for column in shrinkable) > target:
        cap -= 1
    return [min(width, cap) if column in shrinkable else width for column, width in enumerate(widths)]


class AllocationsView(RefreshWhenShown, QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.dialog: QDialog | None = None
        self.item_numbers: set[str] = set()  # the splits listed under the table
        self.model = AllocationsTableModel()
        self.proxy = self.model  # what the table shows (earlier a proxy model; kept for callers)
        self.table = QTableView(self)
        self.table.setObjectName("allocationsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setResizeContentsPrecision(100)  # size columns from 100 rows, not all
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.viewport().installEventFilter(self)  # its width changes: the columns fit again
        self.natural_widths: list[int] = []
        self.overdue_first = QCheckBox(self.tr("Overdue loans first"), self)
        self.overdue_first.setObjectName("overdueFirst")
        self.summary = QLabel(self)
        self.items = QListWidget(self)
        self.items.setObjectName("allocationItems")
        self.due_panel = DuePanel(desk, self, lambda: chosen.reference if (chosen := self.selected()) else None)
        self.filters = LoanFilterBar(self)
        self.rows: list[AllocationRow] = []  # every allocation; the table shows those the filters let through
        self._layout()
        self.overdue_first.toggled.connect(self._overdue_first)
        self.filters.changed.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        desk.changed.connect(self.refresh_soon)  # when it names an allocation, or a split of the chosen one
        desk.operator_changed.connect(lambda _operator: self._enable())
        self.table.sortByColumn(COL_REFERENCE, Qt.SortOrder.AscendingOrder)
        self.refresh_soon()  # loads when first shown: 5,000 loans need not delay the desk's start

    def _layout(self) -> None:
        bar, self.buttons = button_row(self, (
            ("new", self.tr("&New allocation…"), self.new_allocation), ("approve", self.tr("A&pprove"), self.approve),
            ("prepare", self.tr("Prepare…"), self.prepare), ("hand_over", self.tr("Hand &over…"), self.hand_over),
            ("return", self.tr("Record r&eturn…"), self.record_return),
            ("returns", self.tr("Scan returns…"), self.scan_returns),
            ("consume", self.tr("Record consu&mption…"), self.record_consumption),
            ("cancel", self.tr("Cance&l…"), self.cancel), ("terms", self.tr("Ed&it terms…"), self.edit_terms),
            ("borrowers", self.tr("&Borrowers…"), self.borrowers)))
        bar.addWidget(self.overdue_first)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.items)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.addWidget(self.due_panel)
        self.splitter.setSizes([420, 140, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    def shows(self, changes: Changes) -> bool:
        return bool(changes.allocations) or changes.touches(self.item_numbers)

    @Slot()
    def refresh(self) -> None:
        chosen = self.selected()
        self.rows = allocation_rows(self.desk.db)
        self.filters.set_choices(self.rows)
        self._show_rows()
        header = self.table.horizontalHeader()
        self.natural_widths = [max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
                               for column in range(self.model.columnCount())]
        self.natural_widths[COL_INSTITUTION] = min(self.natural_widths[COL_INSTITUTION], WIDEST_INSTITUTION)
        self.fit_columns()
        self.due_panel.refresh()
        if chosen is not None:
            self.select(chosen.reference)
        self._selection_changed()

    def fit_columns(self) -> None:
        widths = shrink_to_fit(self.natural_widths, self.table.viewport().width(), SHRINKABLE, NARROWEST)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize and self.natural_widths:
            self.fit_columns()
        return False

    def _show_rows(self) -> None:
        wanted = self.filters.current()
        self.model.set_rows([row for row in self.rows if wanted.matches(row)])

    @Slot()
    def _filter(self) -> None:
        chosen = self.selected()
        self._show_rows()
        if chosen is not None:
            self.select(chosen.reference)
        self._selection_changed()

    @Slot(bool)
    def _overdue_first(self, on: bool) -> None:
        self.model.set_overdue_first(on)

    def select(self, reference: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).reference == reference:
                self.table.selectRow(row)
                return

    def selected(self) -> AllocationRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        self.items.clear()
        self.item_numbers = set()
        if chosen is None:
            self.summary.setText(self.tr("Choose an allocation to see its splits."))
        else:
            self.summary.setText(self.tr("{reference}: {institution} ({country}), PI {pi} — {status}").format(
                reference=chosen.reference, institution=chosen.institution,
                country=desk_country_name(chosen.country, reported=True), pi=chosen.pi, status=label(chosen.state))
                + (self.tr("; pristine samples only") if chosen.pristine_only else ""))
            for item in allocation_items(self.desk.db, chosen.reference):
                self.item_numbers.add(item.number)
                self.items.addItem(self.tr("{number}   {mass} {status} · {condition}   returned {returned}, consumed "
                                           "{consumed}   container {barcode}").format(
                    number=item.number, mass=mass(item.mass_ug), status=label(item.status),
                    condition=label(item.condition),
                    returned=mass(item.returned_ug), consumed=mass(item.consumed_ug), barcode=item.barcode or "—"))
        self._enable()

    def _enable(self) -> None:
        """Enable the actions the domain allows for the chosen allocation's status and the operator's role."""
        chosen = self.selected()
        role = self.desk.operator.role if self.desk.signed_in else None
        allowed = allocation_actions(chosen.status, role) if chosen is not None else frozenset()
        for key, action in BUTTON_ACTIONS.items():
            self.buttons[key].setEnabled(action in allowed)
        curator = role_allows(role, AllocationAction.APPROVE)
        self.buttons["approve"].setToolTip("" if curator else self.tr("Approval is for curators"))

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = open_dialog(dialog)
        return dialog

    @Slot()
    def new_allocation(self) -> QDialog:
        return self._open(NewAllocationDialog(self.desk, self))

    @Slot()
    def prepare(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        dialog = PrepareDialog(self.desk, chosen.reference, self)
        dialog.accepted.connect(lambda: self._labels_for(chosen.reference) if dialog.print_labels.isChecked() else None)
        return self._open(dialog)

    def _labels_for(self, reference: str) -> None:
        """After Prepare: the labels of the allocation's splits and its handover sheet, ready to print."""
        self._open(PrintLabelsDialog(self.desk.db, parent=self, allocation=reference))

    @Slot()
    def scan_returns(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(ReturnSessionDialog(self.desk, chosen.reference, self)) if chosen else None

    @Slot()
    def edit_terms(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(TermsDialog(self.desk, chosen.reference, self)) if chosen else None

    @Slot()
    def borrowers(self) -> QDialog:
        return self._open(BorrowersDialog(self.desk, self))

    @Slot()
    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        db, operator, reference, version = self.desk.db, self.desk.operator.name, chosen.reference, chosen.version
        text = self.tr("{reference} approved").format(reference=reference)
        run_operation(self.desk, self, Write(lambda: allocations.approve(db, operator, reference, version),
                                             lambda _result: text))

    @Slot()
    def hand_over(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(HandOverDialog(self.desk, chosen.reference, self)) if chosen else None

    @Slot()
    def record_return(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(ReturnDialog(self.desk, chosen.reference, False, self)) if chosen else None

    @Slot()
    def record_consumption(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(ReturnDialog(self.desk, chosen.reference, True, self)) if chosen else None

    @Slot()
    def cancel(self) -> QDialog | None:
        chosen = self.selected()
        return self._open(CancelDialog(self.desk, chosen.reference, chosen.version, self)) if chosen else None

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("allocations/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("allocations/splitter")
        if state is not None:
            self.splitter.restoreState(state)
