"""Two desks on one SQLite file: concurrent writers lose nothing, the chain stays one line, a lock held
too long is retried, and a stale edit of an allocation is refused with "changed by someone else"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from factories import CURATOR, TECH, sample, seed, signs_as
from safety_support import ROOT, run_cli

import curator.storage.db
from curator import allocations
from curator.errors import ConflictError, DatabaseError
from curator.integrity import verify
from curator.lookup import get_allocation
from curator.storage.db import open_database

ROUNDS = 30

DESK = f"""
import sys, time
from pathlib import Path
from curator import allocations, handling
from curator.storage.db import open_database
path, tag, number, go = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
db = open_database(path, auto_backup=False)
while not go.exists():
    time.sleep(0.005)
for i in range({ROUNDS}):
    event_id = handling.record_observation(db, {TECH!r}, "note", number, f"{{tag}}-{{i}}")
    print("event", event_id, flush=True)
    if i % 5 == 0:
        reference = f"{{tag}}-A{{i}}"
        allocations.create(db, {TECH!r}, reference, "Osaka University", "CE5", "Dr. {{tag}}", 1000)
        allocations.approve(db, {CURATOR!r}, reference)
        print("allocation", reference, flush=True)
"""


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    db = open_database(path)
    seed(db)
    sample(db, "CE5-A", barcode="JAR-A")
    sample(db, "CE5-B", barcode="JAR-B")
    allocations.create(db, TECH, "CE5-EDIT", "Osaka University", "CE5", "Dr. First", 5000)
    db.dispose()
    return path


def test_two_desks_writing_at_once_lose_nothing(shared: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    desks = [subprocess.Popen([sys.executable, "-c", DESK, str(shared), tag, number, str(go)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag, number in (("A", "CE5-A"), ("B", "CE5-B"))]
    go.touch()  # both start writing at the same moment
    outputs = [desk.communicate(timeout=120) for desk in desks]
    for desk, (_, errors) in zip(desks, outputs, strict=True):
        assert desk.returncode == 0, errors
    reported = [line.split() for out, _ in outputs for line in out.splitlines()]
    events = {int(word) for kind, word in reported if kind == "event"}
    references = {word for kind, word in reported if kind == "allocation"}
    assert len(events) == 2 * ROUNDS and len(references) == 2 * (ROUNDS // 5)

    db = open_database(shared, auto_backup=False)
    try:
        assert verify(db) == []  # one unbroken chain, consecutive ids
        with db.read() as session:
            conn = session.connection()
            notes = set(conn.exec_driver_sql("SELECT id FROM events WHERE kind = 'note'").scalars())
            approved = set(conn.exec_driver_sql(
                "SELECT reference FROM allocations WHERE status = 'approved'").scalars())
    finally:
        db.dispose()
    assert events <= notes
    assert references <= approved


def test_a_lock_held_too_long_is_retried(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(curator.storage.db, "BUSY_TIMEOUT_S", 0)  # give up waiting at once, to reach the retry
    db = open_database(shared, auto_backup=False)
    holder = sqlite3.connect(shared, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another desk holds the write lock
    waits: list[float] = []

    class Clock:
        @staticmethod
        def sleep(seconds: float) -> None:  # the other desk commits while this one waits to retry
            waits.append(seconds)
            if holder.in_transaction:
                holder.execute("COMMIT")

    monkeypatch.setattr(curator.storage.db, "time", Clock)
    try:
        allocations.update_terms(db, TECH, "CE5-EDIT", 1, purpose="after a retry")
        assert len(waits) == 1
        holder.execute("BEGIN IMMEDIATE")
        monkeypatch.setattr(Clock, "sleep", staticmethod(waits.append))  # this time it never lets go
        with pytest.raises(DatabaseError, match="busy"):
            allocations.update_terms(db, TECH, "CE5-EDIT", 2, purpose="never saved")
        assert len(waits) == 1 + curator.storage.db.LOCK_RETRIES
    finally:
        holder.close()
        db.dispose()


def test_two_sessions_editing_one_allocation(shared: Path) -> None:
    first, second = open_database(shared, auto_backup=False), open_database(shared, auto_backup=False)
    try:
        with first.read() as session:
            seen_by_first = get_allocation(session, "CE5-EDIT").version
        with second.read() as session:
            seen_by_second = get_allocation(session, "CE5-EDIT").version
        allocations.update_terms(second, TECH, "CE5-EDIT", seen_by_second, pi="Dr. Second")
        with pytest.raises(ConflictError, match="changed by someone else.*reload"):
            allocations.update_terms(first, TECH, "CE5-EDIT", seen_by_first, pi="Dr. First again")
        with pytest.raises(ConflictError, match="changed by someone else"):
            allocations.approve(first, CURATOR, "CE5-EDIT", expected_version=seen_by_first)
        with first.read() as session:
            found = get_allocation(session, "CE5-EDIT")
            assert (found.pi, found.status, found.version) == ("Dr. Second", "requested", seen_by_second + 1)
    finally:
        first.dispose()
        second.dispose()


def test_two_processes_editing_one_allocation_via_the_cli(shared: Path) -> None:
    shown = run_cli("allocation", "show", "CE5-EDIT", "--db", str(shared))
    assert shown.returncode == 0, shown.stderr
    version = shown.stdout.split("version ")[1].split()[0]
    saved = run_cli("allocation", "edit", "CE5-EDIT", "--version", version, "--pi", "Dr. Desk 2",
                    "--operator", TECH, "--db", str(shared), env=signs_as(TECH))
    assert saved.returncode == 0, saved.stderr
    stale = run_cli("allocation", "edit", "CE5-EDIT", "--version", version, "--pi", "Dr. Desk 1",
                    "--operator", TECH, "--db", str(shared), env=signs_as(TECH))
    assert stale.returncode == 2
    assert "changed by someone else" in stale.stderr and "reload" in stale.stderr
    assert "Traceback" not in stale.stderr
    with closing(sqlite3.connect(shared)) as conn:
        assert conn.execute("SELECT pi FROM allocations WHERE reference = 'CE5-EDIT'").fetchone() == ("Dr. Desk 2",)
