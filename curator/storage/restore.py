"""Restoring a backup: only a sound backup of an earlier state of this database replaces it, writers
wait meanwhile, and the current content is kept first.

1. The backup is copied into a staging file next to the database and checked there (SQLite's integrity
   check, Curator's schema, the hash chain and the mass balances); an empty one is refused.
2. The live database takes the write lock (BEGIN IMMEDIATE) and keeps it until the restore ends: a desk
   that saves meanwhile waits (or is told the database is busy), so no event acknowledged to it can be
   dropped; it lands on the restored state afterwards.
3. Under the lock, the backup's history is compared with the live one (curator.storage.restore_history):
   another database's or a rewritten chain is refused unless the history is replaced on purpose
   (``replacement``: why, and the admin who said so); going back N events needs ``accept_loss`` of at least N.
4. The live content is saved in the backup folder, then replaced table by table from the staging file
   in the same transaction, so the file is never half restored and open desks carry on. A replaced
   history gets, in the same transaction, a ``history_replaced`` event at the end of the restored chain.

A database that cannot be read at all (damaged, not SQLite) has no history to keep: it is saved as it is
and the staging file renamed over it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import OperationalError

from curator import witness
from curator.errors import DatabaseError
from curator.storage import backups, schema
from curator.storage.identity import identity_of_file
from curator.storage.restore_history import HistoryHead, HistoryReplacement, judge, read_head, record_replacement

_SIDE_FILES = ("-wal", "-shm", "-journal")
LOCK_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    saved_copy: Path | None
    events: int
    dropped: int = 0  # events of the database that the restored state does not have (kept in saved_copy)
    history_replaced: bool = False
    replacement_event: int = 0  # the history_replaced event the restored chain ends with


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


def check_restorable(staging: Path, label: str,
                     identity: Callable[[], str | None] = lambda: None) -> tuple[int, HistoryHead]:
    """Raise DatabaseError unless ``staging`` is a sound Curator database; returns its event count and the
    head of its history as the backup has it.

    A backup of an older schema is upgraded in the staging copy (the backup file itself stays as it is);
    the head is read before, since an upgrade may append events (genesis facts) of its own. A backup from
    before identities takes ``identity()`` (the database it is restored into), which its chain then states.
    """
    from curator.events import chain_head_code
    from curator.integrity import verify
    from curator.storage.db import Database, resolve_url

    damage = _integrity_errors(staging)
    if damage:
        raise DatabaseError(f"{label} is damaged ({damage[0]}): nothing was restored")
    try:
        with closing(sqlite3.connect(staging)) as conn:
            head: HistoryHead | None = read_head(conn, "main", identity_of_file(staging))
    except sqlite3.Error:
        head = None  # not Curator's: the schema check below says so
    db = Database(resolve_url(staging))
    try:
        given = identity() if head is not None and head.identity is None else None
        schema.prepare(db, backup=lambda: None, identity=given)  # the backup file is the copy
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
    if head is None:
        raise DatabaseError(f"{label} has no chain of events: nothing was restored")
    return events, head


def _readable_curator_file(path: Path) -> bool:
    """Whether ``path`` is a Curator database whose history can be read (else it is replaced whole)."""
    if not backups.is_sqlite_file(path):
        return False
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT last_event_id FROM chain_head").fetchone()
            return backups.file_damage(conn) is None
    except sqlite3.Error:
        return False


def _bring_up_to_date(path: Path) -> None:
    """Upgrade the live database to the staging copy's schema (with its own backup before the upgrade)."""
    from curator.storage.db import open_database

    open_database(path, create=False, auto_backup=False).dispose()


@contextmanager
def _writers_locked_out(target: Path, staging: Path) -> Iterator[sqlite3.Connection]:
    """A connection to ``target`` holding its write lock, with ``staging`` attached as ``restored``.

    Commits when the block ends normally, else rolls back; either way the lock is released.
    """
    conn = sqlite3.connect(target, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")  # tables are refilled one by one inside the transaction
        conn.execute("ATTACH DATABASE ? AS restored", (str(staging),))
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise DatabaseError(f"{target} stayed busy for {LOCK_TIMEOUT_S:.0f} s ({exc}): nothing was restored; "
                                "try again when the desks are quieter") from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def _copy_content(conn: sqlite3.Connection) -> None:
    """Replace every table of ``main`` by the same table of the attached ``restored`` (same schema)."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM restored.sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' "
        "OR name = 'sqlite_sequence') ORDER BY name")]
    for table in tables:
        columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f'PRAGMA restored.table_info("{table}")'))
        conn.execute(f'DELETE FROM main."{table}"')
        conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM restored."{table}"')


def _replace_file(staging: Path, target: Path) -> None:
    """Rename ``staging`` over an unreadable ``target`` (its stale journal would be replayed onto it)."""
    for suffix in _SIDE_FILES:
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staging, target)


def restore(backup: str | os.PathLike[str], database: str | os.PathLike[str], accept_loss: int = 0,
            replacement: HistoryReplacement | None = None) -> RestoreResult:
    """Replace the content of the SQLite database ``database`` by the verified content of ``backup``.

    Raises DatabaseError, leaving ``database`` untouched, when the backup is missing, not SQLite, damaged,
    not Curator's, of a newer schema, empty or fails verification; when it is not an earlier state of this
    database and no ``replacement`` (with a reason) is given; or when it is more than ``accept_loss`` events behind.
    Otherwise the current content is first saved in the backup folder and the result names that copy.
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
        # an old backup of this database takes its identity (one older than identities keeps the backup's)
        events, restored = check_restorable(staging, str(source), lambda: identity_of_file(target))
        if restored.event_id == 0:
            raise DatabaseError(f"{source} holds no events: an empty database is never restored; nothing was restored")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not _readable_curator_file(target):
            saved = backups.save_copy_before_restore(target)
            _replace_file(staging, target)
            return RestoreResult(source, target, saved, events)
        _bring_up_to_date(target)
        with _writers_locked_out(target, staging) as conn:
            current = read_head(conn, "main", identity_of_file(target))
            verdict = judge(conn, str(source), restored, current, accept_loss,
                            replacement.reason if replacement else "")
            saved = backups.save_copy_before_restore(target)  # a reader: sees the locked, current state
            _copy_content(conn)  # the identity comes with it: the restored chain states it
            said = 0
            if verdict.history_replaced and replacement is not None:
                said = record_replacement(conn, replacement, source, restored, current)
    finally:
        _remove(staging)
    witness.restored(target, verdict.history_replaced)  # on purpose: what this desk saw after it is void
    return RestoreResult(source, target, saved, events, verdict.dropped, verdict.history_replaced, said)

