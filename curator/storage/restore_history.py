"""Whether a backup is an earlier state of the live database, and what restoring it would drop.

Both sides are read on one SQLite connection that holds the live database's write lock (``main``) with
the checked staging copy attached (``restored``), so the answer cannot change before the restore ends.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from curator.errors import DatabaseError


@dataclass(frozen=True)
class HistoryHead:
    """The last event of a database's chain, and the database's identity (None before schema 0004)."""

    event_id: int
    hash: str
    identity: str | None

    @property
    def code(self) -> str:
        return f"{self.event_id}-{self.hash[:12]}"


@dataclass(frozen=True)
class Verdict:
    dropped: int  # events of the live database the restored state does not have
    history_replaced: bool


def read_head(conn: sqlite3.Connection, schema: str, identity: str | None) -> HistoryHead:
    row = conn.execute(f"SELECT last_event_id, last_hash FROM {schema}.chain_head WHERE id = 1").fetchone()
    return HistoryHead(int(row[0]), str(row[1]), identity) if row else HistoryHead(0, "", identity)


def _hash_at(conn: sqlite3.Connection, schema: str, event_id: int) -> str | None:
    row = conn.execute(f"SELECT hash FROM {schema}.events WHERE id = ?", (event_id,)).fetchone()
    return str(row[0]) if row else None


def _difference(conn: sqlite3.Connection, restored: HistoryHead, current: HistoryHead) -> str:
    """Why the backup is not an earlier (or later) state of the live database; '' when it is."""
    if restored.identity and current.identity and restored.identity != current.identity:
        return f"it is another database (identity {restored.identity[:8]}, this one {current.identity[:8]})"
    if restored.event_id <= current.event_id:
        if _hash_at(conn, "main", restored.event_id) != restored.hash:
            return f"this database's event {restored.event_id} differs from the backup's (a rewritten history)"
    elif _hash_at(conn, "restored", current.event_id) != current.hash:
        return f"the backup's event {current.event_id} differs from this database's (a rewritten history)"
    return ""


def judge(conn: sqlite3.Connection, label: str, restored: HistoryHead, current: HistoryHead, accept_loss: int,
          replace_history_reason: str) -> Verdict:
    """Raise DatabaseError unless restoring ``restored`` over ``current`` is allowed; say what it drops."""
    if current.event_id == 0:  # an empty database has no history to lose or contradict
        return Verdict(0, False)
    difference = _difference(conn, restored, current)
    if difference:
        if not replace_history_reason.strip():
            raise DatabaseError(
                f"{label} is not an earlier state of this database: {difference}. Restoring it replaces this "
                f"database's history ({current.event_id} events, head {current.code}); to do that on purpose "
                "give --replace-history --reason TEXT. Nothing was restored")
        return Verdict(current.event_id, True)
    dropped = max(0, current.event_id - restored.event_id)
    if dropped > accept_loss:
        raise DatabaseError(
            f"{label} is {dropped} events behind this database (backup head {restored.code}, database head "
            f"{current.code}): restoring it drops the last {dropped} events (the current file is kept in the "
            f"backup folder). Give --accept-loss {dropped} to go back. Nothing was restored")
    return Verdict(dropped, False)


def write_note(saved: Path, source: Path, restored: HistoryHead, current: HistoryHead, reason: str) -> Path:
    """Beside the copy kept before a restore that replaced history: what was replaced, by what, and why."""
    note = saved.with_name(saved.stem + "-replaced-history.txt")
    note.write_text(
        f"History replaced at {datetime.now(UTC).isoformat(timespec='seconds')}\n"
        f"reason: {reason.strip()}\n"
        f"previous history: head {current.code}, identity {current.identity or '(none)'} (kept in {saved.name})\n"
        f"restored from {source}: head {restored.code}, identity {restored.identity or '(none)'}\n",
        encoding="utf-8")
    return note
