"""Each database's identity: a UUID made when the database is created (migration 0004), read here.

It names backups (``<stem>-<first 8 hex digits>-daily-<date>.db``) and lets a restore tell a backup of
this database from another facility's. The chain states it (the first event's ``"database"``, or a genesis
fact of an upgraded database: migration 0010), so `verify` proves the row.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def identity_of_file(path: Path) -> str | None:
    """The identity stored in the SQLite file ``path``; None when it has none or cannot be read."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def short_identity(identity: str) -> str:
    """The part of an identity that goes into file names: its first 8 hexadecimal digits."""
    return identity.replace("-", "")[:8]
