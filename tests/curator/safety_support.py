"""Helpers for the data-safety tests: the CLI as a separate process, private demo copies, forged chains."""

from __future__ import annotations

import ctypes
import io
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sqlalchemy import event, select

import curator.storage.db
from curator.events import compute_hash
from curator.storage.db import Database
from curator.storage.models import ChainHead, Event

ROOT = Path(__file__).resolve().parents[2]
_LIBC = ctypes.CDLL(None, use_errno=True)  # loaded before any fork: the child only calls into it


def without_root_override() -> None:
    """In a child (``preexec_fn``): give up root's licence to ignore file permissions (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH), so a chmod 0444 file is read-only for it as for any user."""
    for capability in (1, 2):
        if _LIBC.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def as_a_user() -> dict[str, object]:
    """subprocess.run arguments that run the child without root's licence (when the tests run as root)."""
    return {"preexec_fn": without_root_override} if os.geteuid() == 0 else {}


def run_cli(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    """``curator ARGS`` in a separate process, as a user runs it."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, **(env or {})}, **kwargs)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``curator ARGS`` run in this process (faster than ``run_cli``), with the same result shape."""
    from ui.cli import main

    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exc:  # argparse refusing an argument
                status = int(exc.code or 0)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())


def copy_file(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


def sql(path: Path, statement: str, *params: object) -> list[tuple]:
    """Run one statement on the file directly, as someone editing it behind the app's back would."""
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(statement, params).fetchall()


def downgrade(path: Path, revision: str) -> None:
    """Take the SQLite file back to an older schema, as an older Curator left it."""
    from alembic import command
    from sqlalchemy import create_engine

    from curator.storage import schema

    engine = create_engine(f"sqlite:///{path}")  # without Curator's pragmas: SQLite rebuilds tables to drop columns
    config = schema.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.commit()
    engine.dispose()


def seeded_file(path: Path) -> Path:
    """A small SQLite database of today's schema whose every fact a downgrade keeps in the chain
    (no photos, no investigators: their rows would be dropped with their tables)."""
    from factories import SHELF, sample, seed

    from curator.storage.db import open_database

    db = open_database(path)
    seed(db)
    sample(db, position=f"{SHELF} / P1")
    db.dispose()
    return path


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


def fill_the_disk(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """From now on every new connection sees a disk that is full at ``path``'s current size.

    SQLite's ``PRAGMA max_page_count`` caps the file at its current page count, so the next write
    that needs a new page fails with SQLITE_FULL ("database or disk is full"), as on a full disk.
    """
    pages = path.stat().st_size // 4096
    make_engine = curator.storage.db._sqlite_engine

    def engine_on_a_full_disk(url: str, immediate: bool):  # type: ignore[no-untyped-def]
        engine = make_engine(url, immediate)
        event.listen(engine, "connect", lambda conn, _record: conn.execute(f"PRAGMA max_page_count={pages}"))
        return engine

    monkeypatch.setattr(curator.storage.db, "_sqlite_engine", engine_on_a_full_disk)


@contextmanager
def full_disk(folder: Path, size_kb: int = 16) -> Iterator[str]:
    """``folder`` on a disk with only ``size_kb`` KiB: a real tmpfs of that size when this process may
    mount one (root), else writes beyond that size refused by RLIMIT_FSIZE (EFBIG, SIGXFSZ ignored) while
    the block runs. Yields which of the two it is; inspect ``folder`` inside the block."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if mounted:
        try:
            yield "tmpfs"
        finally:
            subprocess.run(["umount", str(folder)], check=True)
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size_kb * 1024, hard))
    try:
        yield "rlimit"
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
