"""An older database is upgraded on open, after a copy of the file is put aside."""

import sqlite3
from pathlib import Path

import pytest
from schema_support import database_at_revision
from sqlalchemy import text

from curator.errors import DatabaseError
from curator.search_index import search_text
from curator.storage import backups
from curator.storage.db import open_database
from curator.storage.schema import head_revision


def make_revision_0001_database(path: Path) -> None:
    database_at_revision(
        path, "0001",
        "INSERT INTO missions (id, code, name, landing_site, returned_mass_ug) "
        "VALUES (1, 'CE5', 'Chang''e-5', '', 1731000000)",
        "INSERT INTO samples (id, number, mission_id, kind, sampling, mass_ug, status, created_at) "
        "VALUES (1, 'CE5C0400YJFM00505', 1, 'glass_bead', 'scooped', 5, 'on_loan', '2021-01-01')")


def test_old_schema_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    make_revision_0001_database(path)
    db = open_database(path)
    with db.read() as session:
        revision = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        text = session.connection().exec_driver_sql("SELECT search_text FROM samples").scalar()
    db.dispose()
    assert revision == head_revision() != "0001"
    assert text == search_text("CE5C0400YJFM00505", "CE5", "glass_bead", None, None, "on_loan", None)
    copies = list(backups.backup_folder(path).glob("desk-before-upgrade-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT number FROM samples").fetchall() == [("CE5C0400YJFM00505",)]


def test_the_schema_head_constant_is_alembics_head() -> None:
    from curator.storage.schema import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_an_upgrade_keeps_tables_that_other_rows_point_into(tmp_path: Path) -> None:
    """Adding columns to locations, containers or allocations must not rebuild those tables: SQLite would
    refuse to drop a table that containers, samples or allocation items point into."""
    from tests.curator.test_genesis_facts import ROWS

    path = tmp_path / "old.db"
    database_at_revision(path, "0005", *ROWS, "INSERT INTO allocation_items (id, allocation_id, sample_id, mass_ug, "
                         "returned_mass_ug, consumed_mass_ug, status) VALUES (1, 1, 1, 1000, 0, 0, 'prepared')")
    db = open_database(path, auto_backup=False)
    with db.read() as session:
        assert session.execute(text("SELECT retired FROM containers")).scalar_one() in (0, False)
    db.dispose()


def test_an_upgrade_that_fails_part_way_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    """The whole upgrade is one transaction (on SQLite too): no half-upgraded schema is ever committed, so a
    second desk opening the same file meanwhile never finds one and runs a step twice."""
    path = tmp_path / "desk.db"
    make_revision_0001_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")  # a late step (0009) will fail on it
    with pytest.raises(DatabaseError, match="photos already exists"):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        columns = [row[1] for row in conn.execute("PRAGMA table_info(samples)")]
    assert "search_text" not in columns  # step 0002's column went with the rest
