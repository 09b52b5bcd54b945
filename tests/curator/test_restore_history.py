"""Restore that loses nothing (issue 11, section 5): writers wait while a restore runs, a backup that is
not an earlier state of this database is refused unless history is replaced on purpose, going back needs
--accept-loss, an empty backup is refused, and every database has an identity that names its backups."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from factories import signs_as
from safety_support import ROOT, copy_file, downgrade, rewrite_chain, run_cli, seeded_file, sql

from curator.errors import DatabaseError
from curator.storage import backups
from curator.storage.db import open_database
from curator.storage.identity import identity_of_file, short_identity
from curator.storage.restore import restore


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_file(demo_template, tmp_path / "demo.db")


@pytest.fixture(autouse=True)
def backups_beside(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(backups.ENV_FOLDER, str(tmp_path / "kept"))
    monkeypatch.setenv(backups.ENV_KEEP, "0")  # no daily copies in the way
    yield
    backups.configure(None, None)


def container(path: Path) -> str:
    return sql(path, "SELECT barcode FROM containers ORDER BY id LIMIT 1")[0][0]


def note(path: Path, text: str) -> None:
    made = run_cli("record", "note", container(path), "--note", text, "--operator", "Li Wei", "--db", str(path),
                   env=signs_as("Li Wei"))
    assert made.returncode == 0, made.stderr


def events(path: Path) -> int:
    return sql(path, "SELECT last_event_id FROM chain_head")[0][0]


def test_going_back_says_how_far_and_needs_accept_loss(demo: Path, tmp_path: Path) -> None:
    old = copy_file(demo, tmp_path / "old.db")
    for text in ("one", "two", "three"):
        note(demo, text)
    refused = run_cli("restore", str(old), "--db", str(demo))
    assert refused.returncode == 2 and "3 events behind" in refused.stderr and "--accept-loss 3" in refused.stderr
    assert events(demo) == events(old) + 3
    too_little = run_cli("restore", str(old), "--db", str(demo), "--accept-loss", "2")
    assert too_little.returncode == 2 and events(demo) == events(old) + 3
    done = run_cli("restore", str(old), "--db", str(demo), "--accept-loss", "3")
    assert done.returncode == 0, done.stderr
    assert "went back 3 events" in done.stdout and events(demo) == events(old)
    kept = list((tmp_path / "kept").glob("demo-*-before-restore-*.db"))
    assert len(kept) == 1
    assert sql(kept[0], "SELECT count(*) FROM events WHERE note IN ('one', 'two', 'three')") == [(3,)]
    assert run_cli("verify", "--db", str(demo)).returncode == 0


def test_another_database_is_refused_unless_history_is_replaced_with_a_reason(demo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    assert run_cli("demo", "--db", str(other)).returncode == 0  # same facts, its own identity and hashes
    mine = identity_of_file(demo)
    refused = run_cli("restore", str(other), "--db", str(demo))
    assert refused.returncode == 2 and "not an earlier state" in refused.stderr and "another database" in refused.stderr
    no_reason = run_cli("restore", str(other), "--db", str(demo), "--replace-history")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    assert identity_of_file(demo) == mine
    no_admin = run_cli("restore", str(other), "--db", str(demo), "--replace-history", "--reason", "merging desks")
    assert no_admin.returncode == 2 and "--operator" in no_admin.stderr
    curator = run_cli("restore", str(other), "--db", str(demo), "--replace-history", "--reason", "merging desks",
                      "--operator", "Chen Jing", env=signs_as("Chen Jing"))
    assert curator.returncode == 2 and "only a admin may replace a database's history" in curator.stderr
    old_head = sql(demo, "SELECT last_event_id, last_hash FROM chain_head")[0]
    other_head = sql(other, "SELECT last_event_id, last_hash FROM chain_head")[0]
    done = run_cli("restore", str(other), "--db", str(demo), "--replace-history", "--reason", "merging desks",
                   "--operator", "Wang Fang", env=signs_as("Wang Fang"))
    assert done.returncode == 0, done.stderr
    assert identity_of_file(demo) == identity_of_file(other) != mine
    assert not list((tmp_path / "kept").glob("*.txt"))  # the reason is in the chain, not in a file beside it
    # the restored chain ends with the event that says why, who, and what it replaced
    (event_id, kind, note, signer, details), = sql(
        demo, "SELECT e.id, e.kind, e.note, o.name, e.details FROM events e JOIN operators o ON o.id = e.operator_id "
              "WHERE e.id = (SELECT last_event_id FROM chain_head)")
    assert f"event {event_id} records why and by whom" in done.stdout
    assert (kind, note, signer) == ("history_replaced", "merging desks", "Curator (unattended)")
    stated = json.loads(details)
    assert stated["by"] == {"name": "Wang Fang", "role": "admin"} and stated["reason"] == "merging desks"
    assert stated["replaced"] == {"event_id": old_head[0], "hash": old_head[1], "identity": mine}
    assert stated["restored"] == {"file": "other.db", "event_id": other_head[0], "hash": other_head[1],
                                  "identity": identity_of_file(other)}
    verified = run_cli("verify", "--db", str(demo))
    assert verified.returncode == 0 and f"note: event {event_id} (" in verified.stdout
    assert "Wang Fang (admin) replaced this database's history" in verified.stdout
    assert f"head {old_head[0]}-{old_head[1][:12]}, identity {mine[:8]}) by restoring a backup: merging desks" \
        in verified.stdout
    # verify proves what it says: the restored head it names must be in the chain before it
    sql(demo, "UPDATE events SET details = ? WHERE id = ?",
        details.replace(other_head[1], "0" * 64), event_id)
    db = open_database(demo, auto_backup=False)
    rewrite_chain(db, event_id)
    db.dispose()
    found = run_cli("verify", "--db", str(demo))
    assert found.returncode == 1 and f"says the history restored ended at event {other_head[0]}" in found.stdout


def test_a_rewritten_history_is_refused(demo: Path, tmp_path: Path) -> None:
    forged = copy_file(demo, tmp_path / "forged.db")
    sql(forged, "UPDATE events SET note = 'forged' WHERE id = 40")
    db = open_database(forged, auto_backup=False)
    rewrite_chain(db, 40)  # hashes recomputed: the forged copy passes verify on its own
    db.dispose()
    assert run_cli("verify", "--db", str(forged)).returncode == 0
    refused = run_cli("restore", str(forged), "--db", str(demo))
    assert refused.returncode == 2 and "rewritten history" in refused.stderr
    assert sql(demo, "SELECT count(*) FROM events WHERE note = 'forged'") == [(0,)]


def test_an_empty_database_is_never_restored(demo: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    assert run_cli("init", "--db", str(empty)).returncode == 0
    refused = run_cli("restore", str(empty), "--db", str(demo), "--replace-history", "--reason", "x",
                      "--accept-loss", "100000", "--operator", "Wang Fang", env=signs_as("Wang Fang"))
    assert refused.returncode == 2 and "holds no events" in refused.stderr
    assert events(demo) > 0


def test_every_database_has_an_identity_that_names_its_backups(demo: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-backups"
    desks = [tmp_path / "desk-a" / "curator.db", tmp_path / "desk-b" / "curator.db"]
    for path in desks:
        path.parent.mkdir()
        copy_file(demo, path) if path.parent.name == "desk-a" else run_cli("demo", "--db", str(path))
    identities = [identity_of_file(path) for path in desks]
    assert None not in identities and identities[0] != identities[1]
    for path in desks:
        made = run_cli("backup", "--daily", "--db", str(path), "--backup-dir", str(shared), env={backups.ENV_KEEP: "7"})
        assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in shared.iterdir()) == sorted(
        f"curator-{short_identity(identity)}-daily-{date.today()}.db" for identity in identities)


def test_an_existing_database_gets_its_identity_in_the_upgrade(tmp_path: Path) -> None:
    demo = seeded_file(tmp_path / "desk.db")
    downgrade(demo, "0003_genesis")
    assert identity_of_file(demo) is None
    open_database(demo, auto_backup=False).dispose()
    assert identity_of_file(demo) is not None
    assert run_cli("verify", "--db", str(demo)).returncode == 0


WRITER = textwrap.dedent("""
    import os, sys
    from curator.storage.db import open_database
    from curator.errors import CuratorError
    from curator.handling import record_observation
    db = open_database(sys.argv[1], create=False, auto_backup=False)
    number = 0
    while not os.path.exists(sys.argv[3]):  # until the test says stop
        try:
            record_observation(db, "Li Wei", "note", sys.argv[2], note=f"writer {number}")
        except CuratorError as exc:  # told it was not saved: that is no loss
            print(f"refused {number} {exc}", flush=True)
        else:
            print(f"saved {number}", flush=True)
        number += 1
""")


def test_no_event_saved_while_a_restore_runs_is_lost(demo: Path, tmp_path: Path) -> None:
    old = copy_file(demo, tmp_path / "old.db")
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(demo), container(demo), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        first = [writer.stdout.readline() for _ in range(5)]  # the writer is under way
        assert all(line.startswith("saved") for line in first), first
        refused = run_cli("restore", str(old), "--db", str(demo))  # going back without --accept-loss
        assert refused.returncode == 2 and "events behind" in refused.stderr
        results = [restore(old, demo, accept_loss=10**6) for _ in range(3)]  # while the writer goes on
        stop.touch()
        out, err = writer.communicate(timeout=300)
    finally:
        writer.kill()
    assert writer.returncode == 0, err
    saved = {int(line.split()[1]) for line in ("".join(first) + out).splitlines() if line.startswith("saved")}
    in_database = {int(row[0].split()[1]) for row in sql(demo, "SELECT note FROM events WHERE note LIKE 'writer %'")}
    kept = [result.saved_copy for result in results]
    in_kept = [{int(row[0].split()[1]) for row in sql(copy, "SELECT note FROM events WHERE note LIKE 'writer %'")}
               for copy in kept if copy is not None]
    lost = saved - in_database
    assert lost <= set().union(*in_kept)  # every acknowledged event is in the database or in a kept copy
    assert sum(result.dropped for result in results) >= len(lost)  # and was counted as dropped
    assert saved & set().union(*in_kept[1:]) - set(range(5))  # the writer really wrote between the restores
    assert run_cli("verify", "--db", str(demo)).returncode == 0


def test_restore_refuses_when_the_desks_never_let_go(demo: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import curator.storage.restore

    old = copy_file(demo, tmp_path / "old.db")
    note(demo, "later")
    monkeypatch.setattr(curator.storage.restore, "LOCK_TIMEOUT_S", 0.5)
    desk = sqlite3.connect(demo, isolation_level=None)
    desk.execute("BEGIN IMMEDIATE")  # a desk in the middle of saving, for longer than restore waits
    try:
        with pytest.raises(DatabaseError, match="busy"):
            restore(old, demo, accept_loss=1)
    finally:
        desk.execute("ROLLBACK")
        desk.close()
    assert sql(demo, "SELECT count(*) FROM events WHERE note = 'later'") == [(1,)]
