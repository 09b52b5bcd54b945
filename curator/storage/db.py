"""Opening a Curator database: URL resolution, SQLite pragmas, schema checks and upgrades.

A ``Database`` owns two engines on the same URL: one for reads and one for writes. On SQLite the write
engine starts every transaction with BEGIN IMMEDIATE, so two desks on one file queue for the write
lock (up to the busy timeout) instead of failing half-way through a transaction.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLDatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import ConnectionPoolEntry

from curator import events, search_index, witness
from curator.errors import ConflictError, DatabaseError, Refusal, WriteAbandoned
from curator.redaction import redact, remember_secrets
from curator.storage import backups, schema, server
from curator.storage.sqlite_files import (
    FileProblem,
    check_sqlite_file,
    create_sqlite_file,
    file_identity,
    may_access,
    sqlite_path,
    sqlite_uri,
)

ENV_VAR = "CURATOR_DB"
BUSY_TIMEOUT_S = 30
#: How often a write transaction that could not get the write lock within the busy timeout is retried.
LOCK_RETRIES = 3
#: How long one try for the write lock waits when the wait can be given up (``lock_waits_while``).
LOCK_POLL_MS = 100

#: Asked between short tries for the write lock by writes on this thread (see ``lock_waits_while``).
_keep_waiting: ContextVar[Callable[[], bool] | None] = ContextVar("curator_keep_waiting", default=None)


@contextmanager
def lock_waits_while(keep_waiting: Callable[[], bool]) -> Iterator[None]:
    """Writes made in this block, on this thread, wait for another desk's write lock in short tries and
    give up once ``keep_waiting()`` is False, raising WriteAbandoned (nothing of them was saved: the
    transaction had not begun). The desk runs its writes off the GUI thread inside this block, so the
    person can stop waiting; once the lock is taken the transaction runs to its end."""
    token = _keep_waiting.set(keep_waiting)
    try:
        yield
    finally:
        _keep_waiting.reset(token)

#: SQLite's words for a failure, what the person at the desk is told, and its code.
_SQLITE_FAILURES = (
    ("database is locked", "the database is busy: another desk kept it locked too long; try again", Refusal.DB_BUSY),
    ("lock timeout", "the database is busy: another desk kept it locked too long; try again",  # server
     Refusal.DB_BUSY),
    ("disk is full", "the disk is full: nothing was saved; free some space and try again", Refusal.DB_DISK_FULL),
    ("readonly", "the database file is read-only: nothing can be saved (check the file's permissions)",
     Refusal.DB_READ_ONLY),
    ("read-only", "the database file is read-only: nothing can be saved (check the file's permissions)",
     Refusal.DB_READ_ONLY),
    ("malformed", "the database file is damaged: restore it from a backup (curator restore)", Refusal.DB_DAMAGED),
    ("not a database", "the file is not a database or is damaged: restore it from a backup (curator restore)",
     Refusal.DB_DAMAGED),
    ("unable to open", "the database file cannot be opened (check that it exists and may be read)",
     Refusal.DB_CANNOT_OPEN),
    ("disk i/o error", "the disk could not be read or written: nothing was saved", Refusal.DB_DISK_IO),
)


def describe_failure(exc: BaseException) -> str:
    """A one-line message for a low-level database failure (SQLAlchemy or sqlite3 exception)."""
    detail = redact((str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0])
    for words, message, _ in _SQLITE_FAILURES:
        if words in detail.lower():
            return f"{message} ({detail})"
    return f"database error: {detail}"


def failure_error(where: str, exc: BaseException) -> DatabaseError:
    """The DatabaseError a low-level failure of the database at ``where`` becomes, with its code."""
    detail = redact((str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0])
    code = next((code for words, _, code in _SQLITE_FAILURES if words in detail.lower()), Refusal.DB_FAILED)
    return DatabaseError(f"{where}: {describe_failure(exc)}", code=code, params={"where": where, "detail": detail})


def _is_failure(exc: BaseException) -> bool:
    """Failures of the database itself (locked, full, read-only, damaged), not refused statements."""
    return isinstance(exc, OperationalError) or type(exc) is SQLDatabaseError


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def default_database_path() -> Path:
    """The per-user data folder's curator.db (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Curator", "Curator")) / "curator.db"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """Turn ``--db`` (a path or an SQLAlchemy URL), else $CURATOR_DB, else the default, into a URL.

    A URL's passwords are remembered so that no message shows them (curator.redaction); ``postgres://``
    (libpq's spelling) means ``postgresql://``. A malformed URL is a DatabaseError.
    """
    value = str(db) if db else os.environ.get(ENV_VAR) or str(default_database_path())
    if "://" not in value:
        path = str(Path(value).expanduser().resolve())
        # A URL reads "?" as its query, "#" as a fragment and "%XX" as an escape: a folder named so must not
        # send the database to another path.
        return "sqlite:///" + path.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    remember_secrets(value)
    if value.startswith("postgres://"):
        value = "postgresql://" + value.removeprefix("postgres://")
    try:
        make_url(value)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(f"cannot use database URL {redact(repr(value))}: {redact(exc)}",
                            code=Refusal.DB_BAD_URL, params={"url": redact(value), "detail": redact(exc)}) from None
    return value


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    path = sqlite_path(url)
    assert path is not None, url

    @event.listens_for(engine, "do_connect")
    def _open_existing_only(_dialect: Dialect, _record: ConnectionPoolEntry, cargs: list[Any],
                            cparams: dict[str, Any]) -> None:
        # A file deleted or moved under a running desk must not come back empty on the next connection.
        cargs[:] = [sqlite_uri(path)]
        cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        keep_waiting = _keep_waiting.get()
        if immediate and keep_waiting is not None:
            _begin_immediate_while(conn, keep_waiting)
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _begin_immediate_while(conn: Connection, keep_waiting: Callable[[], bool]) -> None:
    """BEGIN IMMEDIATE in short tries, asking ``keep_waiting`` between them; gives up as the busy timeout
    and its retries would (an OperationalError), or at once when the person stopped waiting."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S * (LOCK_RETRIES + 1)
    conn.exec_driver_sql(f"PRAGMA busy_timeout={LOCK_POLL_MS}")
    try:
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not _is_locked(exc) or time.monotonic() > deadline:
                    raise
            if not keep_waiting():
                raise WriteAbandoned("you stopped waiting for the database: nothing was recorded",
                                     code=Refusal.WRITE_ABANDONED)
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")


class Database:
    """Engines and session factories for one database URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self._identity = file_identity(self.path)
        #: Ids of the events this process committed (a desk's live feed leaves them out: already shown).
        self.own_events: set[int] = set()
        try:
            if self.path is not None:
                self.read_engine = _sqlite_engine(url, immediate=False)
                self.write_engine = _sqlite_engine(url, immediate=True)
            else:
                self.read_engine = create_engine(url, pool_pre_ping=True)
                self.write_engine = self.read_engine
        except (ArgumentError, ImportError) as exc:
            raise DatabaseError(f"cannot use database URL {redact(repr(url))}: {redact(exc)}",
                                code=Refusal.DB_BAD_URL, params={"url": redact(url), "detail": redact(exc)}) from None
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        search_index.keep_fresh(self._writer)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def display_name(self) -> str:
        """Where the data lives, for status bars and messages (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return redact(make_url(self.url).render_as_string(hide_password=True))

    def file_problem(self) -> FileProblem | None:
        """Whether the SQLite file is still there, still the file that was opened, and readable and
        writable by this process (None when all is well, and always for a server). Cheap: one stat."""
        if self.path is None:
            return None
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return FileProblem(f"the database file {self.path} is gone (deleted or moved): nothing can be saved "
                               "or read until it is back", code=Refusal.DB_GONE, params={"path": self.path})
        except OSError as exc:
            return FileProblem(f"the database file {self.path} cannot be reached ({exc.strerror})",
                               code=Refusal.DB_UNREACHABLE, params={"path": self.path, "detail": exc.strerror})
        identity = (status.st_dev, status.st_ino)
        if self._identity is None:
            self._identity = identity
        elif identity != self._identity:
            return FileProblem(f"the database file {self.path} was replaced by another file while it was open: "
                               "nothing can be saved; restart the desk to open the new file",
                               code=Refusal.DB_REPLACED, params={"path": self.path})
        if not may_access(self.path, os.R_OK):
            return FileProblem(f"the database file {self.path} cannot be read (check the file's permissions)",
                               code=Refusal.DB_UNREADABLE, params={"path": self.path})
        if not may_access(self.path, os.W_OK):
            return FileProblem(f"the database file {self.path} is read-only: nothing can be saved (check the "
                               "file's permissions)", readable=True, code=Refusal.DB_FILE_READ_ONLY,
                               params={"path": self.path})
        return None

    def _refuse_if(self, problem: FileProblem | None) -> None:
        # Pooled connections still hold a deleted or replaced file open: without this they would read
        # and write a file nobody can see any more.
        if problem is not None:
            raise DatabaseError(problem.message, code=problem.code, params=problem.params)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        problem = self.file_problem()
        self._refuse_if(problem if problem is not None and not problem.readable else None)
        try:
            with self._reader() as session:
                yield session
        except (OperationalError, SQLDatabaseError) as exc:
            if server.is_connection_problem(exc):
                raise server.connection_lost(self.display_name, exc, committing=False) from None
            if not _is_failure(exc):
                raise
            raise failure_error(self.display_name, exc) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error.

        The transaction takes the write lock before the block runs (BEGIN IMMEDIATE on SQLite); if
        another desk holds it beyond the busy timeout, taking it is retried a few times. A failure of
        the database (locked, disk full, read-only, damaged) becomes a DatabaseError with a clear
        message; nothing of the block is then saved.
        """
        self._refuse_if(self.file_problem())
        committing = False
        try:
            with self._begin_write() as session:
                server.take_write_lock(session)
                yield session
                committing = True  # from here on a lost connection may have lost the commit or not
                appended = events.announce(session)  # the server's notification goes out with the commit
                seen = witness.head_to_witness(session)
                session.commit()
            self.own_events.update(appended)
            if seen is not None:
                witness.saw_write(self, *seen)
        except StaleDataError:
            raise ConflictError("the record was changed by someone else in the meantime: reload it",
                                code=Refusal.RECORD_CHANGED) from None
        except (OperationalError, SQLDatabaseError) as exc:
            if server.is_connection_problem(exc):
                raise server.connection_lost(self.display_name, exc, committing) from None
            if not _is_failure(exc):
                raise
            raise failure_error(self.display_name, exc) from None

    def _begin_write(self) -> Session:
        """A session whose write transaction has begun (and on SQLite holds the write lock). Without
        ``lock_waits_while`` (the command line) a lock held beyond the busy timeout is tried again a few
        times; with it, the short tries of ``_begin_immediate_while`` already wait as long."""
        retries = LOCK_RETRIES if _keep_waiting.get() is None else 0
        for attempt in range(retries + 1):
            session = self._writer()
            try:
                session.connection()  # emits BEGIN (IMMEDIATE) now, not at the block's first statement
                return session
            except BaseException as exc:
                session.close()
                if not _is_locked(exc) or attempt == retries:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


def open_database(db: str | os.PathLike[str] | None = None, create: bool = True,
                  auto_backup: bool = True) -> Database:
    """Open (and if needed create or upgrade) the Curator database named by ``db``.

    Only with ``create`` is a missing SQLite file made (``curator init``, ``demo``); without it a missing
    file is refused. Once open, the engines open the file in SQLite's mode=rw, so a file deleted or
    moved under a running desk is never quietly recreated empty (see ``Database.file_problem``).

    A file that is not an SQLite database, or an SQLite database that is not Curator's, is refused
    with a DatabaseError before anything is written to it. An older schema is upgraded after the
    file is backed up (curator.storage.backups). With ``auto_backup``, an existing SQLite file also gets its
    daily backup the first time it is opened each day (in a background thread, see
    ``curator.storage.backups.daily_backup_in_background``).
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    existed = path is not None and path.is_file() and path.stat().st_size > 0
    if path is not None:
        check_sqlite_file(path, create)
        if not path.exists():
            create_sqlite_file(path)
    database = Database(url)
    try:
        schema.prepare(database, backup=lambda: backup_before_migration(database))
    except (OperationalError, SQLDatabaseError) as exc:
        database.dispose()
        if server.is_connection_problem(exc):
            raise server.connection_lost(database.display_name, exc, committing=False) from None
        raise failure_error(f"cannot open database {database.display_name}", exc) from None
    except DatabaseError:
        database.dispose()
        raise
    if existed and auto_backup and path is not None:
        backups.daily_backup_in_background(path)
    return database


def backup_before_migration(database: Database) -> Path | None:
    """Back an SQLite file up (into the backup folder) before its schema is changed; returns the copy.

    Raises DatabaseError when the copy cannot be made, so no upgrade runs without one.
    """
    if database.path is None or not database.path.exists():
        return None
    return backups.before_migration(database.path)


def table_names(database: Database) -> set[str]:
    return set(inspect(database.read_engine).get_table_names())
