"""Two desks in step (target: under 2 s), on an SQLite file and, when $CURATOR_BENCH_PG names an empty PostgreSQL
database, on the server (LISTEN/NOTIFY): the time from a commit to the event printed by `curator watch` in
another process, and to the desk's live feed publishing it. Wall-clock seconds: the latency is what a person at
the other desk waits. (The tests only check that the event arrives; the promise is measured here.)"""

from __future__ import annotations

import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import report  # noqa: E402
from curator.feed import current_head  # noqa: E402
from curator.locations import add_location  # noqa: E402
from curator.operators import add_operator  # noqa: E402
from curator.storage.db import open_database  # noqa: E402

ADMIN, PIN, ROUNDS = "Bench Admin", "271828", 5


def latency(url: str, label: str) -> None:
    db = open_database(url, auto_backup=False)
    if current_head(db) == 0:
        with db.write() as session:
            add_operator(session, ADMIN, "admin", PIN)
    watch = subprocess.Popen([sys.executable, "main.py", "watch", "--db", url, "--json", "--since",
                              str(current_head(db))], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in watch.stdout or ()], daemon=True).start()
    stamp = time.strftime("%H%M%S")
    timings = []
    try:
        for round_ in range(ROUNDS + 1):  # the first round only proves the watch is up
            started = time.perf_counter()
            add_location(db, ADMIN, None, "facility", f"Bench {stamp}-{round_}")
            json.loads(lines.get(timeout=60))
            if round_:
                timings.append(time.perf_counter() - started)
    finally:
        watch.send_signal(signal.SIGINT)
        watch.wait(30)
        db.dispose()
    report(f"two-desk latency, {label}: commit to seen by `curator watch` (median of {ROUNDS}, s)",
           statistics.median(timings), limit=2.0)


def desk_latency(url: str, label: str) -> None:
    """From a commit by another connection to the desk's LiveFeed publishing it (Qt offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from curator.directory import sign_in
    from ui.database_watch import LiveFeed
    from ui.desk import Desk

    app = QCoreApplication.instance() or QCoreApplication([])
    db, other = open_database(url, auto_backup=False), open_database(url, auto_backup=False)
    if current_head(db) == 0:
        with db.write() as session:
            add_operator(session, ADMIN, "admin", PIN)
    desk = Desk(db, sign_in(db, ADMIN, PIN))
    feed = LiveFeed(desk)
    heard: list[float] = []
    desk.changed_elsewhere.connect(lambda _changes: heard.append(time.perf_counter()))
    stamp = time.strftime("%H%M%S")
    timings = []
    try:
        for round_ in range(ROUNDS):
            heard.clear()
            started = time.perf_counter()
            add_location(other, ADMIN, None, "facility", f"Desk bench {stamp}-{round_}")
            while not heard and time.perf_counter() - started < 60:
                app.processEvents()
                time.sleep(0.005)
            timings.append((heard[0] if heard else time.perf_counter()) - started)
    finally:
        feed.stop()
        db.dispose()
        other.dispose()
    report(f"two-desk latency, {label}: commit to published by the desk's live feed (median of {ROUNDS}, s)",
           statistics.median(timings), limit=2.0)


def main() -> None:
    os.environ.setdefault("CURATOR_WITNESS_DIR", tempfile.mkdtemp(prefix="bench-witness-"))
    with tempfile.TemporaryDirectory(prefix="bench-live-") as folder:
        latency(str(Path(folder) / "live.db"), "SQLite")
        desk_latency(str(Path(folder) / "live.db"), "SQLite")
    server = os.environ.get("CURATOR_BENCH_PG")
    if server:
        latency(server, "PostgreSQL")
        desk_latency(server, "PostgreSQL")
    else:
        print("# two-desk latency on PostgreSQL: set CURATOR_BENCH_PG to an empty server database to measure it")


if __name__ == "__main__":
    main()
