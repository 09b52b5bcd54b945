"""The catalogue import reader against hostile files: random cells never crash it and every row is
accounted for; a malformed spreadsheet, a bad row or a full disk half-way never leave a partial import."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import PINS, TECH, seed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_support import fill_the_disk, sql

from curator.catalogue import read_catalogue
from curator.catalogue_format import read_rows
from curator.errors import ValidationError
from curator.integrity import verify
from curator.storage.db import Database, open_database
from ui.cli import main

HEADER = ["Sample ID", "Type", "Mass (mg)", "Parent"]


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    """`curator import` here signs as TECH, who gives their PIN in $CURATOR_PIN."""
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])


cells = st.one_of(st.text(max_size=12), st.sampled_from(["powder", "soil", "12.5", "-3", "1e9", "0", "x,1", ""]))


@pytest.fixture(scope="module")
def catalogue_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("catalogue") / "catalogue.db")
    seed(db)
    yield db
    db.dispose()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def samples_in(path: Path) -> int:
    return sql(path, "SELECT count(*) FROM samples")[0][0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, min_size=0, max_size=6), min_size=0, max_size=12))
def test_random_cells_never_crash_the_reader_and_every_row_is_accounted(
        catalogue_db: Database, tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]) -> None:
    path = write_csv(tmp_path_factory.mktemp("csv") / "random.csv", [HEADER, *rows])
    try:
        plan = read_catalogue(catalogue_db, path, "CE5")
    except ValidationError as exc:  # a file-level problem, said in words
        assert str(exc)
        return
    data_rows = {number for number, _ in read_rows(path)} - {1}
    assert {s.row for s in plan.samples} | {e.row for e in plan.errors} == data_rows
    assert len({s.number for s in plan.samples}) == len(plan.samples)
    assert all(0 <= s.mass_ug <= 1_731_000_000 for s in plan.samples)


def good_rows(count: int, prefix: str) -> list[list[str]]:
    """Valid rows; their masses (1.5 to 500.5 mg) keep even 3000 of them within what CE5 returned."""
    return [[f"{prefix}{i:04d}", "powder", f"{i % 500 + 1}.5", ""] for i in range(count)]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=30), st.data())
def test_one_bad_row_anywhere_imports_nothing(tmp_path_factory: pytest.TempPathFactory, count: int,
                                              data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("bad-row")
    db_path = folder / "c.db"
    seed_db = open_database(db_path)
    seed(seed_db)
    seed_db.dispose()
    rows = good_rows(count, "CE5X")
    bad = data.draw(st.sampled_from([["CE5X0000", "powder", "1 mg", ""], ["CE5BAD", "basalt?", "1", ""],
                                     ["CE5BAD", "powder", "-1", ""], ["CE5BAD", "powder", "99999 g", ""],
                                     ["", "powder", "1", ""], ["CE5BAD", "powder", "1", "NO-SUCH-PARENT"]]))
    rows.insert(data.draw(st.integers(min_value=0, max_value=count)), bad)
    path = write_csv(folder / "cat.csv", [HEADER, *rows])
    status = main(["import", str(path), "--mission", "CE5", "--operator", TECH, "--db", str(db_path)])
    assert status == 1
    assert samples_in(db_path) == 0


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "empty", "csv with only a header"])
def test_a_malformed_spreadsheet_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         damage: str) -> None:
    db_path = tmp_path / "c.db"
    db = open_database(db_path)
    seed(db)
    db.dispose()
    path = tmp_path / ("cat.csv" if damage == "csv with only a header" else "cat.xlsx")
    if damage == "random bytes":
        path.write_bytes(random.Random(1).randbytes(5000))
    elif damage in ("truncated", "empty"):
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for row in [HEADER, *good_rows(200, "CE5T")]:
            sheet.append(row)
        book.save(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"")
    else:
        write_csv(path, [HEADER])
    status = main(["import", str(path), "--mission", "CE5", "--operator", TECH, "--db", str(db_path)])
    err = capsys.readouterr().err
    assert status == 2 or (status == 0 and damage == "csv with only a header"), err
    assert "Traceback" not in err
    assert samples_in(db_path) == 0


def test_a_full_disk_half_way_through_an_import_imports_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "c.db"
    db = open_database(db_path)
    seed(db)
    db.dispose()
    path = write_csv(tmp_path / "big.csv", [HEADER, *good_rows(3000, "CE5F")])
    fill_the_disk(monkeypatch, db_path)
    status = main(["import", str(path), "--mission", "CE5", "--operator", TECH, "--db", str(db_path)])
    assert status == 2 and "disk is full" in capsys.readouterr().err
    monkeypatch.undo()
    assert samples_in(db_path) == 0
    db = open_database(db_path, auto_backup=False)
    try:
        assert verify(db) == []
    finally:
        db.dispose()
