"""Live desks (issue 17): what another process commits shows in this desk within two seconds, without F5,
on SQLite (a look at the chain head a second) and on a server (LISTEN/NOTIFY, under `make test-pg`); an
open dialog on the changed sample is not interrupted, it says so and reads the sample again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from curator import handling
from curator.changes import Changes
from curator.directory import sign_in
from curator.history import sample_detail
from curator.storage.db import open_database
from tests.factories import PINS, TECH, sample, seed, signs_as
from tests.ui.conftest import PRIMARY, TECHNICIAN
from ui.database_watch import LiveFeed
from ui.desk import Desk
from ui.dialogs.sample_dialogs import WeighDialog

NUMBER = "CE5C0400YJFM00505"
ROOT = Path(__file__).resolve().parents[2]
#: The issue's promise: another desk's event shows within two seconds.
LIVE_WITHIN_S = 2.0
#: How long the test waits at most (the machine may be busy; the promise is checked separately).
PATIENCE_MS = 20_000


def another_desk(url: str, *argv: str, operator: str = TECHNICIAN) -> float:
    """Run `curator record ...` in another process (as Li Wei); when it had committed (its exit)."""
    done = subprocess.run([sys.executable, "main.py", *argv, "--db", url, "--operator", operator], cwd=ROOT,
                          env={**os.environ, **signs_as(operator)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return time.monotonic()


def test_the_desk_shows_another_desks_event_within_two_seconds(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_sample(PRIMARY)
    notes = lambda: [row.facts.get("note") for row in window.sample.history_model.rows]  # noqa: E731
    scroll_before = window.sample.history.verticalScrollBar().value()
    committed = another_desk(window.desk.db.url, "record", "inspected", PRIMARY, "--note", "seen next door")
    qtbot.waitUntil(lambda: "seen next door" in notes(), timeout=PATIENCE_MS)
    seen_after = time.monotonic() - committed
    assert seen_after <= LIVE_WITHIN_S, f"shown {seen_after:.2f} s after the other desk committed"
    assert window.sample.number == PRIMARY and window.sample.history.verticalScrollBar().value() >= scroll_before


def test_an_open_weighing_says_the_sample_changed_and_expects_the_new_mass(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_sample(PRIMARY)
    dialog = window.sample.weigh()
    assert isinstance(dialog, WeighDialog) and dialog.elsewhere.isHidden()
    stored = sample_detail(window.desk.db, PRIMARY).mass_ug
    another_desk(window.desk.db.url, "record", "weighed", PRIMARY, "--mass", f"{stored + 40} ug")
    qtbot.waitUntil(dialog.elsewhere.isVisible, timeout=PATIENCE_MS)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected  # still open, not answered
    assert PRIMARY in dialog.elsewhere.text() and dialog.expected_ug == stored + 40
    dialog.reject()


@pytest.fixture(params=["sqlite", "server"])
def small_desk(request: pytest.FixtureRequest, tmp_path: Path, qapp) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    """A desk on a seeded database with one sample in jar JAR-1: an SQLite file, or the test server's."""
    db = open_database(tmp_path / "live.db" if request.param == "sqlite" else request.getfixturevalue("server_url"))
    seed(db)
    sample(db)
    yield Desk(db, sign_in(db, TECH, PINS[TECH]))
    db.dispose()


def test_the_live_feed_publishes_what_another_process_committed(small_desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    feed = LiveFeed(small_desk)
    heard: list[tuple[Changes, float]] = []
    small_desk.changed_elsewhere.connect(lambda changes: heard.append((changes, time.monotonic())))
    try:
        committed = another_desk(small_desk.db.url, "record", "inspected", NUMBER, "--note", "next door",
                                 operator=TECH)
        qtbot.waitUntil(lambda: bool(heard), timeout=PATIENCE_MS)
        changes, seen = heard[0]
        assert changes == Changes.of(samples=[NUMBER], containers=["JAR-1"])
        assert seen - committed <= LIVE_WITHIN_S, f"published {seen - committed:.2f} s after the commit"
        handling.record_observation(small_desk.db, TECH, "inspected", NUMBER, "this desk")  # shown by its write
        feed.look()
        assert len(heard) == 1
    finally:
        feed.stop()
