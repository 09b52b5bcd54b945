"""Filter-as-you-type in the Containers view, and opening a sample's detail, on the large database.

Pages: the model's first page, next page and a sort (each under 2 s).
Filter: one key press (the model's new filter: count + first page) against the raw sqlite3 query of
the same rows (target: at most 2x, and under 50 ms). Detail: a sample with 200 events (under 100 ms).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.measure import LARGE_DB, best_of, report  # noqa: E402
from curator.storage.db import open_database  # noqa: E402

TYPED = ("C", "CE", "CE6", "CE6C", "CE6C0003", "CE6C0003YJFM0002")
RAW_FILTER = """
SELECT s.number, m.code, s.kind, s.mass_ug, c.barcode, l.path, s.status, e.kind, e.occurred_at
FROM samples s JOIN missions m ON m.id = s.mission_id
LEFT JOIN containers c ON c.id = s.container_id LEFT JOIN locations l ON l.id = c.location_id
LEFT JOIN events e ON e.id = s.last_event_id
WHERE s.search_text LIKE :p ORDER BY s.number LIMIT 200
"""
RAW_COUNT = "SELECT COUNT(*) FROM samples s WHERE s.search_text LIKE :p"


def bench_filter(path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.models.samples_model import SamplesTableModel

    QApplication.instance() or QApplication([])
    model = SamplesTableModel(open_database(path, create=False))
    conn = sqlite3.connect(path)

    def raw() -> None:
        for text in TYPED:
            conn.execute(RAW_COUNT, {"p": f"%{text.lower()}%"}).fetchone()
            conn.execute(RAW_FILTER, {"p": f"%{text.lower()}%"}).fetchall()

    def typed() -> None:
        for text in TYPED:
            model.set_filter(text)
        model.set_filter("")

    bound = best_of(raw, repeat=3) / len(TYPED)
    ours = best_of(typed, repeat=3) / (len(TYPED) + 1)
    report("filter-as-you-type, per key press", ours, bound, max_ratio=2.0, limit=0.050)


def bench_pages(path: Path) -> None:
    """The containers table's model at facility scale: first page, next page and a sort (each under 2 s)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from ui.models.samples_model import COL_MASS, SamplesTableModel

    QApplication.instance() or QApplication([])
    db = open_database(path, create=False)
    model = SamplesTableModel(db)
    report("containers table: first page", best_of(lambda: SamplesTableModel(db), repeat=3), limit=2.0)
    report("containers table: next page", best_of(lambda: model.fetchMore(QModelIndex()), repeat=3), limit=2.0)

    def both_ways() -> None:  # the same order twice would be a no-op
        model.sort(COL_MASS, Qt.SortOrder.DescendingOrder)
        model.sort(COL_MASS, Qt.SortOrder.AscendingOrder)

    report("containers table: sort by mass", best_of(both_ways, repeat=3) / 2, limit=2.0)


def bench_detail(path: Path) -> None:
    """The detail view filled for a sample with 200 events of its own (topped up through the services)."""
    from PySide6.QtWidgets import QApplication

    from curator.inventory import weigh
    from ui.desk import Desk
    from ui.views.sample_view import SampleView

    QApplication.instance() or QApplication([])
    db = open_database(path, create=False)
    conn = sqlite3.connect(path)
    number, operator, mass, events = conn.execute(
        """SELECT s.number, (SELECT name FROM operators ORDER BY id LIMIT 1), s.mass_ug, COUNT(e.id)
           FROM samples s JOIN events e ON e.sample_id = s.id WHERE s.status = 'in_store'
           GROUP BY s.id ORDER BY COUNT(e.id) DESC LIMIT 1""").fetchone()
    for _ in range(max(0, 200 - events)):
        weigh(db, operator, number, mass)
    view = SampleView(Desk(db))
    seconds = best_of(lambda: view.show_sample(number))
    print(f"# detail of {number}: {max(events, 200)} events of its own, {view.history_model.rowCount()} in its history")
    report("open a sample's detail", seconds, limit=0.100)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else LARGE_DB
    bench_filter(target)
    bench_pages(target)
    bench_detail(target)
