"""Helpers for the PostgreSQL tests: cutting a desk's server connection from outside, as a crash would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, event, text

from curator.storage.db import Database


def terminate(db: Database, pid: int) -> None:
    """Cut one server connection from outside (pg_terminate_backend), as a crash or a network cut would."""
    admin = create_engine(db.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    admin.dispose()


@contextmanager
def cut_before_the_next_event_insert(db: Database) -> Iterator[list[int]]:
    """Within the block, the first INSERT INTO events finds its connection cut; yields the cut pids."""
    cuts: list[int] = []

    def cut(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO events") and not cuts:
            cuts.append(conn.connection.dbapi_connection.info.backend_pid)
            terminate(db, cuts[0])

    event.listen(db.write_engine, "before_cursor_execute", cut)
    try:
        yield cuts
    finally:
        event.remove(db.write_engine, "before_cursor_execute", cut)
