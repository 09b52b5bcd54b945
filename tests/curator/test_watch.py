"""`curator watch` and the feed under it: another process's committed events, as they come (issue 17).

Each test runs on an SQLite file and, when a PostgreSQL server is given (CURATOR_TEST_DB, `make test-pg`), on a
server database too, where the watch waits for the write's notification (LISTEN/NOTIFY) instead of polling.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from curator import handling
from curator.events import append_event
from curator.feed import Feed, Listener, current_head
from curator.operators import find_operator
from curator.storage.db import Database, open_database
from curator.storage.server import retrying
from tests.curator.watch_support import WatchProcess
from tests.factories import SHELF, TECH, sample, seed
from ui.cli import main
from ui.cli.watch_command import event_line

NUMBER = "CE5C0400YJFM00505"
SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "pg-server.sh"


def _seeded(where: Path | str) -> Iterator[Database]:
    database = open_database(where)
    seed(database)
    sample(database)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", "server"])
def live_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A seeded database with one sample in jar JAR-1, on an SQLite file or on the test server."""
    yield from _seeded(tmp_path / "live.db" if request.param == "sqlite" else request.getfixturevalue("server_url"))


@pytest.fixture
def server_db(server_url: str) -> Iterator[Database]:
    """The same on the test server only (the test is skipped without one)."""
    yield from _seeded(server_url)


def test_watch_prints_what_another_process_commits(live_db: Database) -> None:
    head = current_head(live_db)
    watch = WatchProcess(live_db.url, since=head - 1)  # prints the last event at once: it is up and waiting
    try:
        assert watch.next_event()["id"] == head
        new_id = handling.record_observation(live_db, TECH, "inspected", NUMBER, "seen next door")
        event = watch.next_event()
        assert (event["id"], event["kind"], event["sample"], event["note"]) == (new_id, "inspected", NUMBER,
                                                                              "seen next door")
        assert event["operator"] == TECH and event["container"] == "JAR-1"
    finally:
        status, errors = watch.stop()
    assert status == 130 and "Traceback" not in errors


def test_the_feed_reads_events_by_their_keys(live_db: Database) -> None:
    feed = Feed(live_db)
    assert feed.read() == []
    handling.record_observation(live_db, TECH, "inspected", NUMBER, "looked")
    handling.record_observation(live_db, TECH, "inspected", "JAR-1", "the jar")
    events = feed.read()
    assert [(event.kind, event.sample, event.container) for event in events] == [
        ("inspected", NUMBER, "JAR-1"), ("inspected", None, "JAR-1")]
    assert feed.last_id == current_head(live_db) and feed.read() == []
    line = event_line(events[0])
    assert line.startswith(f"{events[0].id}  ") and f"inspected  {NUMBER}" in line and '"looked"' in line


def test_facts_name_their_rows_and_never_show_a_pin_hash(live_db: Database) -> None:
    events = Feed(live_db, after=0).read()
    operators = [event for event in events if event.fact and event.fact[0] == "operators"]
    assert operators and {event.fact[1] for event in operators} >= {TECH}  # type: ignore[index]
    assert all("pin_hash" not in str(event.as_json()) for event in events)
    assert any(event.fact == ("locations", SHELF) for event in events)


def test_watch_refuses_a_since_that_is_no_event_id(live_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watch", "--db", live_db.url, "--since", "yesterday"]) == 2
    assert "--since takes an event id" in capsys.readouterr().err


def test_a_committed_write_notifies_with_the_new_head_and_a_rolled_back_one_does_not(server_db: Database) -> None:
    live_db = server_db
    listener = Listener(live_db)
    try:
        new_id = handling.record_observation(live_db, TECH, "inspected", NUMBER, "told")
        [notice] = listener.wait(10.0)
        assert notice["head"][0] == new_id and notice["first"] == new_id and len(notice["samples"]) == 1
        with pytest.raises(RuntimeError), live_db.write() as session:
            append_event(session, "note", find_operator(session, TECH), note="never committed")
            raise RuntimeError("rolled back")
        assert listener.wait(0.5) == []
    finally:
        listener.close()


def test_watch_survives_a_server_restart_and_loses_nothing(server_db: Database) -> None:
    live_db = server_db
    folder = os.environ.get("CURATOR_TEST_PG_DIR")
    if not folder:
        pytest.skip("restarting needs the throwaway server of `make test-pg` (CURATOR_TEST_PG_DIR)")
    watch = WatchProcess(live_db.url, since=current_head(live_db))
    try:
        before = handling.record_observation(live_db, TECH, "inspected", NUMBER, "before the restart")
        assert watch.next_event()["id"] == before
        subprocess.run([str(SCRIPT), "restart", folder], check=True)
        after = [retrying(lambda n=n: handling.record_observation(live_db, TECH, "note", NUMBER, f"after {n}"))
                 for n in range(3)]
        assert [watch.next_event()["id"] for _ in after] == after  # each once, in order
    finally:
        status, errors = watch.stop()
    assert status == 130 and "Traceback" not in errors
