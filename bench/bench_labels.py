"""1,000 labels to PDF through the same path as `curator labels` (target: under 10 s).

Also prints the time of the database part alone (looking up the 1,000 samples) as the bound.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.measure import LARGE_DB, report  # noqa: E402
from curator.outputs.labels import get_template, label_data  # noqa: E402
from curator.storage.db import open_database  # noqa: E402

COUNT = 1_000


def main(path: Path) -> None:
    from ui.printing import ensure_gui_application, write_labels_pdf

    ensure_gui_application()
    with sqlite3.connect(path) as conn:
        numbers = [row[0] for row in conn.execute("SELECT number FROM samples ORDER BY id LIMIT ?", (COUNT,))]
    db = open_database(path, create=False)
    for name in ("62x29", "a4-3x8"):
        template = get_template(name)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            labels = label_data(db, numbers)
            looked_up = time.perf_counter() - started
            pages = write_labels_pdf(Path(folder) / "labels.pdf", template, labels)
            seconds = time.perf_counter() - started
            size_mb = (Path(folder) / "labels.pdf").stat().st_size / 1e6
        print(f"# {len(labels)} labels on template {name}: {pages} page(s), {size_mb:.1f} MB of PDF")
        report(f"{len(labels)} labels to PDF ({name})", seconds, looked_up, limit=10.0)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else LARGE_DB)
