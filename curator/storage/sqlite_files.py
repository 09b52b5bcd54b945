"""The SQLite file behind a database: its path and URI, the one place a file is created, and what is wrong
with one (gone, replaced, unreadable, not a Curator database), read without writing a byte."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from curator.errors import DatabaseError, Refusal
from curator.storage import schema

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for a server or in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def sqlite_uri(path: Path, create: bool = False) -> str:
    """SQLite's own URI for ``path``: mode=rw opens only an existing file; mode=rwc may create it."""
    return f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"


@dataclass(frozen=True)
class FileProblem:
    """What is wrong with an open database's SQLite file, in one line; ``readable`` if reads still work."""

    message: str
    readable: bool = False
    code: Refusal | None = None
    params: dict[str, object] = field(default_factory=dict)


def file_identity(path: Path | None) -> tuple[int, int] | None:
    try:
        status = path.stat() if path is not None else None
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if status is not None else None


def may_access(path: Path, mode: int) -> bool:
    """Whether this process may read (or write) the file, as the kernel would decide for it."""
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def create_sqlite_file(path: Path) -> None:
    """The one place a missing database file comes into being (``curator init``, ``demo``, tests)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(sqlite_uri(path, create=True), uri=True).close()
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot create the database file {path}: {exc}", code=Refusal.DB_CANNOT_CREATE,
                            params={"path": path, "detail": exc}) from None


def check_sqlite_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path} (create one with `curator init` or `curator demo`)",
                                code=Refusal.DB_MISSING, params={"path": path})
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file", code=Refusal.DB_FOLDER, params={"path": path})
    if path.stat().st_size == 0:
        return
    tables, revision = peek_schema(path)
    schema.refuse_foreign_or_newer(str(path), tables, revision)


def has_sqlite_header(path: Path) -> bool:
    """Only called once SQLite refused the file, so no connection of ours is open on it."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def peek_schema(path: Path) -> tuple[set[str], str | None]:
    """Table names and Alembic revision, read without writing a byte (read-only, no WAL switch)."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:  # read through SQLite, not open(): see backups.is_sqlite_file
        if str(exc) == "file is not a database" and not has_sqlite_header(path):
            raise DatabaseError(f"{path} is not a Curator database (not an SQLite file); it was left untouched",
                                code=Refusal.DB_NOT_CURATOR, params={"name": path}) from None
        raise DatabaseError(f"{path} cannot be read as a database ({exc}); it was left untouched. If it is "
                            "damaged, restore a backup with `curator restore`", code=Refusal.DB_DAMAGED,
                            params={"where": path, "detail": exc}) from None
    return tables, revision
