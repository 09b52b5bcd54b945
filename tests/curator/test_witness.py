"""Witnesses outside the database: the chain heads a desk or a CLI run saw are logged beside the user's
data, so a history rewritten with recomputed hashes (consistent in itself) is found by a desk that saw it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import DEMO_PINS
from openpyxl import load_workbook
from safety_support import cli, copy_file, rewrite_chain, sql

from curator.events import chain_head_code
from curator.storage.db import Database, open_database
from curator.witness import database_identity


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_file(demo_template, tmp_path / "demo.db")


def record_note(path: Path, note: str) -> None:
    done = cli("record", "note", "LSL-00001", "--note", note, "--operator", "Li Wei", "--db", str(path),
               env={"CURATOR_PIN": DEMO_PINS["Li Wei"]})
    assert done.returncode == 0, done.stderr


def log_lines(log: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_a_cli_run_that_writes_or_verifies_witnesses_the_head(demo: Path, witness_log: Path) -> None:
    record_note(demo, "witnessed")
    head_id, head_hash = sql(demo, "SELECT last_event_id, last_hash FROM chain_head")[0]
    written = log_lines(witness_log)
    assert written[-1]["event_id"] == head_id and written[-1]["hash"] == head_hash
    assert written[-1]["database"] == f"sqlite:///{demo.resolve()}" and written[-1]["seen_at"]
    assert cli("verify", "--db", str(demo)).returncode == 0
    assert len(log_lines(witness_log)) == len(written) + 1
    assert cli("report", "--db", str(demo)).returncode == 0  # reading alone witnesses nothing
    assert len(log_lines(witness_log)) == len(written) + 1


def test_a_rewritten_history_is_found_by_a_desk_that_saw_it(demo: Path, tmp_path: Path) -> None:
    record_note(demo, "seen by this desk")
    seen_id = sql(demo, "SELECT last_event_id FROM chain_head")[0][0]
    # A forger rewrites an old weighing and recomputes every hash after it: the chain is consistent again.
    forged = sql(demo, "SELECT id FROM events WHERE kind = 'weighed' ORDER BY id LIMIT 1")[0][0]
    sql(demo, "UPDATE events SET note = 'forged' WHERE id = ?", forged)
    db = open_database(demo, auto_backup=False)
    rewrite_chain(db, forged)
    db.dispose()
    other_desk = cli("verify", "--db", str(demo), env={"CURATOR_WITNESS_DIR": str(tmp_path / "elsewhere")})
    assert other_desk.returncode == 0  # a desk that never saw the old history cannot tell
    checked = cli("verify", "--db", str(demo))
    assert checked.returncode == 1
    assert f"event {seen_id}: history was rewritten: this desk saw this event with hash" in checked.stdout


def test_a_cut_history_is_found(demo: Path) -> None:
    record_note(demo, "the last one")
    seen_id = sql(demo, "SELECT last_event_id FROM chain_head")[0][0]
    sql(demo, "DELETE FROM events WHERE id = ?", seen_id)  # cut the tail and move the head back
    sql(demo, "UPDATE chain_head SET last_event_id = ?, last_hash = (SELECT hash FROM events WHERE id = ?)",
        seen_id - 1, seen_id - 1)
    checked = cli("verify", "--db", str(demo))
    assert checked.returncode == 1 and f"event {seen_id}: this desk saw this event on" in checked.stdout
    assert "it is gone: history was cut" in checked.stdout


def test_a_server_database_is_named_without_its_password() -> None:
    server = Database("postgresql+psycopg://curator:s3cret-pw@db.example:5432/curator")
    try:
        assert database_identity(server) == "postgresql+psycopg://curator@db.example:5432/curator"
    finally:
        server.dispose()


def test_the_exported_workbook_names_the_chain_head(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    assert cli("export", str(out), "--db", str(demo)).returncode == 0
    with open_database(demo).read() as session:
        code = chain_head_code(session)
    about = {row[0]: row[1] for row in load_workbook(out)["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["Chain head"].startswith(f"{code} ") and f"curator verify --head {code}" in about["Chain head"]


def test_a_control_character_in_a_filter_does_not_break_the_about_sheet(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "loans.xlsx"
    exported = cli("export", str(out), "--mission", "CE\x085", "--db", str(demo))  # found by the CLI fuzz test
    assert exported.returncode == 0, exported.stderr
    about = {row[0]: row[1] for row in load_workbook(out)["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["Mission"] == "CE\ufffd5"
