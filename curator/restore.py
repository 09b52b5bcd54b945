"""Restoring a backup: only a file that passes every check replaces the database, and the current
file is kept first.

The backup is copied into a staging file next to the database, checked there (SQLite's integrity
check, Curator's schema, the hash chain and the mass balances), and only then copied into the
database with SQLite's online backup API, so the database file is never half-replaced and never
replaced by a bad file.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import OperationalError

from curator import backups, schema
from curator.errors import DatabaseError

_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    saved_copy: Path | None
    events: int


def _remove(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _integrity_errors(path: Path) -> list[str]:
    try:
        with closing(sqlite3.connect(path)) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def check_restorable(staging: Path, label: str) -> int:
    """Raise DatabaseError unless ``staging`` is a sound Curator database; returns its event count.

    A backup of an older schema is upgraded in the staging copy (the backup file itself stays as it is).
    """
    from curator.db import Database, resolve_url
    from curator.events import chain_head_code
    from curator.integrity import verify

    damage = _integrity_errors(staging)
    if damage:
        raise DatabaseError(f"{label} is damaged ({damage[0]}): nothing was restored")
    db = Database(resolve_url(staging))
    try:
        schema.prepare(db, backup=lambda: None)  # the backup file is the copy
        problems = verify(db)
        with db.read() as session:
            events = int(chain_head_code(session).split("-")[0])
    except (DatabaseError, OperationalError) as exc:
        raise DatabaseError(f"{label} cannot be restored: {getattr(exc, 'orig', exc)}; nothing was restored") from None
    finally:
        db.dispose()
    if problems:
        raise DatabaseError(f"{label} fails verification ({len(problems)} problem(s), first: {problems[0]}): "
                            "nothing was restored")
    return events


def _install(staging: Path, target: Path) -> None:
    """Copy ``staging`` into ``target``: online into a sound database, by renaming over a broken one."""
    if target.exists() and backups.is_sqlite_file(target):
        try:
            with closing(sqlite3.connect(staging)) as src, closing(sqlite3.connect(target, timeout=30)) as dst:
                src.backup(dst)
            return
        except sqlite3.Error:
            pass  # the current file is damaged: it was saved aside, so replace it whole
    for suffix in _SIDE_FILES:  # a stale journal would be replayed onto the restored file
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staging, target)


def restore(backup: str | os.PathLike[str], database: str | os.PathLike[str]) -> RestoreResult:
    """Replace the SQLite database file ``database`` by the verified content of ``backup``.

    Raises DatabaseError, leaving ``database`` untouched, when the backup is missing, not SQLite,
    damaged, not Curator's, of a newer schema or fails verification. Otherwise the current file is
    first saved in the backup folder (see curator.backups) and the result names that copy.
    """
    source, target = Path(backup).resolve(), Path(database).resolve()
    if not source.is_file():
        raise DatabaseError(f"no backup file at {source}")
    if source == target:
        raise DatabaseError("the backup and the database are the same file")
    staging = target.with_name(f".{target.name}.restoring")
    _remove(staging)
    try:
        backups.online_backup(source, staging)
        events = check_restorable(staging, str(source))
        saved = backups.save_copy_before_restore(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        _install(staging, target)
    finally:
        _remove(staging)
    return RestoreResult(source, target, saved, events)
