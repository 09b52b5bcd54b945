"""A write that waits for another desk's write lock can be given up (the desk's Cancel): it then saves
nothing; while the person keeps waiting it completes once the lock is released."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing

import pytest
from sqlalchemy import func, select

from curator import handling
from curator.errors import WriteAbandoned
from curator.storage.db import Database, lock_waits_while
from curator.storage.models import Event

pytestmark = pytest.mark.sqlite_file
NUMBER = "CE5C0100YJFM00503"


def _events(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count(Event.id))).scalar_one()


class WaitingNote:
    """A note written on another thread while another desk holds the write lock (``other_desk``)."""

    def __init__(self, db: Database, other_desk: sqlite3.Connection) -> None:
        self.db, self.other_desk = db, other_desk
        self.keep_waiting, self.outcome = threading.Event(), []  # type: ignore[var-annotated]
        self.keep_waiting.set()
        self.events_before = _events(db)
        other_desk.execute("BEGIN IMMEDIATE")
        self.thread = threading.Thread(target=self._write)
        self.thread.start()

    def _write(self) -> None:
        try:
            with lock_waits_while(self.keep_waiting.is_set):
                self.outcome.append(handling.record_observation(self.db, "Li Wei", "note", NUMBER, "after the wait"))
        except Exception as exc:  # noqa: BLE001 (the test looks at it)
            self.outcome.append(exc)


@pytest.fixture
def waiting(sqlite_demo_db: Database) -> Iterator[WaitingNote]:
    with closing(sqlite3.connect(sqlite_demo_db.path, isolation_level=None)) as other_desk:
        note = WaitingNote(sqlite_demo_db, other_desk)
        note.thread.join(0.5)
        assert note.thread.is_alive() and not note.outcome  # still waiting for the lock
        yield note
        note.keep_waiting.clear()
        if other_desk.in_transaction:
            other_desk.execute("ROLLBACK")
        note.thread.join(10)


def test_giving_up_the_wait_saves_nothing(waiting: WaitingNote) -> None:
    waiting.keep_waiting.clear()
    waiting.thread.join(5)
    assert not waiting.thread.is_alive()
    assert len(waiting.outcome) == 1 and isinstance(waiting.outcome[0], WriteAbandoned)
    assert "nothing was recorded" in str(waiting.outcome[0])
    waiting.other_desk.execute("ROLLBACK")
    assert _events(waiting.db) == waiting.events_before


def test_a_write_that_keeps_waiting_completes_after_the_lock_is_released(waiting: WaitingNote) -> None:
    waiting.other_desk.execute("COMMIT")
    waiting.thread.join(10)
    assert len(waiting.outcome) == 1 and isinstance(waiting.outcome[0], int), waiting.outcome
    assert _events(waiting.db) == waiting.events_before + 1
    with waiting.db.write() as session:  # the connection's own busy timeout is back for later writes
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
