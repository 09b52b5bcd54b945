"""Witnesses outside the database: the chain heads this desk has seen, in an append-only log of its own.

Every CLI run that verifies or writes, and every desk, appends the chain head it saw (event id, full
hash, which database, when) to ``witnessed-heads.jsonl`` in the user's data folder
($CURATOR_WITNESS_DIR overrides it). `curator verify` then checks that each event this desk ever saw
still has the hash it had, so a history rewritten with recomputed hashes (which the chain alone cannot
show) is found by any desk that saw the old one. What stays out of reach: someone who can write both the
database and every desk's witness log.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from curator.storage.models import ChainHead, Event

if TYPE_CHECKING:
    from curator.integrity import Problem
    from curator.storage.db import Database

ENV_FOLDER = "CURATOR_WITNESS_DIR"
LOG_NAME = "witnessed-heads.jsonl"
_log = logging.getLogger(__name__)
#: On while a command runs or a desk is open: committed writes then witness the head they left.
_witnessing = False
#: The newest head each database's writes left, not yet in the log (written at the end of the command,
#: and at most FLUSH_SECONDS later on a desk that stays open), so a log line is not one per write.
_pending: dict[str, tuple[Database, int, str]] = {}
_last_flush = 0.0
FLUSH_SECONDS = 60.0


@dataclass(frozen=True)
class SeenHead:
    event_id: int
    hash: str
    seen_at: str


def log_path() -> Path:
    folder = os.environ.get(ENV_FOLDER)
    if not folder:
        from platformdirs import user_data_dir

        folder = user_data_dir("curator")
    return Path(folder) / LOG_NAME


def database_identity(db: Database) -> str:
    """Which database a head belongs to: its URL, with the file path made absolute and no password."""
    if db.path is not None:
        return _file_identity(db.path)
    url = make_url(db.url)
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def _file_identity(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


@contextmanager
def witnessing() -> Iterator[None]:
    """While the block runs, committed writes witness the chain head they left (logged when it ends)."""
    global _witnessing
    before, _witnessing = _witnessing, True
    try:
        yield
    finally:
        _witnessing = before
        flush()


def head_to_witness(session: Session) -> tuple[int, str] | None:
    """The chain head a write transaction is about to commit, if it appended events and witnessing is on."""
    head = session.info.pop("chain_head", None)
    return head if _witnessing else None


def saw_write(db: Database, event_id: int, event_hash: str) -> None:
    """A write committed and left this head: log it at the end of the command (or within a minute)."""
    _pending[database_identity(db)] = (db, event_id, event_hash)
    if time.monotonic() - _last_flush > FLUSH_SECONDS:
        flush()


def flush() -> None:
    """Write the pending heads to the log."""
    global _last_flush
    _last_flush = time.monotonic()
    while _pending:
        _identity, (db, event_id, event_hash) = _pending.popitem()
        record(db, event_id, event_hash)


def record(db: Database, event_id: int, event_hash: str) -> None:
    """Append one seen head to the log."""
    if event_id:
        _append({"database": database_identity(db), "event_id": event_id, "hash": event_hash})


def restored(path: Path, history_replaced: bool = False) -> None:
    """This desk restored the SQLite file ``path`` to an earlier state on purpose: the heads it saw after
    that state (with ``history_replaced``, all it saw) are no longer expected; the restored head is."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        event_id, event_hash = conn.execute("SELECT last_event_id, last_hash FROM chain_head").fetchone()
    _append({"database": _file_identity(path), "event_id": event_id, "hash": event_hash,
             "restored": "replaced" if history_replaced else "earlier"})


def _append(entry: dict[str, object]) -> None:
    """One line at the end of the log. A log that cannot be written is a warning, never a failure of the
    work that was witnessed (it is already committed)."""
    line = json.dumps({**entry, "seen_at": datetime.now(UTC).isoformat(timespec="seconds")})
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, (line + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as exc:
        _log.warning("cannot write the witness log %s: %s", path, exc.strerror or exc)


def witness_current_head(db: Database, verified: bool = False) -> None:
    """Append the head the database has now (after a verify, or when a desk opens or closes); ``verified``
    marks the head a full walk found consistent (the desk's start-up check goes on from there)."""
    with db.read() as session:
        head = session.get(ChainHead, 1)
        seen = (head.last_event_id, head.last_hash) if head is not None else (0, "")
    if verified and seen[0]:
        _append({"database": database_identity(db), "event_id": seen[0], "hash": seen[1], "verified": "full"})
    else:
        record(db, *seen)


def seen_heads(db: Database) -> list[SeenHead]:
    """Every distinct head this desk's log holds for ``db`` (first sighting of each), oldest first."""
    identity = database_identity(db)
    seen: dict[tuple[int, str], SeenHead] = {}
    try:
        lines = log_path().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        try:
            entry = json.loads(line)
            if entry["database"] == identity:
                key = (int(entry["event_id"]), str(entry["hash"]))
                if entry.get("restored"):
                    replaced = entry["restored"] == "replaced"
                    seen = {old: head for old, head in seen.items() if old[0] <= key[0] and not replaced}
                seen.setdefault(key, SeenHead(key[0], key[1], str(entry["seen_at"])))
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash, or not ours: it proves nothing
    return list(seen.values())


def check(db: Database) -> list[Problem]:
    """A problem for each head this desk saw whose event is gone or no longer has the hash it had."""
    from curator.integrity import Problem

    heads = seen_heads(db)
    if not heads:
        return []
    ids = sorted({head.event_id for head in heads})
    stored: dict[int, str] = {}
    with db.read() as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for event_id, event_hash in session.execute(select(Event.id, Event.hash).where(Event.id.in_(chunk))):
                stored[event_id] = event_hash
    problems = []
    for head in heads:
        now = stored.get(head.event_id)
        if now is None:
            problems.append(Problem(f"this desk saw this event on {head.seen_at} (witness log {log_path()}); "
                                    "it is gone: history was cut", head.event_id))
        elif now != head.hash:
            problems.append(Problem(f"history was rewritten: this desk saw this event with hash "
                                    f"{head.hash[:16]}… on {head.seen_at}, it now has {now[:16]}… "
                                    f"(witness log {log_path()})", head.event_id))
    return problems


def verify_with_witnesses(db: Database, head: str | None = None,
                          cancelled: Callable[[], bool] = lambda: False) -> list[Problem]:
    """`verify`, and also every head this desk saw of ``db``; then the head seen now is witnessed."""
    from curator.integrity import verify

    problems = verify(db, head=head, cancelled=cancelled) + check(db)
    witness_current_head(db, verified=not problems)
    return problems


def last_verified(db: Database) -> SeenHead | None:
    """The head at which this desk's last full walk of ``db`` found nothing wrong, if its log has one."""
    identity, found = database_identity(db), None
    try:
        lines = log_path().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        try:
            entry = json.loads(line)
            if entry["database"] == identity and entry.get("verified"):
                found = SeenHead(int(entry["event_id"]), str(entry["hash"]), str(entry["seen_at"]))
            elif entry["database"] == identity and entry.get("restored"):
                found = None  # a restore: the walk starts again from the beginning
        except (ValueError, KeyError, TypeError):
            continue
    return found
