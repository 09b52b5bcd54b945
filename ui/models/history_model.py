"""A sample's event history as a table: when, what, who, mass after, via which container or location,
details."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap

from curator.rows import HistoryRow
from curator.vocabulary import EventKind
from ui.models.row_table import RowTableModel
from ui.text import describe_facts, label, local_time, mass

COL_ID, COL_WHEN, COL_KIND, COL_OPERATOR, COL_MASS, COL_VIA, COL_DETAILS = range(7)


class HistoryTableModel(RowTableModel[HistoryRow]):
    numeric_columns = frozenset({COL_ID, COL_MASS})

    def __init__(self, thumbnails: Callable[[Sequence[dict[str, Any]]], QPixmap | None] | None = None) -> None:
        """``thumbnails`` gives the small image of an event's attached photos (ui/photo_viewer.py)."""
        self.thumbnails = thumbnails
        super().__init__([self.tr("Event"), self.tr("When"), self.tr("What"), self.tr("Operator"),
                          self.tr("Mass after"), self.tr("Via"), self.tr("Details")])

    def display(self, row: HistoryRow, column: int) -> str:
        return (str(row.event_id), local_time(row.occurred_at), label(row.kind), row.operator, mass(row.mass_ug),
                row.via_container or row.via_location, describe_facts(row.facts))[column]

    def sort_value(self, row: HistoryRow, column: int) -> Any:
        if column == COL_ID:
            return row.event_id
        if column == COL_WHEN:
            return row.occurred_at
        if column == COL_MASS:
            return -1 if row.mass_ug is None else row.mass_ug
        return self.display(row, column)

    def other(self, row: HistoryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.via_container:
            return QColor("#1565c0")
        if role == Qt.ItemDataRole.ForegroundRole and row.via_location:
            return QColor("#6a1b9a")  # a facility event on a room, cabinet or glove box it was in
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == EventKind.CORRECTION:
            return QColor("#fff3e0")
        if role == Qt.ItemDataRole.DecorationRole and column == COL_DETAILS and self.thumbnails and photos_of(row):
            return self.thumbnails(photos_of(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DETAILS:
            return describe_facts(row.facts)
        return None


def photos_of(row: HistoryRow) -> list[dict[str, Any]]:
    """The images attached to a history row's event (curator/photos.py), as its details name them."""
    photos = row.facts.get("photos")
    return [photo for photo in photos if isinstance(photo, dict)] if isinstance(photos, list) else []
