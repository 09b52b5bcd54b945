"""Several desks on one database at once, each with its own engines and real connections (threads).

The first tests run on both backends (SQLite file under `make test`, PostgreSQL under `make test-pg`);
the last two exercise the server's row locks themselves and need a server.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from curator import allocations, handling
from curator.errors import ConflictError
from curator.events import append_event
from curator.integrity import verify
from curator.operators import find_operator
from curator.storage.db import Database, open_database
from curator.storage.models import Allocation, ChainHead, Event
from tests.factories import CURATOR, TECH, sample, seed

NUMBER = "CE5C0400YJFM00505"
ROOT = Path(__file__).resolve().parents[2]


def run_together(*actions: Callable[[], object]) -> list[BaseException]:
    """Run the actions in threads released at the same moment; the errors they raised."""
    barrier, errors = threading.Barrier(len(actions)), []

    def run(action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


@pytest.fixture
def desks(db: Database) -> list[Database]:
    """The seeded database, and three more desks opened on the same URL."""
    seed(db)
    sample(db)
    others = [open_database(db.url) for _ in range(3)]
    yield [db, *others]
    for other in others:
        other.dispose()


def test_desks_recording_at_once_keep_one_unbroken_chain(desks: list[Database]) -> None:
    with desks[0].read() as session:
        before = session.get(ChainHead, 1).last_event_id

    def record(desk: Database, name: str) -> Callable[[], None]:
        return lambda: [handling.record_observation(desk, TECH, "inspected", NUMBER, f"{name} #{n}")
                        for n in range(15)]

    assert run_together(*(record(desk, f"desk {i}") for i, desk in enumerate(desks))) == []
    with desks[0].read() as session:
        ids = session.execute(select(Event.id).order_by(Event.id)).scalars().all()
        head = session.get(ChainHead, 1)
    assert ids == list(range(1, before + 61)) and head.last_event_id == before + 60
    assert verify(desks[0]) == []


def test_two_desks_saving_the_same_allocation_one_is_told_to_reload(desks: list[Database]) -> None:
    allocations.create(desks[0], CURATOR, "CE5-2026-001", "Osaka University", "CE5", "Dr. Ito", 100_000)
    with desks[0].read() as session:
        version = session.execute(select(Allocation.version)).scalar_one()
    saved: list[str] = []

    def save(desk: Database, pi: str) -> Callable[[], None]:
        def action() -> None:
            allocations.update_terms(desk, TECH, "CE5-2026-001", version, pi=pi)
            saved.append(pi)
        return action

    errors = run_together(save(desks[1], "Dr. Kato"), save(desks[2], "Dr. Sato"))
    assert len(saved) == 1 and len(errors) == 1 and isinstance(errors[0], ConflictError)
    assert "reload" in str(errors[0])
    with desks[0].read() as session:
        allocation = session.execute(select(Allocation)).scalar_one()
    assert (allocation.pi, allocation.version) == (saved[0], version + 1)


def test_a_write_waits_for_the_other_desks_write(desks: list[Database]) -> None:
    holding, release, second_done = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with desks[1].write() as session:
            append_event(session, "note", find_operator(session, TECH), note="first, held open")
            holding.set()
            release.wait(30)

    def second() -> None:
        holding.wait(30)
        handling.record_observation(desks[2], TECH, "note", NUMBER, "second")
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert holding.wait(30)
    assert not second_done.wait(0.5)  # queued behind the open write transaction
    release.set()
    for thread in threads:
        thread.join(30)
    assert second_done.is_set()
    with desks[0].read() as session:
        notes = session.execute(select(Event.note).order_by(Event.id.desc()).limit(2)).scalars().all()
    assert notes == ["second", "first, held open"] and verify(desks[0]) == []


DESK_PROCESS = """
import sys
from curator import allocations, handling
from curator.storage.db import open_database
from curator.errors import ConflictError
url, tag, version = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = open_database(url, auto_backup=False)
for i in range(20):
    handling.record_observation(db, "Tess Tech", "note", "CE5C0400YJFM00505", f"{tag}-{i}")
    if i == 10:
        try:
            allocations.update_terms(db, "Tess Tech", "CE5-2026-003", version, purpose=f"by {tag}")
            print("saved")
        except ConflictError:
            print("conflict")
"""


def test_two_desk_processes_at_once(desks: list[Database]) -> None:
    allocations.create(desks[0], CURATOR, "CE5-2026-003", "Osaka University", "CE5", "Dr. Ito", 1000)
    with desks[0].read() as session:
        before = session.get(ChainHead, 1).last_event_id
        version = session.execute(select(Allocation.version)).scalar_one()
    processes = [subprocess.Popen([sys.executable, "-c", DESK_PROCESS, desks[0].url, tag, str(version)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for tag in ("A", "B")]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], [err for _, err in outputs]
    assert sorted(out.strip() for out, _ in outputs) == ["conflict", "saved"]
    with desks[0].read() as session:
        assert session.get(ChainHead, 1).last_event_id == before + 41  # 40 notes and the one saved edit of terms
    assert verify(desks[0]) == []


# --- the server's own locks, without the writers' queue --------------------------------------------


@pytest.fixture
def raw_sessions(desks: list[Database]) -> sessionmaker[Session]:
    """Plain sessions on the server that skip Database.write (so no advisory lock is taken)."""
    if desks[0].is_sqlite:
        pytest.skip("row locks of a PostgreSQL server: run `make test-pg`")
    return sessionmaker(desks[0].write_engine, expire_on_commit=False)


def test_the_chain_head_row_lock_alone_keeps_the_chain(raw_sessions: sessionmaker[Session],
                                                       desks: list[Database]) -> None:
    locked, release = threading.Event(), threading.Event()

    def first() -> None:
        with raw_sessions.begin() as session:
            append_event(session, "note", find_operator(session, TECH), note="first")
            locked.set()
            release.wait(30)

    def second() -> None:
        with raw_sessions.begin() as session:
            assert locked.wait(30)
            session.get(ChainHead, 1)  # an unlocked, soon stale read of the head in the same session
            release.set()
            append_event(session, "note", find_operator(session, TECH), note="second")  # waits for first

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert verify(desks[0]) == []
    with desks[0].read() as session:
        assert session.execute(select(Event.note).order_by(Event.id.desc()).limit(2)).scalars().all() == [
            "second", "first"]


def test_the_row_version_catches_an_edit_made_in_between(raw_sessions: sessionmaker[Session],
                                                         desks: list[Database]) -> None:
    allocations.create(desks[0], CURATOR, "CE5-2026-002", "Brown University", "CE5", "Dr. Lee", 50_000)
    mine, theirs = raw_sessions(), raw_sessions()
    allocation = mine.execute(select(Allocation)).scalar_one()
    other = theirs.execute(select(Allocation)).scalar_one()
    other.purpose = "their edit"
    theirs.commit()
    allocation.purpose = "my edit"
    with pytest.raises(StaleDataError):
        mine.commit()
    mine.close()
    theirs.close()
    with desks[0].read() as session:
        assert session.execute(select(Allocation.purpose)).scalar_one() == "their edit"


def test_a_write_held_too_long_makes_the_other_desk_give_up_clearly(raw_sessions: sessionmaker[Session],
                                                                   desks: list[Database],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from curator.errors import DatabaseError
    from curator.storage import server

    monkeypatch.setattr(server, "LOCK_TIMEOUT_S", 1)
    with desks[1].write():
        with pytest.raises(DatabaseError, match="the database is busy: another desk kept it locked"):
            handling.record_observation(desks[2], TECH, "note", NUMBER, "waits, then gives up")
    assert verify(desks[0]) == []
