"""`curator import`: dry run, bad rows with their row numbers and a non-zero exit, the real import."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from curator.inventory import count_samples
from curator.storage.db import open_database
from curator.storage.models import Event, Operator
from tests.curator.catalogue_support import APOLLO, broken_copy
from tests.factories import DEMO_PINS
from ui.cli import main


def test_dry_run_reports_and_imports_nothing(demo_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = count_samples(open_database(demo_path))
    assert main(["import", str(APOLLO), "--mission", "A17", "--dry-run", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "dry run: 756 samples" in out and "nothing imported" in out
    assert count_samples(open_database(demo_path)) == before


def test_bad_rows_exit_non_zero_with_row_numbers(demo_path: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, expected = broken_copy(tmp_path)
    before = count_samples(open_database(demo_path))
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS["Li Wei"])
    assert main(["import", str(path), "--mission", "all", "--operator", "Li Wei", "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    for row in expected:
        assert f"broken.csv: row {row}: " in err
    assert f"{len(expected)} bad row(s): nothing imported" in err
    assert count_samples(open_database(demo_path)) == before


def test_real_import_is_signed_by_the_named_operator(demo_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = count_samples(open_database(demo_path))
    monkeypatch.setenv("CURATOR_PIN", DEMO_PINS["Li Wei"])
    assert main(["import", str(APOLLO), "--mission", "A17", "--operator", "Li Wei", "--db", str(demo_path)]) == 0
    assert "imported 756 samples" in capsys.readouterr().out
    assert count_samples(open_database(demo_path)) == before + 756
    assert signers_of_received_events(demo_path) >= {"Li Wei"}
    assert main(["verify", "--db", str(demo_path)]) == 0


def test_an_import_without_a_signer_is_refused(demo_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CURATOR_OPERATOR", raising=False)
    before = count_samples(open_database(demo_path))
    assert main(["import", str(APOLLO), "--mission", "A17", "--db", str(demo_path)]) == 2
    assert "name the operator who signs the import" in capsys.readouterr().err
    assert count_samples(open_database(demo_path)) == before


def test_a_scheduled_import_signs_with_a_private_pin_file(demo_path: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CURATOR_OPERATOR", "Zhang Min")
    monkeypatch.delenv("CURATOR_PIN", raising=False)
    pin_file = tmp_path / "zhang-min.pin"
    pin_file.write_text(DEMO_PINS["Zhang Min"] + "\n")
    pin_file.chmod(0o644)  # readable by every account: refused, nothing imported
    command = ["import", str(APOLLO), "--mission", "A17", "--pin-file", str(pin_file), "--db", str(demo_path)]
    assert main(command) == 2
    assert "can be read by other users" in capsys.readouterr().err
    pin_file.chmod(0o600)
    assert main(command) == 0
    assert "imported 756 samples" in capsys.readouterr().out
    assert "Zhang Min" in signers_of_received_events(demo_path)
    assert main(["verify", "--db", str(demo_path)]) == 0


def signers_of_received_events(path: Path) -> set[str]:
    with open_database(path).read() as session:
        return set(session.execute(select(Operator.name).join(Event, Event.operator_id == Operator.id)
                                   .where(Event.kind == "received")).scalars())
