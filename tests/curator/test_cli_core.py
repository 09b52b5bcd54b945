"""The command line as a user or a script meets it: demo, verify, report, record, bad arguments."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import DEMO_PINS
from sqlalchemy import Row, select

from curator.events import chain_head_code
from curator.storage.db import open_database
from curator.storage.models import Allocation, Event
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_demo_then_verify_then_tamper_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    created = run_cli("demo", "--db", str(path))
    assert created.returncode == 0, created.stderr
    assert run_cli("verify", "--db", str(path)).returncode == 0
    with sqlite3.connect(path) as conn:  # an edit behind the application's back
        event_id = conn.execute("SELECT id FROM events WHERE kind = 'weighed' ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE events SET mass_ug = mass_ug + 1 WHERE id = ?", (event_id,))
    checked = run_cli("verify", "--db", str(path))
    assert checked.returncode == 1
    assert f"event {event_id}," in checked.stdout and "altered" in checked.stdout
    assert "Traceback" not in checked.stderr


def test_demo_is_deterministic(tmp_path: Path, demo_template: Path) -> None:
    """Two demo databases hold the same events; only the identity each one's first event states differs
    (so their hashes differ too: they are two databases, and a restore tells one from the other)."""
    again = open_database(tmp_path / "again.db")
    from curator.demo import build_demo

    build_demo(again)
    first = open_database(demo_template)
    with again.read() as a, first.read() as b:
        assert chain_head_code(a).split("-")[0] == chain_head_code(b).split("-")[0]
        events_a, events_b = (list(session.execute(select(*_CONTENT).order_by(Event.id))) for session in (a, b))
    assert [_without_identity(row) for row in events_a] == [_without_identity(row) for row in events_b]
    assert json.loads(events_a[0].details)["database"] != json.loads(events_b[0].details)["database"]


_CONTENT = (Event.id, Event.kind, Event.occurred_at, Event.operator_id, Event.sample_id, Event.container_id,
            Event.allocation_id, Event.mass_ug, Event.note, Event.details)


def _without_identity(row: Row[Any]) -> tuple[Any, ...]:
    details = json.loads(row.details)
    details.pop("database", None)
    return (*row[:-1], details)


def test_report_json_adds_up_to_the_allocation_records(demo_path: Path, capsys) -> None:
    assert main(["report", "--db", str(demo_path), "--by", "country", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    db = open_database(demo_path)
    with db.read() as session:
        approved = sum(a.approved_mass_ug for a in session.query(Allocation)
                       if a.status not in ("requested", "cancelled"))
    assert sum(row["allocated_ug"] for row in report["rows"]) == report["total"]["allocated_ug"] == approved
    assert {row["key"] for row in report["rows"]} >= {"FR", "DE", "JP", "PK", "GB", "US", "CN"}


def test_report_table(demo_path: Path, capsys) -> None:
    assert main(["report", "--db", str(demo_path), "--by", "mission"]) == 0
    out = capsys.readouterr().out
    assert "CE5" in out and "Total" in out and "mg" in out


def test_record_weighing_and_observations(demo_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sample = "CE5C0400YJFM00501-01"
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS["Li Wei"])
    weighed = ["record", "weighed", sample, "--mass", "0.1 g", "--operator", "Li Wei", "--db", str(demo_path)]
    assert main(weighed) == 2  # beyond the balance tolerance: needs a reason
    assert "confirm the weighing with a reason" in capsys.readouterr().err
    assert main([*weighed, "--reason", "new balance calibrated"]) == 0
    out = capsys.readouterr().out
    assert "weighed 100 mg" in out and "new balance calibrated" in out
    assert main(["record", "sealed", "LSL-00001", "--atmosphere", "nitrogen", "--operator", "Li Wei",
                 "--db", str(demo_path)]) == 0
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS["Zhang Min"])
    assert main(["record", "note", sample, "--note", "label re-printed", "--operator", "Zhang Min",
                 "--db", str(demo_path)]) == 0
    assert main(["verify", "--db", str(demo_path)]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record", "weighed", "CE5C0400YJFM00501-01", "--mass", "-5 mg", "--operator", "Li Wei"], "negative"),
        (["record", "weighed", "NOT-A-SAMPLE", "--mass", "5 mg", "--operator", "Li Wei"], "no sample 'NOT-A-SAMPLE'"),
        (["record", "weighed", "CE5C0400YJFM00501-01", "--operator", "Li Wei"], "needs --mass"),
        (["record", "dance", "CE5C0400YJFM00501-01", "--operator", "Li Wei"], "unknown event kind"),
        (["record", "note", "CE5C0400YJFM00501-01", "--note", "x", "--operator", "Nobody"], "no operator"),
        (["report", "--by", "planet"], "invalid choice"),
        (["record", "weighed"], "required"),
    ],
)
def test_bad_arguments_give_one_clear_line(demo_path: Path, args: list[str], message: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS["Li Wei"])  # run_cli's process inherits it
    result = run_cli(*args, "--db", str(demo_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_every_command_has_help(capsys) -> None:
    for command in ("demo", "verify", "report", "record", "gui"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert "--db" in capsys.readouterr().out


def test_demo_refuses_a_database_that_holds_samples(demo_path: Path) -> None:
    result = run_cli("demo", "--db", str(demo_path))
    assert result.returncode == 2 and "already holds samples" in result.stderr
