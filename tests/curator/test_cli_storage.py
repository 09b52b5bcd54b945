"""Issue 14 part 1 from the command line: `curator location add|rename|retire|list` and
`curator container add|rename|retire`."""

from __future__ import annotations

import json

import pytest
from factories import PINS, TECH, run_cli, seed

from curator.integrity import verify

ROOM = "Lab / Room"


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])


run = run_cli


def test_make_storage_fill_it_and_list_it_as_json(db, db_path, capsys) -> None:
    seed(db, positions=0)
    db.dispose()
    code, out, err = run(db_path, capsys, "location", "add", ROOM, "Nitrogen cabinet N3", "--kind", "nitrogen-cabinet",
                         "--grid", "2x2", "--numbered", "--barcode", "N3-CAB", "--operator", TECH)
    assert (code, err) == (0, "") and "with 4 positions (P01..P04)" in out
    cabinet = f"{ROOM} / Nitrogen cabinet N3"
    code, out, err = run(db_path, capsys, "container", "add", "--kind", "vial", "--count", "3", "--prefix", "LSL-",
                         "--at", "N3-CAB", "--operator", TECH)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"LSL-0000{i}  at {cabinet} / P0{i}" for i in (1, 2, 3)]
    code, out, err = run(db_path, capsys, "container", "add", "JAR-9", "--kind", "jar", "--at", f"{cabinet} / P02",
                         "--operator", TECH)
    assert code == 2 and out == "" and "P02 already holds container LSL-00002 (vial, empty)" in err
    code, out, err = run(db_path, capsys, "location", "list", "n3-cab", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(e["name"], e["kind"], e["container"]) for e in listed] == [
        ("P01", "position", "LSL-00001"), ("P02", "position", "LSL-00002"), ("P03", "position", "LSL-00003"),
        ("P04", "position", None)]
    assert listed[0]["path"] == f"{cabinet} / P01" and listed[0]["barcode"].startswith("LOC-")
    assert listed[0]["atmosphere"] == "nitrogen"
    code, out, err = run(db_path, capsys, "location", "list", ROOM)
    assert "Nitrogen cabinet N3  (nitrogen cabinet)  [N3-CAB]  grid 2x2  3/4 taken" in out
    assert "  P04  [" in out and out.rstrip().endswith("free")
    code, out, err = run(db_path, capsys, "container", "retire", "LSL-00003", "--operator", TECH)
    assert (code, out) == (0, "retired LSL-00003\n")
    code, out, err = run(db_path, capsys, "location", "retire", "N3-CAB", "--operator", TECH)
    assert code == 2 and "not empty: container LSL-00001 stands at" in err
    code, out, err = run(db_path, capsys, "location", "rename", "N3-CAB", "Nitrogen cabinet N4", "--operator", TECH)
    assert (code, out) == (0, f"renamed to {ROOM} / Nitrogen cabinet N4\n")
    assert verify(db) == []


@pytest.mark.parametrize(("args", "message"), [
    (["container", "add", "--kind", "vial"], "give a BARCODE, or --count N"),
    (["container", "add", "--kind", "vial", "--count", "2"], "--count needs --prefix"),
    (["container", "add", "V-1", "--kind", "flask"], "unknown container kind 'flask'"),
    (["location", "add", ROOM, "X", "--kind", "shelf", "--grid", "40x6"], "between 1 and 26"),
    (["location", "list", "Nowhere"], "no location 'Nowhere'"),
])
def test_bad_storage_arguments_are_one_line(db, db_path, capsys, args, message) -> None:
    seed(db, positions=0)
    db.dispose()
    code, out, err = run(db_path, capsys, *args, *(["--operator", TECH] if args[1] != "list" else []))
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1
