"""Opening a Curator database: URL resolution, SQLite pragmas, schema checks and upgrades.

A ``Database`` owns two engines on the same URL: one for reads and one for writes. On SQLite the write
engine starts every transaction with BEGIN IMMEDIATE, so two desks on one file queue for the write
lock (up to the busy timeout) instead of failing half-way through a transaction.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from curator import schema
from curator.errors import ConflictError, DatabaseError

ENV_VAR = "CURATOR_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30


def default_database_path() -> Path:
    """The per-user data folder's curator.db (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Curator", "Curator")) / "curator.db"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """Turn ``--db`` (a path or an SQLAlchemy URL), else $CURATOR_DB, else the default, into a URL."""
    value = str(db) if db else os.environ.get(ENV_VAR) or str(default_database_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for a server or in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """Engines and session factories for one database URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        try:
            if self.path is not None:
                self.read_engine = _sqlite_engine(url, immediate=False)
                self.write_engine = _sqlite_engine(url, immediate=True)
            else:
                self.read_engine = create_engine(url, pool_pre_ping=True)
                self.write_engine = self.read_engine
        except (ArgumentError, ImportError) as exc:
            raise DatabaseError(f"cannot use database URL {url!r}: {exc}") from None
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def display_name(self) -> str:
        """Where the data lives, for status bars and messages (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        try:
            with self._writer() as session, session.begin():
                yield session
        except StaleDataError:
            raise ConflictError("the record was changed by someone else in the meantime: reload it") from None

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


def open_database(db: str | os.PathLike[str] | None = None, create: bool = True) -> Database:
    """Open (and if needed create or upgrade) the Curator database named by ``db``.

    A file that is not an SQLite database, or an SQLite database that is not Curator's, is refused
    with a DatabaseError before anything is written to it. An older schema is upgraded after the
    file is copied aside.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create)
        path.parent.mkdir(parents=True, exist_ok=True)
    database = Database(url)
    try:
        schema.prepare(database, backup=lambda: backup_before_migration(database))
    except OperationalError as exc:
        database.dispose()
        raise DatabaseError(f"cannot open database {database.display_name}: {exc.orig}") from None
    except DatabaseError:
        database.dispose()
        raise
    return database


def _check_sqlite_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path}")
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a Curator database (not an SQLite file); it was left untouched")
    tables, revision = _peek_schema(path)
    schema.refuse_foreign_or_newer(str(path), tables, revision)


def _peek_schema(path: Path) -> tuple[set[str], str | None]:
    """Table names and Alembic revision, read without writing a byte (read-only, no WAL switch)."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database ({exc}); it was left untouched") from None
    return tables, revision


def backup_before_migration(database: Database) -> Path | None:
    """Copy an SQLite file aside before its schema is changed; returns the copy's path."""
    if database.path is None or not database.path.exists():
        return None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = database.path.with_name(f"{database.path.stem}.before-upgrade-{stamp}{database.path.suffix}")
    with closing(sqlite3.connect(database.path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def table_names(database: Database) -> set[str]:
    return set(inspect(database.read_engine).get_table_names())
