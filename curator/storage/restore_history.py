"""Whether a backup is an earlier state of the live database, and what restoring it would drop.

Both sides are read on one SQLite connection that holds the live database's write lock (``main``) with
the checked staging copy attached (``restored``), so the answer cannot change before the restore ends.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import DatabaseError
from curator.operators import UNNAMED_SIGNER
from curator.storage.genesis import chained_event
from curator.storage.models import Event
from curator.vocabulary import EventKind, Role

#: How SQLAlchemy's DateTime stores a (naive UTC) time in SQLite, so the ORM reads these rows back alike.
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


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
class HistoryReplacement:
    """Why a database's history is replaced, and the admin who said so (their PIN proven against it)."""

    reason: str
    name: str
    role: str


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


@dataclass(frozen=True)
class RecordedReplacement:
    """A history_replaced event of the chain, as `curator verify` tells it."""

    event_id: int
    occurred_at: datetime
    reason: str
    by: str
    replaced: str  # the replaced history's head code and identity

    def __str__(self) -> str:
        moment = self.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (f"note: event {self.event_id} ({moment}): {self.by} replaced this database's history "
                f"({self.replaced}) by restoring a backup: {self.reason}")


def recorded_replacements(session: Session) -> list[RecordedReplacement]:
    """Every history replacement the chain records, oldest first."""
    found = []
    query = select(Event.id, Event.occurred_at, Event.details).where(Event.kind == EventKind.HISTORY_REPLACED)
    for event_id, occurred_at, details in session.execute(query.order_by(Event.id)):
        stated = json.loads(details)
        by, old = stated.get("by") or {}, stated.get("replaced") or {}
        head = f"head {old.get('event_id')}-{str(old.get('hash', ''))[:12]}, identity {str(old.get('identity'))[:8]}"
        found.append(RecordedReplacement(event_id, occurred_at, str(stated.get("reason", "")),
                                         f"{by.get('name')} ({by.get('role')})", head))
    return found


def record_replacement(conn: sqlite3.Connection, replacement: HistoryReplacement, source: Path,
                       restored: HistoryHead, current: HistoryHead) -> int:
    """In the restored chain (``main`` after the copy, still under the lock), the event that says its history
    replaced another: why, who, and the heads and identities of both. Signed by the unattended signer (the
    admin who said so was proven against the replaced database, whose operators are gone); returns its id."""
    identity = conn.execute("SELECT uuid FROM main.database_identity WHERE id = 1").fetchone()
    details = {"reason": replacement.reason.strip(), "by": {"name": replacement.name, "role": replacement.role},
               "replaced": {"event_id": current.event_id, "hash": current.hash, "identity": current.identity},
               "restored": {"file": source.name, "event_id": restored.event_id, "hash": restored.hash,
                            "identity": identity[0] if identity else restored.identity}}
    signer = _unattended_signer(conn)
    return _append(conn, EventKind.HISTORY_REPLACED.value, signer, details, replacement.reason.strip())


def _unattended_signer(conn: sqlite3.Connection) -> tuple[int, dict[str, str]]:
    """The unattended signer of the database in ``main``, added (and registered) when it has none."""
    found = conn.execute("SELECT id, role FROM main.operators WHERE name = ?", (UNNAMED_SIGNER,)).fetchone()
    if found is not None:
        return int(found[0]), {"name": UNNAMED_SIGNER, "role": str(found[1])}
    role = Role.TECHNICIAN.value
    row: dict[str, Any] = {"name": UNNAMED_SIGNER, "role": role, "pin_hash": "", "active": True,
                           "failed_pins": 0, "locked_until": None}
    operator_id = conn.execute("INSERT INTO main.operators (name, role, pin_hash, active, failed_pins, locked_until) "
                               "VALUES (:name, :role, :pin_hash, :active, :failed_pins, :locked_until)", row).lastrowid
    assert operator_id is not None
    signer = (operator_id, {"name": UNNAMED_SIGNER, "role": role})
    _append(conn, EventKind.REGISTERED.value, signer, {"table": "operators", "row": operator_id, "set": row},
            "signs a history replacement")
    return signer


def _append(conn: sqlite3.Connection, kind: str, signer: tuple[int, dict[str, str]], details: dict[str, Any],
            note: str) -> int:
    last_id, last_hash = conn.execute("SELECT last_event_id, last_hash FROM main.chain_head WHERE id = 1").fetchone()
    now = datetime.now(UTC)
    event = chained_event(last_id, last_hash, kind, signer, details, note, now)
    conn.execute("INSERT INTO main.events (id, kind, occurred_at, operator_id, note, details, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (event.id, kind, now.replace(tzinfo=None).strftime(SQLITE_TIME),
                                                     signer[0], note, event.details, event.prev_hash, event.hash))
    conn.execute("UPDATE main.chain_head SET last_event_id = ?, last_hash = ? WHERE id = 1", (event.id, event.hash))
    return int(event.id)
