"""A lost connection to the server: nothing committed is lost, no event is half-recorded, a retry works.

These need a real PostgreSQL server (`make test-pg`); the restart test also needs the throwaway server
of .ci/pg-server.sh (CURATOR_TEST_PG_DIR), which it restarts between two writes.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from curator import handling
from curator.errors import ConnectionLost
from curator.events import append_event
from curator.integrity import verify
from curator.operators import find_operator
from curator.storage.db import Database, open_database
from curator.storage.models import ChainHead, Event
from curator.storage.server import retrying
from tests.curator.postgres_support import cut_before_the_next_event_insert, terminate
from tests.factories import TECH, sample, seed

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "pg-server.sh"
NUMBER = "CE5C0400YJFM00505"


@pytest.fixture
def server_db(db: Database) -> Database:
    if db.is_sqlite:
        pytest.skip("connections to a PostgreSQL server: run `make test-pg`")
    seed(db)
    sample(db)
    return db


def chain(db: Database) -> tuple[int, int, str]:
    """Number of events and the chain head, as another desk sees them."""
    other = open_database(db.url)
    with other.read() as session:
        count = session.execute(select(func.count(Event.id))).scalar_one()
        head = session.get(ChainHead, 1)
        result = (count, head.last_event_id, head.last_hash)
    other.dispose()
    return result


def test_a_server_restart_between_two_writes_loses_nothing(server_db: Database) -> None:
    folder = os.environ.get("CURATOR_TEST_PG_DIR")
    if not folder:
        pytest.skip("restarting needs the throwaway server of `make test-pg` (CURATOR_TEST_PG_DIR)")
    first = handling.record_observation(server_db, TECH, "inspected", NUMBER, "before the restart")
    subprocess.run([str(SCRIPT), "restart", folder], check=True)
    second = handling.record_observation(server_db, TECH, "inspected", NUMBER, "after the restart")
    assert second == first + 1  # the pooled connections were dead; pre-ping replaced them unseen
    with server_db.read() as session:
        notes = session.execute(select(Event.note).where(Event.id >= first).order_by(Event.id)).scalars().all()
    assert notes == ["before the restart", "after the restart"] and verify(server_db) == []


def test_a_connection_cut_mid_transaction_saves_nothing_and_the_retry_works(server_db: Database) -> None:
    before = chain(server_db)
    with pytest.raises(ConnectionLost, match="nothing half-done was saved; try again") as lost:
        with server_db.write() as session:
            append_event(session, "note", find_operator(session, TECH), note="half recorded")
            terminate(server_db, session.execute(text("SELECT pg_backend_pid()")).scalar_one())
            session.execute(text("SELECT 1"))
    assert lost.value.retry_safe and "***" in str(lost.value)
    assert chain(server_db) == before and verify(server_db) == []
    event_id = handling.record_observation(server_db, TECH, "note", NUMBER, "again")  # reconnects by itself
    assert event_id == before[1] + 1 and verify(server_db) == []


def test_a_connection_cut_at_commit_is_not_retried_blindly(server_db: Database) -> None:
    before = chain(server_db)
    with pytest.raises(ConnectionLost, match="may or may not have been saved") as lost:
        with server_db.write() as session:
            append_event(session, "note", find_operator(session, TECH), note="cut at commit")
            session.flush()
            terminate(server_db, session.execute(text("SELECT pg_backend_pid()")).scalar_one())
    assert not lost.value.retry_safe
    assert chain(server_db) == before and verify(server_db) == []  # the server rolled it back


def test_retrying_runs_a_step_again_after_a_cut_in_the_middle_of_it(server_db: Database) -> None:
    before = chain(server_db)
    with cut_before_the_next_event_insert(server_db) as cuts:
        event_id = retrying(lambda: handling.record_observation(server_db, TECH, "note", NUMBER, "recorded once"))
    assert len(cuts) == 1
    count, head_id, _ = chain(server_db)
    assert (count, head_id, event_id) == (before[0] + 1, before[1] + 1, before[1] + 1)
    assert verify(server_db) == []
