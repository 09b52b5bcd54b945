"""Per-country report for the charts, against one hand-written GROUP BY in raw SQL (target: at most 2x)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import LARGE_DB, best_of, report  # noqa: E402
from curator.reports import mass_report  # noqa: E402
from curator.storage.db import open_database  # noqa: E402

RAW = """
SELECT i.country, COUNT(DISTINCT a.id), SUM(it.mass_ug), SUM(it.returned_mass_ug), SUM(it.consumed_mass_ug)
FROM allocations a JOIN institutions i ON i.id = a.institution_id
LEFT JOIN allocation_items it ON it.allocation_id = a.id
WHERE a.status NOT IN ('requested', 'cancelled')
GROUP BY i.country
"""


def main(path: Path = LARGE_DB) -> None:
    db = open_database(path, create=False)
    conn = sqlite3.connect(path)
    bound = best_of(lambda: conn.execute(RAW).fetchall())
    ours = best_of(lambda: mass_report(db, "country"))
    report("per-country report", ours, bound, max_ratio=2.0)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else LARGE_DB)
