"""`curator import`: dry run, bad rows with their row numbers and a non-zero exit, the real import."""

from __future__ import annotations

from pathlib import Path

from curator.db import open_database
from curator.inventory import count_samples
from tests.curator.catalogue_support import APOLLO, broken_copy
from ui.cli import main


def test_dry_run_reports_and_imports_nothing(demo_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = count_samples(open_database(demo_path))
    assert main(["import", str(APOLLO), "--mission", "A17", "--dry-run", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "dry run: 756 samples" in out and "nothing imported" in out
    assert count_samples(open_database(demo_path)) == before


def test_bad_rows_exit_non_zero_with_row_numbers(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, expected = broken_copy(tmp_path)
    before = count_samples(open_database(demo_path))
    assert main(["import", str(path), "--mission", "all", "--operator", "Li Wei", "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    for row in expected:
        assert f"broken.csv: row {row}: " in err
    assert f"{len(expected)} bad row(s): nothing imported" in err
    assert count_samples(open_database(demo_path)) == before


def test_real_import_needs_an_operator_then_works(demo_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = count_samples(open_database(demo_path))
    assert main(["import", str(APOLLO), "--mission", "A17", "--db", str(demo_path)]) == 2
    assert "--operator" in capsys.readouterr().err
    assert main(["import", str(APOLLO), "--mission", "A17", "--operator", "Li Wei", "--db", str(demo_path)]) == 0
    assert "imported 756 samples" in capsys.readouterr().out
    assert count_samples(open_database(demo_path)) == before + 756
    assert main(["verify", "--db", str(demo_path)]) == 0
