"""`curator migrate-to`: a desk's SQLite file copied onto a fresh database, ids and hashes kept, then proven.

The target is ``db_path``: another SQLite file under `make test`, a PostgreSQL database under
`make test-pg` (the case that matters).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from curator import handling, inventory
from curator.errors import DatabaseError, ValidationError
from curator.events import GENESIS_HASH
from curator.integrity import verify
from curator.storage.db import open_database
from curator.storage.models import ChainHead, Container, Event, Location, Sample
from curator.storage.transfer import compare, migrate
from ui.cli import main


def rows(db, model) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        table = model.__table__
        return [tuple(row) for row in session.execute(select(table).order_by(*table.primary_key.columns))]


def test_migrate_to_copies_everything_and_says_it_verified(sqlite_demo_path: Path, db_path, capsys) -> None:
    assert main(["init", "--db", str(db_path)]) == 0
    assert main(["migrate-to", str(db_path), "--db", str(sqlite_demo_path)]) == 0
    out = capsys.readouterr().out
    source, target = open_database(sqlite_demo_path), open_database(db_path)
    events = len(rows(source, Event))
    assert f"events: {events} rows" in out and "verified:" in out and f"same {events} events" in out
    for model in (Event, Sample, Container, Location, ChainHead):  # same ids, same hashes, same values
        assert rows(target, model) == rows(source, model)
    assert verify(target) == [] and compare(source, target).ok
    source.dispose()
    target.dispose()


def test_the_server_carries_on_where_the_desk_stopped(sqlite_demo_path: Path, db_path) -> None:
    source, target = open_database(sqlite_demo_path), open_database(db_path)
    migrate(source, target)
    with target.read() as session:
        top_location = session.execute(select(func.max(Location.id))).scalar_one()
        last_event = session.execute(select(func.max(Event.id))).scalar_one()
        number, barcode = session.execute(select(Sample.number, Container.barcode).join(Sample.container)
                                          .where(Sample.status == "in_store").limit(1)).one()
    event_id = handling.record_observation(target, "Li Wei", "inspected", number, "after the move")
    inventory.add_location(target, "Li Wei", None, "facility", "Annex")  # new ids come after the copied ones
    assert event_id == last_event + 1
    with target.read() as session:
        assert session.execute(select(func.max(Location.id))).scalar_one() == top_location + 1
    assert verify(target) == []
    assert not compare(source, target).ok  # the comparison notices the server moved on
    source.dispose()
    target.dispose()


def test_a_database_that_holds_data_is_refused(demo_template: Path, demo_path, tmp_path: Path, capsys) -> None:
    desk = tmp_path / "desk.db"
    desk.write_bytes(demo_template.read_bytes())
    assert main(["migrate-to", str(demo_path), "--db", str(desk)]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_the_same_database_is_refused(sqlite_demo_path: Path) -> None:
    db = open_database(sqlite_demo_path)
    with pytest.raises(ValidationError, match="same database"):
        migrate(db, db)
    db.dispose()


def test_a_copy_that_fails_half_way_leaves_the_target_fresh(sqlite_demo_path: Path, db_path) -> None:
    with sqlite3.connect(sqlite_demo_path) as conn:  # a dangling reference, made behind the app's back
        conn.execute("UPDATE events SET sample_id = 999999 WHERE id = 700")
    source, target = open_database(sqlite_demo_path), open_database(db_path)
    with pytest.raises(DatabaseError, match="nothing was copied"):
        migrate(source, target)
    with target.read() as session:
        assert session.execute(select(func.count(Sample.id))).scalar_one() == 0
        assert session.get(ChainHead, 1).last_hash == GENESIS_HASH
    source.dispose()
    target.dispose()


def test_problems_found_by_verify_travel_and_are_reported(sqlite_demo_path: Path, db_path, capsys) -> None:
    with sqlite3.connect(sqlite_demo_path) as conn:
        conn.execute("UPDATE events SET note = 'rewritten' WHERE id = 10")
    assert main(["migrate-to", str(db_path), "--db", str(sqlite_demo_path)]) == 0
    out = capsys.readouterr().out
    assert "verified:" in out and "the same 1 problem(s) on both sides" in out
    assert main(["verify", "--db", str(db_path)]) == 1
