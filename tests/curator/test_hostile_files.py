"""Broken and hostile database files: a truncated or random-bytes file, a read-only file, a full disk
and a newer schema each give one clear line through the CLI (no traceback), keep the file byte for
byte, and lose nothing.

How each is simulated: truncation and random bytes are written into a copy of the demo file; the
read-only file is chmod 0444 (when the tests run as root, the CLI process drops the capability that
lets root ignore file permissions, CAP_DAC_OVERRIDE, with prctl before it starts); the full disk is
SQLite's own limit on the file size, ``PRAGMA max_page_count``, set to the file's current size on
every connection, so SQLite answers SQLITE_FULL exactly as on a full disk.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from factories import DEMO_PINS
from safety_support import as_a_user, cli, copy_file, fill_the_disk, run_cli, sql

from curator.integrity import verify
from curator.storage.db import open_database
from ui.cli import main

TECH = "Li Wei"


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    """`curator record` here signs as TECH, who gives their PIN in $CURATOR_PIN (CLI processes inherit it)."""
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS[TECH])


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = copy_file(demo_template, tmp_path / "demo.db")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def barcode(path: Path) -> str:
    return sql(path, "SELECT barcode FROM containers ORDER BY id LIMIT 1")[0][0]


def assert_clear_refusal(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.startswith("curator: "), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def use_the_damaged_file(path: Path, code: str) -> list:  # type: ignore[type-arg]
    """`curator verify` and `curator record` on the file (in this process: no boundary matters here)."""
    return [cli("verify", "--db", str(path)),
            cli("record", "note", code, "--note", "hello", "--operator", TECH, "--db", str(path))]


@pytest.mark.parametrize("keep", [100, 4096, 3 * 4096, 0.5, -4096])
def test_a_truncated_file(demo: Path, keep: float) -> None:
    code, data = barcode(demo), demo.read_bytes()
    size = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    demo.write_bytes(data[:size])
    damaged = demo.read_bytes()
    for result in use_the_damaged_file(demo, code):
        if result.returncode == 1:  # a cut late in the file may leave the chain readable but short
            assert "problem(s) found" in result.stdout
            continue
        assert_clear_refusal(result)
        assert any(word in result.stderr for word in ("damaged", "cannot be read", "not a Curator", "malformed"))
    assert demo.read_bytes() == damaged


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.db"
    path.write_bytes(random.Random(5).randbytes(64 * 1024))
    for result in use_the_damaged_file(path, "JAR-1"):
        assert_clear_refusal(result, "not a Curator database")
    assert path.read_bytes() == random.Random(5).randbytes(64 * 1024)


def test_random_bytes_behind_a_valid_header(demo: Path) -> None:
    code, data = barcode(demo), demo.read_bytes()
    noise = random.Random(7).randbytes(len(data) - 4096)
    demo.write_bytes(data[:4096] + noise)  # the header and schema page survive, the rest is noise
    damaged = demo.read_bytes()
    for result in use_the_damaged_file(demo, code):
        assert_clear_refusal(result)
    assert demo.read_bytes() == damaged


def test_a_newer_schema(demo: Path) -> None:
    sql(demo, "UPDATE alembic_version SET version_num = '9999_future'")
    before = demo.read_bytes()
    for result in use_the_damaged_file(demo, barcode(demo)):
        assert_clear_refusal(result, "newer version of Curator")
    assert demo.read_bytes() == before


def test_a_read_only_file(demo: Path) -> None:
    code, events = barcode(demo), sql(demo, "SELECT count(*) FROM events")[0][0]
    demo.chmod(0o444)
    before = demo.read_bytes()
    as_user = as_a_user()
    reading = run_cli("verify", "--db", str(demo), **as_user)
    assert reading.returncode == 0, reading.stderr  # reading a read-only file works
    writing = run_cli("record", "note", code, "--note", "hello", "--operator", TECH, "--db", str(demo), **as_user)
    assert_clear_refusal(writing, "read-only")
    assert demo.read_bytes() == before
    demo.chmod(0o644)
    assert sql(demo, "SELECT count(*) FROM events")[0][0] == events


def test_a_full_disk(demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, before = barcode(demo), demo.read_bytes()
    fill_the_disk(monkeypatch, demo)
    status = main(["record", "note", code, "--note", "x" * 200_000, "--operator", TECH, "--db", str(demo)])
    captured = capsys.readouterr()
    assert status == 2 and "disk is full" in captured.err and "nothing was saved" in captured.err
    assert "Traceback" not in captured.err
    assert main(["verify", "--db", str(demo)]) == 0  # reading still works on a full disk
    monkeypatch.undo()
    db = open_database(demo, auto_backup=False)
    try:
        assert verify(db) == []
        with db.read() as session:
            notes = session.connection().exec_driver_sql("SELECT count(*) FROM events WHERE note LIKE 'xxx%'")
            assert notes.scalar() == 0  # no half-saved event
    finally:
        db.dispose()
    with closing(sqlite3.connect(demo)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert demo.read_bytes() == before


def test_a_damaged_page_is_reported_and_never_rotated_into_the_backups(demo: Path, tmp_path: Path) -> None:
    root = sql(demo, "SELECT rootpage FROM sqlite_master WHERE name = 'ix_events_sample_id_id'")[0][0]
    data = bytearray(demo.read_bytes())
    data[(root - 1) * 4096 + 8: root * 4096] = random.Random(3).randbytes(4096 - 8)  # an index page
    demo.write_bytes(bytes(data))
    folder = tmp_path / "backups"
    checked = run_cli("verify", "--db", str(demo), env={"CURATOR_BACKUP_DIR": str(folder)})
    assert "Traceback" not in checked.stderr
    assert checked.returncode in (1, 2) and "damaged" in checked.stdout + checked.stderr
    assert not list(folder.glob("*.db"))  # a damaged copy never pushes a good backup out
    assert demo.read_bytes() == bytes(data)
