"""What a database server (PostgreSQL) needs beyond SQLite: one writer at a time, and a lost connection
told apart from other failures.

On SQLite, BEGIN IMMEDIATE makes desks queue for the write lock. On a server, every write transaction
first takes a transaction-scoped advisory lock, so the same holds: a write sees everything committed
before it, and no two desks interleave (the chain head row is also locked FOR UPDATE by
``curator.events``). Reads never wait for it.

A connection the server dropped (restart, network cut, terminated backend) becomes ``ConnectionLost``.
The transaction it carried was rolled back by the server, so nothing of it was saved, and the next
attempt reconnects by itself (``pool_pre_ping``); ``retrying`` runs such a step once more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from curator.errors import ConnectionLost, Refusal
from curator.redaction import redact

#: The advisory lock every write transaction on a server holds until it ends ("CURA").
WRITE_LOCK_KEY = 0x43555241
#: The advisory lock held while the schema is created or upgraded ("CURB").
MIGRATION_LOCK_KEY = 0x43555242
#: How long a write waits for another desk's write before giving up (as SQLite's busy timeout).
LOCK_TIMEOUT_S = 30

T = TypeVar("T")


def take_write_lock(session: Session) -> None:
    """Queue behind any other desk's write; a no-op on SQLite (BEGIN IMMEDIATE already did it)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_S}s'"))
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def take_migration_lock(conn: Connection) -> None:
    """Hold off other desks' schema upgrades until this connection's transaction ends (server only).

    The one that waited then finds the schema current, and Alembic has nothing left to do.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def is_connection_problem(exc: BaseException) -> bool:
    """True when the server could not be reached or dropped the connection (not a refused statement)."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if type(orig).__module__.split(".")[0] != "psycopg":
        return False
    sqlstate = getattr(orig, "sqlstate", None)
    from psycopg import OperationalError

    if sqlstate is None:
        return isinstance(orig, OperationalError)
    return sqlstate.startswith(("08", "57P"))  # connection exception, operator intervention


def connection_lost(where: str, exc: BaseException, committing: bool) -> ConnectionLost:
    """The error to show for a lost connection during a transaction's work or its commit."""
    detail = redact(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]) if str(exc).strip() else ""
    if committing:
        return ConnectionLost(
            f"the connection to {where} was lost while saving ({detail}): the change may or may not "
            "have been saved; look before doing it again", retry_safe=False, code=Refusal.CONNECTION_LOST_SAVING,
            params={"where": where, "detail": detail})
    return ConnectionLost(
        f"lost the connection to {where}, or cannot reach it ({detail}): nothing half-done was saved; "
        "try again (Curator reconnects by itself)", retry_safe=True, code=Refusal.CONNECTION_LOST,
        params={"where": where, "detail": detail})


def retrying(action: Callable[[], T], attempts: int = 2) -> T:
    """Run ``action``; when it fails with a lost connection that saved nothing, run it again."""
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except ConnectionLost as exc:
            if not exc.retry_safe or attempt == attempts:
                raise
    raise AssertionError("unreachable")
