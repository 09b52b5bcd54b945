"""Backups of an SQLite Curator database: on demand, once a day, before every schema upgrade, and restore.

Every copy is made with SQLite's online backup API, so it is consistent even while desks are writing,
and it appears under its final name only once complete (written as ``*.partial``, then renamed).

Where the automatic backups go (first that is set):

1. ``configure(folder=...)`` — the desk app calls this from its preferences before ``open_database``;
2. the environment variable ``CURATOR_BACKUP_DIR``;
3. a folder ``<database name>-backups`` next to the database file.

``configure(keep=...)`` or ``CURATOR_BACKUP_KEEP`` sets how many of each kind are kept (default 7; 0 turns
the daily backups off, never the one before an upgrade):
daily backups are named ``<name>-daily-YYYY-MM-DD.db``, the copies made before an upgrade
``<name>-before-upgrade-<UTC stamp>.db`` and before a restore ``<name>-before-restore-<UTC stamp>.db``,
where ``<name>`` is the database file's stem and the first 8 hex digits of its identity (curator.storage.identity),
e.g. ``curator-3f2a9c1e``: two desks' files both called curator.db never clash in one backup folder.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from contextlib import closing, suppress
from datetime import UTC, date, datetime
from pathlib import Path

from curator.errors import DatabaseError, Refusal
from curator.safe_output import fsync_path
from curator.storage.identity import identity_of_file, short_identity

ENV_FOLDER = "CURATOR_BACKUP_DIR"
ENV_KEEP = "CURATOR_BACKUP_KEEP"
DEFAULT_KEEP = 7

log = logging.getLogger(__name__)
_settings: dict[str, object] = {"folder": None, "keep": None}
_daily_lock = threading.Lock()  # one daily backup at a time in this process
_workers: list[threading.Thread] = []


def configure(folder: str | os.PathLike[str] | None = None, keep: int | None = None) -> None:
    """Choose the folder of automatic backups and how many of each kind to keep (None: the default)."""
    if keep is not None and keep < 0:
        raise ValueError("the number of backups to keep cannot be negative")
    # Made absolute now: a relative folder must not follow later changes of the working directory.
    _settings["folder"] = Path(folder).expanduser().resolve() if folder else None
    _settings["keep"] = keep


def backup_folder(db_path: Path) -> Path:
    """The folder automatic backups of ``db_path`` go to (see the module docstring)."""
    chosen = _settings["folder"] or os.environ.get(ENV_FOLDER)
    if chosen:
        return Path(str(chosen)).expanduser().resolve()
    return db_path.parent / f"{db_path.stem}-backups"


def keep_count() -> int:
    """How many backups of each kind to keep; 0 means no daily backups."""
    configured = _settings["keep"] if _settings["keep"] is not None else os.environ.get(ENV_KEEP)
    try:
        return max(0, int(str(configured))) if configured not in (None, "") else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def is_sqlite_file(path: Path) -> bool:
    """Whether SQLite can read ``path`` as a database (an empty file counts as an empty database).

    Asked through SQLite itself, never by opening the file with open(): closing any plain descriptor of
    a database file drops every POSIX lock this process holds on it, and another desk could then delete
    the WAL under this process's open connections (https://www.sqlite.org/howtocorrupt.html, 2.2).
    """
    if not path.is_file():
        return False
    try:
        with closing(_read_only(path)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def file_damage(conn: sqlite3.Connection) -> str | None:
    """The first finding of SQLite's quick check of ``conn``'s database, or None when it is sound."""
    findings = [line for row in conn.execute("PRAGMA quick_check") for line in str(row[0]).splitlines()
                if line != "ok" and not line.startswith("***")]
    return findings[0] if findings else None


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither create nor change ``path``."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def online_backup(source: Path, target: Path, check: bool = False) -> Path:
    """Copy the live database ``source`` to ``target`` with SQLite's online backup API.

    Safe while other desks write (the copy is one consistent snapshot); ``target`` appears only when
    the copy is complete and on disk. With ``check``, a copy that fails SQLite's quick check (the
    source is damaged) is thrown away, so it never pushes a good backup out of the rotation. Raises
    DatabaseError with the reason when no backup was made.
    """
    if not is_sqlite_file(source):
        raise DatabaseError(f"{source} is not an SQLite database file: nothing to back up",
                            code=Refusal.DB_NOT_CURATOR, params={"name": source})
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with closing(_read_only(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            damage = file_damage(dst) if check else None
        if damage:
            raise sqlite3.DatabaseError(f"the database is damaged ({damage}); no backup was made")
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except (sqlite3.Error, OSError) as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise DatabaseError(f"cannot back up {source} to {target}: {exc}", code=Refusal.BACKUP_FAILED,
                            params={"path": target, "detail": exc}) from None
    return target


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def prune(folder: Path, prefix: str, keep: int) -> list[Path]:
    """Delete the oldest ``prefix*.db`` files beyond the newest ``keep``; returns what was deleted."""
    found = sorted(folder.glob(f"{prefix}*.db"))  # names carry sortable dates
    doomed = found[:-keep] if keep > 0 else found
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def daily_backup(db_path: Path, folder: Path | None = None, keep: int | None = None,
                 today: date | None = None) -> Path | None:
    """Make today's backup of ``db_path`` unless it exists; keep the newest ``keep`` daily backups.

    Returns the new backup, or None when today's already exists or daily backups are off (keep 0).
    Called by ``open_database``; a desk app left open for days may also call it (or
    ``daily_backup_quietly``) from a timer.
    """
    keep = keep_count() if keep is None else keep
    target = _daily_target(db_path, folder, today)
    if keep == 0 or target.exists():
        return None
    with _daily_lock:
        if target.exists():  # made meanwhile by another thread
            return None
        online_backup(db_path, target, check=True)
        prune(target.parent, f"{backup_name(db_path)}-daily-", keep)
    return target


def _daily_target(db_path: Path, folder: Path | None = None, today: date | None = None) -> Path:
    return (folder or backup_folder(db_path)) / f"{backup_name(db_path)}-daily-{(today or date.today()).isoformat()}.db"


def backup_name(db_path: Path) -> str:
    """The start of every backup's name: the file's stem and its identity's prefix (the stem alone for a
    file without an identity yet, e.g. the copy made before the upgrade that gives it one)."""
    identity = identity_of_file(db_path)
    return f"{db_path.stem}-{short_identity(identity)}" if identity else db_path.stem


def daily_backup_in_background(db_path: Path) -> threading.Thread | None:
    """Start today's backup of ``db_path`` in a background thread unless it exists (or keep is 0).

    ``open_database`` calls this, so a large database never delays opening the desk. The thread is
    not a daemon: a command that ends first waits for the backup to finish, never leaving half a copy.
    """
    if keep_count() == 0 or _daily_target(db_path).exists():
        return None
    worker = threading.Thread(target=daily_backup_quietly, args=(db_path,), name="curator-daily-backup")
    worker.start()
    _workers.append(worker)
    return worker


def wait_for_backups(timeout: float | None = None) -> None:
    """Wait until the background backups started in this process have finished."""
    for worker in list(_workers):
        worker.join(timeout)
    _workers[:] = [worker for worker in _workers if worker.is_alive()]


def daily_backup_quietly(db_path: Path) -> Path | None:
    """``daily_backup``, but a failure (full disk, unwritable folder) only logs a warning: the
    desk must still open. The backup before a migration, in contrast, is mandatory."""
    try:
        return daily_backup(db_path)
    except (DatabaseError, OSError) as exc:
        log.warning("automatic daily backup failed: %s", exc)
        return None


def before_migration(db_path: Path) -> Path:
    """The mandatory copy made before a schema upgrade (raises DatabaseError if it cannot be made)."""
    folder = backup_folder(db_path)
    prefix = f"{backup_name(db_path)}-before-upgrade-"
    target = online_backup(db_path, folder / f"{prefix}{_stamp()}.db", check=True)
    prune(folder, prefix, max(1, keep_count()))
    return target


def save_copy_before_restore(db_path: Path) -> Path | None:
    """Keep the current file before a restore replaces it, even when it is damaged."""
    if not db_path.exists():
        return None
    folder = backup_folder(db_path)
    target = folder / f"{backup_name(db_path)}-before-restore-{_stamp()}.db"
    try:
        return online_backup(db_path, target)
    except DatabaseError:  # damaged or foreign: keep its bytes as they are
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            original = Path(f"{db_path}{suffix}")
            if original.exists():
                Path(f"{target}{suffix}").write_bytes(original.read_bytes())
        return target
