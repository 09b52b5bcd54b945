"""`curator verify` on the large database against its floor: the same events read with the sqlite3 module and
their canonical JSON hashed, in one process (target: at most 1.5x). Both timed in CPU seconds of this process
(time.process_time), so other work on the machine does not move the figures much."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import LARGE_DB, report  # noqa: E402
from curator.startup_check import startup_check  # noqa: E402
from curator.storage.db import open_database  # noqa: E402
from curator.witness import verify_with_witnesses  # noqa: E402

COLUMNS = ("id", "kind", "occurred_at", "operator_id", "sample_id", "container_id", "allocation_id", "mass_ug",
           "from_location_id", "to_location_id", "corrects_event_id", "note", "details", "prev_hash")


def floor(path: Path) -> float:
    """Read every event with sqlite3, hash its canonical JSON (sorted keys), compare with the stored hash."""
    started = time.process_time()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for row in conn.execute(f"SELECT {', '.join(COLUMNS)}, hash FROM events ORDER BY id"):
        content = dict(zip(COLUMNS, row, strict=False))
        content["occurred_at"] = datetime.fromisoformat(row[2]).replace(tzinfo=UTC).isoformat()
        digest = hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":"),
                                           ensure_ascii=False).encode()).hexdigest()
        if digest != row[-1]:
            raise SystemExit(f"event {row[0]}: hash differs")
    conn.close()
    return time.process_time() - started


def main(path: Path = LARGE_DB) -> None:
    os.environ.setdefault("CURATOR_WITNESS_DIR", tempfile.mkdtemp(prefix="bench-witness-"))
    db = open_database(path, create=False, auto_backup=False)
    bound = floor(path)
    started = time.process_time()
    problems = verify_with_witnesses(db)  # a full walk, which marks the point the desk's check starts from
    ours = time.process_time() - started
    if problems:
        raise SystemExit(f"verify found {len(problems)} problem(s) on the benchmark database: {problems[0]}")
    report("curator verify against its floor (CPU s)", ours, bound, max_ratio=1.5)
    started = time.process_time()
    problems = startup_check(db)
    report("the desk's start-up check when nothing changed (CPU s)", time.process_time() - started, limit=1.0)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else LARGE_DB)
