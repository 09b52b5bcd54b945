"""Helpers for the data-safety tests: the CLI as a separate process, private demo copies, forged chains."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from curator.db import Database
from curator.events import compute_hash
from curator.models import ChainHead, Event

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    """``curator ARGS`` in a separate process, as a user runs it."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, **(env or {})}, **kwargs)


def copy_file(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


def sql(path: Path, statement: str, *params: object) -> list[tuple]:
    """Run one statement on the file directly, as someone editing it behind the app's back would."""
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(statement, params).fetchall()


def files_of(path: Path) -> dict[str, bytes]:
    """The database file and any side files, byte for byte."""
    return {p.name: p.read_bytes() for p in path.parent.glob(f"{path.name}*")}


def rewrite_chain(db: Database, from_id: int) -> None:
    """Recompute every hash from event ``from_id`` on and the chain head: a forger who knows the scheme."""
    with db.write() as session:
        previous = session.get(Event, from_id - 1)
        prev_hash = previous.hash if previous else "0" * 64
        for event in session.execute(select(Event).where(Event.id >= from_id).order_by(Event.id)).scalars():
            event.prev_hash = prev_hash
            event.hash = compute_hash(event)
            prev_hash = event.hash
        head = session.get(ChainHead, 1)
        assert head is not None
        head.last_hash = prev_hash
