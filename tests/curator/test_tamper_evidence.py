"""Edits behind the application's back are found by verify, each named with its event and sample;
a chain head code printed earlier proves even a fully re-hashed history was changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from safety_support import cli, copy_file, rewrite_chain, sql

from curator.events import chain_head_code
from curator.integrity import verify
from curator.storage.db import Database, open_database


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_file(demo_template, tmp_path / "demo.db")


def problems_of(path: Path, head: str | None = None) -> list[str]:
    db = open_database(path, auto_backup=False)
    try:
        return [str(problem) for problem in verify(db, head=head)]
    finally:
        db.dispose()


def first_split(path: Path) -> tuple[int, str, dict]:
    event_id, number, details = sql(path, "SELECT e.id, s.number, e.details FROM events e JOIN samples s "
                                          "ON s.id = e.sample_id WHERE e.kind = 'split' AND e.details LIKE "
                                          "'%children%' ORDER BY e.id LIMIT 1")[0]
    return event_id, number, json.loads(details)


def weighing(path: Path) -> tuple[int, str]:
    return sql(path, "SELECT e.id, s.number FROM events e JOIN samples s ON s.id = e.sample_id "
                     "WHERE e.kind = 'weighed' ORDER BY e.id LIMIT 1 OFFSET 3")[0]


def test_the_untouched_demo_is_consistent(demo: Path) -> None:
    assert problems_of(demo) == []


def test_an_updated_event_is_named_with_its_sample(demo: Path) -> None:
    event_id, number = weighing(demo)
    sql(demo, "UPDATE events SET note = 'nothing to see' WHERE id = ?", event_id)
    found = problems_of(demo)
    assert any(p.startswith(f"event {event_id}, sample {number}:") and "altered" in p for p in found), found


def test_a_deleted_event_is_found(demo: Path) -> None:
    event_id, number = weighing(demo)
    follower = sql(demo, "SELECT e.id, s.number FROM events e LEFT JOIN samples s ON s.id = e.sample_id "
                         "WHERE e.id = ?", event_id + 1)[0]
    sql(demo, "DELETE FROM events WHERE id = ?", event_id)
    found = problems_of(demo)
    where = f"event {follower[0]}, sample {follower[1]}:" if follower[1] else f"event {follower[0]}:"
    assert any(p.startswith(where) and f"event {event_id} missing" in p for p in found), found


def test_deleting_the_last_events_is_found(demo: Path) -> None:
    last = sql(demo, "SELECT max(id) FROM events")[0][0]
    sql(demo, "DELETE FROM events WHERE id > ?", last - 2)
    assert any(f"was last written at event {last}" in p for p in problems_of(demo))


def test_an_inserted_event_is_found(demo: Path) -> None:
    event_id, number = weighing(demo)
    last = sql(demo, "SELECT max(id) FROM events")[0][0]
    columns = "kind, occurred_at, operator_id, sample_id, container_id, mass_ug, note, details, prev_hash, hash"
    sql(demo, f"INSERT INTO events (id, {columns}) SELECT ?, {columns} FROM events WHERE id = ?", last + 1, event_id)
    sql(demo, "UPDATE chain_head SET last_event_id = ?", last + 1)
    found = problems_of(demo)
    assert any(p.startswith(f"event {last + 1}, sample {number}:") and "does not follow" in p for p in found), found


def test_a_split_that_no_longer_balances_is_named(demo: Path) -> None:
    event_id, number, details = first_split(demo)
    details["children"][0]["mass_ug"] += 1000  # a child suddenly got a milligram more
    sql(demo, "UPDATE events SET details = ? WHERE id = ?", json.dumps(details), event_id)
    db = open_database(demo, auto_backup=False)
    rewrite_chain(db, event_id)  # even with every hash recomputed, the balance does not add up
    db.dispose()
    found = problems_of(demo)
    assert any(p.startswith(f"event {event_id}, sample {number}:") and "does not balance" in p for p in found), found


def test_a_stored_mass_that_differs_from_history_is_named(demo: Path) -> None:
    number, last_event = sql(demo, "SELECT number, last_event_id FROM samples ORDER BY id LIMIT 1 OFFSET 5")[0]
    sql(demo, "UPDATE samples SET mass_ug = mass_ug + 7 WHERE number = ?", number)
    found = problems_of(demo)
    assert any(p.startswith(f"event {last_event}, sample {number}:") and "differs from its history" in p
               for p in found), found


def test_a_negative_sample_mass_is_named(demo: Path) -> None:
    number, last_event = sql(demo, "SELECT number, last_event_id FROM samples ORDER BY id LIMIT 1 OFFSET 2")[0]
    sql(demo, "UPDATE samples SET mass_ug = -5 WHERE number = ?", number)
    found = problems_of(demo)
    assert any(p.startswith(f"event {last_event}, sample {number}:") and "negative" in p for p in found), found


def test_an_event_stating_a_negative_mass_is_named(demo: Path) -> None:
    event_id, number = weighing(demo)
    sql(demo, "UPDATE events SET mass_ug = -1000 WHERE id = ?", event_id)
    db = open_database(demo, auto_backup=False)
    rewrite_chain(db, event_id)
    db.dispose()
    found = problems_of(demo)
    assert any(p.startswith(f"event {event_id}, sample {number}:") and "negative mass" in p for p in found), found


def test_the_head_code_proves_a_rehashed_history_was_changed(demo: Path) -> None:
    db: Database = open_database(demo, auto_backup=False)
    with db.read() as session:
        code = chain_head_code(session)
    event_id, number = weighing(demo)
    sql(demo, "UPDATE events SET note = 'rewritten' WHERE id = ?", event_id)
    rewrite_chain(db, event_id)  # a forger who recomputes every later hash
    db.dispose()
    assert problems_of(demo) == []  # the chain alone cannot tell...
    found = problems_of(demo, head=code)  # ...the code printed on the handover sheet can
    assert len(found) == 1 and f"head code {code}" in found[0], found


def test_cli_chain_head_and_verify_head(demo: Path) -> None:
    printed = cli("chain-head", "--db", str(demo))
    assert printed.returncode == 0, printed.stderr
    code = printed.stdout.strip()
    assert cli("verify", "--db", str(demo), "--head", code).returncode == 0
    event_id, _ = weighing(demo)
    sql(demo, "UPDATE events SET note = 'rewritten' WHERE id = ?", event_id)
    db = open_database(demo, auto_backup=False)
    rewrite_chain(db, event_id)
    db.dispose()
    elsewhere = {"CURATOR_WITNESS_DIR": str(demo.parent / "another-desk")}  # never saw the old history
    assert cli("verify", "--db", str(demo), env=elsewhere).returncode == 0
    checked = cli("verify", "--db", str(demo), "--head", code, env=elsewhere)
    assert checked.returncode == 1 and "changed since head code" in checked.stdout
    cut = cli("verify", "--db", str(demo), "--head", "999999-abcdef")
    assert cut.returncode == 1 and "no longer exists" in cut.stdout
    bad = cli("verify", "--db", str(demo), "--head", "not-a-code")
    assert bad.returncode == 2 and "not a chain head code" in bad.stderr and "Traceback" not in bad.stderr
