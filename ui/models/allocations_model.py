"""All allocations as a table; overdue loans are highlighted and can be listed first.

The model sorts itself by value (a Python sort of a few thousand rows takes milliseconds, where a
QSortFilterProxyModel calling a Python lessThan takes seconds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from curator.rows import AllocationRow
from ui.models.row_table import RowTableModel
from ui.text import day, label, mass
from ui.widgets.document_language import desk_country_name

(COL_REFERENCE, COL_INSTITUTION, COL_COUNTRY, COL_PI, COL_MISSION, COL_APPROVED, COL_HANDED, COL_RETURNED,
 COL_CONSUMED, COL_ON_LOAN, COL_DUE, COL_STATUS) = range(12)
OVERDUE_COLOUR = QColor("#ffcdd2")


class AllocationsTableModel(RowTableModel[AllocationRow]):
    numeric_columns = frozenset({COL_APPROVED, COL_HANDED, COL_RETURNED, COL_CONSUMED, COL_ON_LOAN})
    sort_column, sort_order, overdue_first = COL_REFERENCE, Qt.SortOrder.AscendingOrder, False

    def set_rows(self, rows: Sequence[AllocationRow]) -> None:
        super().set_rows(self._sorted(list(rows)))

    def set_overdue_first(self, on: bool) -> None:
        self.overdue_first = on
        self.sort(self.sort_column, self.sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[AllocationRow]) -> list[AllocationRow]:
        rows = sorted(rows, key=lambda row: self.sort_value(row, self.sort_column),
                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        if self.overdue_first:
            rows.sort(key=lambda row: not row.overdue)  # stable: the chosen order holds within each group
        return rows

    def __init__(self) -> None:
        super().__init__([self.tr("Reference"), self.tr("Institution"), self.tr("Country"), self.tr("PI"),
                          self.tr("Mission"), self.tr("Approved"), self.tr("Handed over"), self.tr("Returned"),
                          self.tr("Consumed"), self.tr("On loan"), self.tr("Due"), self.tr("Status")])

    def display(self, row: AllocationRow, column: int) -> str:
        if column == COL_STATUS:
            return self.tr("OVERDUE") if row.overdue else label(row.state)
        country = desk_country_name(row.country, reported=True)
        return (row.reference, row.institution, country, row.pi, row.mission, mass(row.approved_ug),
                mass(row.handed_over_ug), mass(row.returned_ug), mass(row.consumed_ug), mass(row.on_loan_ug),
                day(row.due_date))[column]

    def sort_value(self, row: AllocationRow, column: int) -> Any:
        values = {COL_APPROVED: row.approved_ug, COL_HANDED: row.handed_over_ug, COL_RETURNED: row.returned_ug,
                  COL_CONSUMED: row.consumed_ug, COL_ON_LOAN: row.on_loan_ug,
                  COL_DUE: row.due_date.isoformat() if row.due_date else "9999"}
        return values.get(column, self.display(row, column))

    def other(self, row: AllocationRow, column: int, role: int) -> Any:
        if row.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_COLOUR
        if row.overdue and role == Qt.ItemDataRole.FontRole and column in (COL_DUE, COL_STATUS):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return self.tr("Overdue since {due}").format(due=day(row.due_date))
        return None
