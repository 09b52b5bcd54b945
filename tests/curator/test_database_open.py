"""Opening databases: new, foreign and newer files; URLs and the environment variable."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from curator.errors import DatabaseError
from curator.storage.db import open_database, resolve_url


def test_a_new_file_gets_the_schema_and_wal(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "new.db")
    with db.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 50)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Curator database"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_applications_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Curator database"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    database = open_database(db_path)  # a file, or a server database under `make test-pg`
    with database.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    with pytest.raises(DatabaseError, match="newer version of Curator"):
        open_database(db_path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database at"):
        open_database(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_url_resolution(tmp_path: Path, monkeypatch) -> None:
    assert resolve_url("postgresql+psycopg://desk@server/curator") == "postgresql+psycopg://desk@server/curator"
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("CURATOR_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("CURATOR_DB")
    assert resolve_url(None).endswith("curator.db")


# --- a file that goes away, or changes, under an open database -------------------------------------


@pytest.mark.sqlite_file
def test_a_deleted_file_is_never_recreated_and_writes_say_why(sqlite_demo_db) -> None:  # type: ignore[no-untyped-def]
    path = sqlite_demo_db.path
    with sqlite_demo_db.read() as session:  # a pooled connection still holds the file open
        session.execute(text("SELECT 1"))
    path.unlink()
    assert "gone (deleted or moved)" in sqlite_demo_db.file_problem().message
    with pytest.raises(DatabaseError, match="gone"), sqlite_demo_db.write() as session:
        session.execute(text("DELETE FROM events"))
    with pytest.raises(DatabaseError, match="gone"), sqlite_demo_db.read() as session:
        session.execute(text("SELECT 1"))
    sqlite_demo_db.dispose()
    with pytest.raises(OperationalError, match="unable to open"):
        sqlite_demo_db.write_engine.connect()  # a fresh connection does not make an empty file either
    assert not path.exists()


@pytest.mark.sqlite_file
def test_a_file_replaced_behind_the_desk_is_refused(sqlite_demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.db"
    other.write_bytes(sqlite_demo_db.path.read_bytes())
    other.replace(sqlite_demo_db.path)
    with pytest.raises(DatabaseError, match="replaced by another file"), sqlite_demo_db.write() as session:
        session.execute(text("SELECT 1"))


@pytest.mark.sqlite_file
def test_a_healthy_file_has_no_problem(sqlite_demo_db) -> None:  # type: ignore[no-untyped-def]
    assert sqlite_demo_db.file_problem() is None


def test_a_path_with_url_characters_is_the_file_opened(tmp_path: Path) -> None:
    folder = tmp_path / "loans 100%20 #2?"
    folder.mkdir()
    path = folder / "desk #1.db"
    db = open_database(path, auto_backup=False)
    with db.write() as session:
        session.execute(text("SELECT 1"))
    assert db.path == path and db.display_name == str(path) and db.file_problem() is None
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    assert path.stat().st_size > 0
