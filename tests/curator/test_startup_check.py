"""The desk's start-up check goes on from the last point this desk verified; a full walk at most once a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from curator import handling, integrity
from curator.startup_check import startup_check
from curator.storage.db import Database
from curator.witness import last_verified
from tests.factories import TECH, sample, seed

NUMBER = "CE5C0400YJFM00505"


@pytest.fixture
def checked(db: Database) -> Database:
    seed(db)
    sample(db)
    assert last_verified(db) is None and startup_check(db) == []  # the first start walks the whole chain
    assert last_verified(db) is not None
    return db


def _no_full_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the full walk ran")
    monkeypatch.setattr(integrity, "verify", refuse)


def test_the_next_start_checks_only_what_came_since(checked: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    handling.record_observation(checked, TECH, "inspected", NUMBER, "after the walk")
    _no_full_walk(monkeypatch)
    assert startup_check(checked) == []


def test_an_event_altered_after_the_verified_point_is_found(checked: Database) -> None:
    new_id = handling.record_observation(checked, TECH, "inspected", NUMBER, "after the walk")
    with checked.write() as session:
        session.execute(text("UPDATE events SET note = 'forged' WHERE id = :id"), {"id": new_id})
    problems = startup_check(checked)
    assert any(problem.event_id == new_id and "altered" in problem.message for problem in problems)


def test_a_day_after_the_last_walk_it_walks_the_whole_chain_again(checked: Database,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _no_full_walk(monkeypatch)
    with pytest.raises(AssertionError, match="full walk"):
        startup_check(checked, now=datetime.now(UTC) + timedelta(days=1, minutes=1))
