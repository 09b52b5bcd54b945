"""The containers table: samples below a storage node, fetched from SQL one page at a time.

Filtering and sorting happen in SQL (curator.browse); the model holds only the pages fetched so far,
so 100,000 samples cost one page of rows until the user scrolls.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from curator.browse import BrowseQuery, count_samples, fetch_samples
from curator.rows import SampleRow
from curator.storage.db import Database
from ui.models.row_table import SORT_ROLE, Index, RowTableModel
from ui.text import label, local_time, mass

COL_NUMBER, COL_MISSION, COL_KIND, COL_MASS, COL_BARCODE, COL_LOCATION, COL_STATUS, COL_LAST, COL_CONDITION = range(9)
#: The SQL sort key of each column; the condition is derived from the history, so it does not sort.
SORT_KEYS = ("number", "mission", "kind", "mass", "barcode", "location", "status", "last_event")
PAGE_SIZE = 200
__all__ = ["SORT_ROLE", "PAGE_SIZE", "SamplesTableModel"]


class SamplesTableModel(RowTableModel[SampleRow]):
    #: Emitted after the query changed, with the number of samples it lists.
    counted = Signal(int)
    numeric_columns = frozenset({COL_MASS})

    def __init__(self, db: Database, page_size: int = PAGE_SIZE) -> None:
        super().__init__([self.tr("Sample number"), self.tr("Mission"), self.tr("Kind"), self.tr("Mass"),
                          self.tr("Container"), self.tr("Location"), self.tr("Status"), self.tr("Last event"),
                          self.tr("Condition")])
        self.db = db
        self.page_size = page_size
        self.query = BrowseQuery()
        self.total = 0
        self.reload()

    # --- querying -------------------------------------------------------------------------------
    def set_location(self, path: str | None) -> None:
        self._set_query(replace(self.query, location=path or None))

    def set_filter(self, text: str) -> None:
        self._set_query(replace(self.query, text=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(SORT_KEYS):
            return
        self._set_query(replace(self.query, sort=SORT_KEYS[column],
                                descending=order == Qt.SortOrder.DescendingOrder))

    def _set_query(self, query: BrowseQuery) -> None:
        if query != self.query:
            self.query = query
            self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Count the rows and fetch the first page again (after a filter change), or with ``keep_loaded``
        as many rows as were loaded (after a recorded event, so the view keeps its scroll position)."""
        self.total = count_samples(self.db, self.query)
        size = max(self.page_size, len(self.rows)) if keep_loaded else self.page_size
        self.set_rows(fetch_samples(self.db, self.query, 0, size))
        self.counted.emit(self.total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt name)
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt name)
        if parent.isValid():
            return
        page = fetch_samples(self.db, self.query, len(self.rows), self.page_size)
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    # --- cells ----------------------------------------------------------------------------------
    def display(self, row: SampleRow, column: int) -> str:
        if column == COL_LAST:
            return f"{label(row.last_event)} {local_time(row.last_event_at)}".strip()
        if column == COL_CONDITION:
            return label(row.condition)
        return (row.number, row.mission, label(row.kind), mass(row.mass_ug), row.barcode,
                short_location(row.location) or "—", label(row.status))[column]

    def sort_value(self, row: SampleRow, column: int) -> Any:
        return (row.number, row.mission, row.kind, row.mass_ug, row.barcode, row.location, row.status,
                row.last_event_at, row.condition)[column]

    def other(self, row: SampleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_LOCATION:
            return row.location
        return None


def short_location(path: str) -> str:
    """A location path without the facility's name, which every row shares."""
    parts = path.split(" / ")
    return " / ".join(parts[1:]) if len(parts) > 1 else path
