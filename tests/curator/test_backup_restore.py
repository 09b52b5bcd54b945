"""Backups: online copies while desks write, a restore that refuses bad files and keeps the current
one, daily rotation on open, and the mandatory copy before a schema upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import signs_as
from safety_support import copy_file, downgrade, run_cli, seeded_file, sql

from curator.errors import DatabaseError
from curator.storage import backups, schema
from curator.storage.db import open_database
from curator.storage.identity import identity_of_file
from curator.storage.restore import restore

LATER_EVENTS = "SELECT count(*) FROM events WHERE note = 'later'"


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_file(demo_template, tmp_path / "demo.db")


@pytest.fixture(autouse=True)
def default_backup_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(backups.ENV_FOLDER, raising=False)
    monkeypatch.delenv(backups.ENV_KEEP, raising=False)
    yield
    backups.configure(None, None)


def head_of(path: Path) -> tuple[int, str]:
    return sql(path, "SELECT last_event_id, last_hash FROM chain_head")[0]


def test_backup_while_another_desk_is_writing(demo: Path, tmp_path: Path) -> None:
    committed = head_of(demo)
    desk = sqlite3.connect(demo, isolation_level=None)
    desk.execute("PRAGMA journal_mode=WAL")
    desk.execute("BEGIN IMMEDIATE")  # a transaction in progress, holding the write lock
    desk.execute("UPDATE chain_head SET last_event_id = last_event_id + 1")
    try:
        made = run_cli("backup", str(tmp_path / "copy.db"), "--db", str(demo))
    finally:
        desk.execute("ROLLBACK")
        desk.close()
    assert made.returncode == 0, made.stderr
    assert f"chain head {committed[0]}-{committed[1][:12]}" in made.stdout
    copy = tmp_path / "copy.db"
    assert head_of(copy) == committed  # the committed state, none of the transaction in progress
    assert run_cli("verify", "--db", str(copy)).returncode == 0
    again = run_cli("backup", str(copy), "--db", str(demo))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_restore_replaces_the_database_and_keeps_the_current_file(demo: Path, tmp_path: Path) -> None:
    good = copy_file(demo, tmp_path / "good-backup.db")
    run_cli("record", "note", sql(demo, "SELECT barcode FROM containers LIMIT 1")[0][0], "--note", "later",
            "--operator", "Li Wei", "--db", str(demo), env=signs_as("Li Wei"))
    newer = head_of(demo)
    restored = run_cli("restore", str(good), "--db", str(demo), "--backup-dir", str(tmp_path / "kept"),
                       "--accept-loss", "1")  # going back one event
    assert restored.returncode == 0, restored.stderr
    assert head_of(demo) == head_of(good) != newer
    kept = list((tmp_path / "kept").glob(f"{backups.backup_name(demo)}-before-restore-*.db"))
    assert len(kept) == 1 and head_of(kept[0]) == newer  # nothing is lost by restoring
    assert run_cli("verify", "--db", str(demo)).returncode == 0


@pytest.mark.parametrize("damage", ["tampered", "random bytes", "truncated", "newer schema", "foreign"])
def test_restore_refuses_a_bad_backup_and_leaves_the_database_alone(demo: Path, tmp_path: Path,
                                                                     damage: str) -> None:
    bad = copy_file(demo, tmp_path / "bad.db")
    if damage == "tampered":
        sql(bad, "UPDATE events SET note = 'forged' WHERE id = 10")
    elif damage == "random bytes":
        bad.write_bytes(bytes(range(256)) * 64)
    elif damage == "truncated":
        bad.write_bytes(bad.read_bytes()[: 5 * 4096])
    elif damage == "newer schema":
        sql(bad, "UPDATE alembic_version SET version_num = '9999_future'")
    else:
        bad.unlink()
        sql(bad, "CREATE TABLE recipes (name TEXT)")
    before = demo.read_bytes()
    refused = run_cli("restore", str(bad), "--db", str(demo))
    assert refused.returncode == 2, refused.stdout
    assert "nothing was restored" in refused.stderr or "not" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert demo.read_bytes() == before
    left = sorted(p.name for p in demo.parent.iterdir() if not p.name.startswith("bad.db"))
    assert left == ["demo.db"]  # no staging file left over, no backup folder made


def test_restoring_a_backup_of_an_older_schema_upgrades_it(tmp_path: Path) -> None:
    demo = seeded_file(tmp_path / "desk.db")
    old = copy_file(demo, tmp_path / "old-backup.db")
    downgrade(old, "0001")
    assert sql(old, "SELECT version_num FROM alembic_version") == [("0001",)]
    before, identity = old.read_bytes(), identity_of_file(demo)
    restore(old, demo)
    assert identity_of_file(demo) == identity  # the backup had none yet: the database keeps its own
    assert sql(demo, "SELECT version_num FROM alembic_version") == [(schema.head_revision(),)]
    assert old.read_bytes() == before  # the backup itself is never changed
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no staging leftovers
    assert run_cli("verify", "--db", str(demo)).returncode == 0


def test_restore_over_a_damaged_database(demo: Path, tmp_path: Path) -> None:
    good = copy_file(demo, tmp_path / "good.db")
    demo.write_bytes(b"\x00garbage" * 1000)
    result = restore(good, demo)
    assert head_of(demo) == head_of(good)
    assert result.saved_copy is not None and result.saved_copy.read_bytes() == b"\x00garbage" * 1000


def test_daily_backups_rotate(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rotating"
    start = date(2026, 1, 1)
    made = [backups.daily_backup(demo, folder, keep=3, today=start + timedelta(days=n)) for n in range(5)]
    assert all(made) and backups.daily_backup(demo, folder, keep=3, today=start + timedelta(days=4)) is None
    name = backups.backup_name(demo)
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}-daily-2026-01-0{n}.db" for n in (3, 4, 5)]
    assert head_of(folder / f"{name}-daily-2026-01-05.db") == head_of(demo)


def test_opening_makes_one_backup_a_day_in_the_chosen_folder(demo: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(backups.ENV_FOLDER, str(tmp_path / "from-env"))
    for _ in range(2):
        open_database(demo).dispose()
        backups.wait_for_backups()
    expected = f"{backups.backup_name(demo)}-daily-{date.today()}.db"
    assert [p.name for p in (tmp_path / "from-env").iterdir()] == [expected]
    backups.configure(tmp_path / "chosen")  # a preference beats the environment
    open_database(demo).dispose()
    backups.wait_for_backups()
    assert [p.name for p in (tmp_path / "chosen").iterdir()] == [f"{backups.backup_name(demo)}-daily-{date.today()}.db"]
    open_database(tmp_path / "brand-new.db").dispose()  # nothing to back up yet
    backups.wait_for_backups()
    assert not list((tmp_path / "chosen").glob("brand-new*"))


def test_keeping_none_turns_daily_backups_off_but_not_the_upgrade_copy(demo: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(backups.ENV_KEEP, "0")
    backups.configure(tmp_path / "none")
    open_database(demo).dispose()
    backups.wait_for_backups()
    made = run_cli("backup", "--daily", "--db", str(demo), "--backup-dir", str(tmp_path / "none"))
    assert made.returncode == 0 and "off" in made.stdout
    assert not (tmp_path / "none").exists()
    assert backups.before_migration(demo).exists()


def test_restore_while_a_desk_has_the_database_open(demo: Path, tmp_path: Path) -> None:
    good = copy_file(demo, tmp_path / "good.db")
    desk = open_database(demo, auto_backup=False)
    try:
        run_cli("record", "note", sql(demo, "SELECT barcode FROM containers LIMIT 1")[0][0], "--note", "later",
                "--operator", "Li Wei", "--db", str(demo), env=signs_as("Li Wei"))
        with desk.read() as session:
            assert session.connection().exec_driver_sql(LATER_EVENTS).scalar() == 1
        restore(good, demo, accept_loss=1)
        with desk.read() as session:  # the open desk sees the restored content at its next read
            assert session.connection().exec_driver_sql(LATER_EVENTS).scalar() == 0
    finally:
        desk.dispose()
    assert run_cli("verify", "--db", str(demo)).returncode == 0


def test_the_daily_backup_runs_beside_the_desk_once(demo: Path, tmp_path: Path) -> None:
    backups.configure(tmp_path / "beside")
    workers = [backups.daily_backup_in_background(demo) for _ in range(3)]  # three desks opened at once
    backups.wait_for_backups()
    assert all(worker is not None and not worker.is_alive() for worker in workers)
    assert [p.name for p in (tmp_path / "beside").iterdir()] == [f"{backups.backup_name(demo)}-daily-{date.today()}.db"]
    assert backups.daily_backup_in_background(demo) is None  # today's exists: no thread at all


def test_a_failing_daily_backup_does_not_stop_the_desk(demo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    backups.configure(blocker)
    open_database(demo).dispose()
    backups.wait_for_backups()
    assert blocker.read_text() == "a file where the backup folder should be"


SECOND_REVISION = '''"""a later schema, for the test (on top of the app's newest)"""
from alembic import op
import sqlalchemy as sa

revision = "9000_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("test_extra")
'''


@pytest.fixture
def newer_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app after an update that brings a second schema revision."""
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9000_test.py").write_text(SECOND_REVISION.replace("{head}", schema.head_revision()))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(schema, "SCHEMA_HEAD", "9000_test")  # what the updated app's constant would say


def test_an_upgrade_is_preceded_by_a_backup(demo: Path, tmp_path: Path, newer_app: None) -> None:
    old = sql(demo, "SELECT version_num FROM alembic_version")
    backups.configure(tmp_path / "safe")
    open_database(demo, auto_backup=False).dispose()
    copies = list((tmp_path / "safe").glob("demo-*before-upgrade-*.db"))
    assert len(copies) == 1
    assert sql(copies[0], "SELECT version_num FROM alembic_version") == old
    assert sql(demo, "SELECT version_num FROM alembic_version") == [("9000_test",)]
    assert head_of(copies[0]) == head_of(demo)


def test_no_upgrade_without_a_backup(demo: Path, tmp_path: Path, newer_app: None) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    backups.configure(blocker)
    with closing(sqlite3.connect(demo)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, old = demo.read_bytes(), sql(demo, "SELECT version_num FROM alembic_version")
    with pytest.raises(DatabaseError, match="cannot back up"):
        open_database(demo)
    assert demo.read_bytes() == before
    assert sql(demo, "SELECT version_num FROM alembic_version") == old
