"""A writer killed with SIGKILL at random moments never loses or half-writes a committed event.

A separate process records weighings, notes and splits through the services in an endless loop and
prints each event only after its transaction committed. The test kills it at a random moment, several
rounds, and then checks SQLite's integrity, ``verify`` and that every reported event is there.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from factories import TECH, sample, seed
from safety_support import ROOT

from curator.integrity import verify
from curator.storage.db import open_database

NUMBER = "CE5C0400YJFM00505"

WRITER = f"""
import sys
from curator import handling, inventory
from curator.storage.db import open_database
from curator.inventory import ChildSpec
db = open_database(sys.argv[1], auto_backup=False)
tag, tech, number = sys.argv[2], {TECH!r}, {NUMBER!r}
print("ready", flush=True)
i = 0
while True:
    i += 1
    note = f"{{tag}}-{{i}}"
    if i % 4 == 0:
        children = inventory.split(db, tech, number, [ChildSpec(10), ChildSpec(20)], loss_ug=1, note=note)
        print("split", *children, flush=True)
    elif i % 4 == 1:
        result = inventory.weigh(db, tech, number, 900_000 - i, note=note, reason="crash test: any mass")
        print("event", result.event_id, note, flush=True)
    else:
        print("event", handling.record_observation(db, tech, "note", number, note), note, flush=True)
"""


def run_round(path: Path, tag: str, rng: random.Random) -> list[list[str]]:
    """Start the writer, let it commit a random number of events, SIGKILL it; returns what it reported."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    reported: list[list[str]] = []
    try:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read() if writer.stderr else ""
        for _ in range(rng.randint(1, 25)):
            reported.append(_complete(writer.stdout.readline()))
        time.sleep(rng.random() / 50)  # a random moment, most likely inside a transaction
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=60)
        rest, errors = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == -signal.SIGKILL, errors
    # committed before the kill, still in the pipe (a line the kill cut short was never fully reported)
    reported.extend(_complete(line) for line in rest.splitlines(keepends=True))
    return [line for line in reported if line]


def _complete(line: str) -> list[str]:
    """The words of a whole reported line; nothing for a line cut short by the kill or by the pipe's end."""
    words = line.split()
    whole = line.endswith("\n") and words and (words[0] == "split" or (words[0] == "event" and len(words) == 3))
    return words if whole else []


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    db = open_database(path)
    seed(db)
    sample(db, NUMBER, mass_ug=1_000_000)
    db.dispose()
    rng = random.Random()
    reported: list[list[str]] = []
    for round_number in range(6):
        reported.extend(run_round(path, f"r{round_number}", rng))
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    assert len(reported) >= 6
    db = open_database(path, auto_backup=False)
    try:
        assert verify(db) == []
        with db.read() as session:
            conn = session.connection()
            notes = dict(conn.exec_driver_sql("SELECT id, note FROM events").all())
            numbers = set(conn.exec_driver_sql("SELECT number FROM samples").scalars())
    finally:
        db.dispose()
    for line in reported:
        if line[0] == "event":
            assert notes.get(int(line[1])) == line[2], f"committed event {line[1]} ({line[2]}) is missing"
        else:
            assert set(line[1:]) <= numbers, f"committed split children {line[1:]} are missing"


def test_every_write_connection_is_durable_and_queues(tmp_path: Path) -> None:
    """What the crash guarantee rests on: WAL, fsync at every commit (FULL), the write lock taken at BEGIN."""
    db = open_database(tmp_path / "pragmas.db")
    try:
        with db.write() as session:
            conn = session.connection()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            other = sqlite3.connect(tmp_path / "pragmas.db", timeout=0)
            try:  # the write lock is already held: another desk cannot start writing
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        db.dispose()
