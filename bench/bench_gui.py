"""The desk app on the large database: cold start and memory after browsing.

Cold start: `python main.py gui --smoke-test` (main window shown with its first page, then quit)
against a floor script that imports PySide6 and SQLAlchemy's ORM, runs the same first-page query
with the sqlite3 module and shows an empty QMainWindow (target: at most 1.5x, and under 1.0 s).
Memory: resident size of a desk after browsing (target: under 400 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import BENCH_PIN, LARGE_DB, report  # noqa: E402

FLOOR = """
import sqlite3, sys
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm
app = QApplication(sys.argv)
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT s.number, m.code, s.kind, s.mass_ug, c.barcode, l.path, s.status, e.kind, e.occurred_at "
                    "FROM samples s JOIN missions m ON m.id = s.mission_id "
                    "LEFT JOIN containers c ON c.id = s.container_id LEFT JOIN locations l ON l.id = c.location_id "
                    "LEFT JOIN events e ON e.id = s.last_event_id ORDER BY s.number LIMIT 200").fetchall()
window = QMainWindow()
window.show()
app.processEvents()
print("ready", len(rows), flush=True)
"""


def _environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1", "CURATOR_PIN": BENCH_PIN}


def time_until_ready(command: list[str]) -> float:
    """Seconds from starting ``command`` to its line starting with "ready"."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=_environment(), cwd=ROOT)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - started
            process.wait(timeout=60)
            return elapsed
    raise RuntimeError(f"{command} never became ready: {process.stderr.read() if process.stderr else ''}")


def bench_cold_start(path: Path, repeat: int = 5) -> None:
    app = [sys.executable, "main.py", "gui", "--db", str(path), "--operator", "Bench Tech", "--smoke-test"]
    floor = [sys.executable, "-c", FLOOR, str(path)]
    time_until_ready(app)  # warm the OS file cache once, as a desk that ran yesterday has it
    bound = min(time_until_ready(floor) for _ in range(repeat))
    ours = min(time_until_ready(app) for _ in range(repeat))
    report("cold start to a filled main window", ours, bound, max_ratio=1.5, limit=1.0)


def bench_memory(path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bench.gui_session", str(path)], capture_output=True, text=True,
                            env=_environment(), cwd=ROOT, timeout=600, check=True)
    resident_mb = float(result.stdout.strip().splitlines()[-1])
    print(f"# resident memory after browsing: {resident_mb:.0f} MB (target under 400 MB)")
    report("memory after browsing", resident_mb, limit=400, unit="MB")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else LARGE_DB
    bench_cold_start(target)
    bench_memory(target)
