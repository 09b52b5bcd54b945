"""Issue 15 part 3 on the command line: `curator handover REF --scanned FILE` and `curator return REF
--scanned FILE` hand over and take back several splits in one transaction from a scanner's file; each
refusal is one line naming its split and nothing is recorded; a summary is printed. Real SQLite files."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from factories import ADMIN, CURATOR, PINS, SHELF, TECH, run_cli, sample, seed
from sqlalchemy import select

from curator import allocations, inventory
from curator.directory import identify
from curator.history import sample_detail
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loans import allocation_rows
from curator.storage.models import Event
from curator.vocabulary import EventKind

REQUESTED = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
def splits(db, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Three splits (300, 200 and 100 mg; the second in vial V-2) of an approved loan A of 600 mg, the first
    two prepared."""
    positions = seed(db, positions=6)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    made = inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000, container="V-2"),
                                              ChildSpec(100_000)])
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 600_000, date(2028, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.prepare(db, TECH, "A", made[:2])
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    return made


def _file(tmp_path: Path, name: str, *lines: str) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_hand_over_from_a_scanners_file(db, db_path, splits, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    handover = ["handover", "A", "--operator", TECH, "--due", "2028-06-30"]
    code, _out, err = run_cli(db_path, capsys, *handover, "--scanned",
                              _file(tmp_path, "bad.txt", splits[0], "NOPE-1", splits[0].lower(), "JAR-1"))
    problems = err.splitlines()
    assert code == 2 and problems[-1] == "curator: nothing recorded (4 problem(s))"
    assert problems[:-1] == ["curator: unknown code 'NOPE-1': no sample, container or location has it",
                             f"curator: {splits[0]} is scanned twice",
                             f"curator: {splits[1]} is prepared for A but was not scanned",
                             "curator: A approves 600 mg; the splits scanned add up to 1.9 g, more than approved"]
    assert allocation_rows(db, reference="A")[0].status == "prepared"  # nothing recorded
    code, out, err = run_cli(db_path, capsys, *handover, "--scanned",
                             _file(tmp_path, "good.txt", splits[0], "v-2", splits[2]))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "handed over A: 3 split(s), 600 mg of 600 mg approved, due 2028-06-30"
    assert lines[1:] == [f"  {splits[0]}\t300 mg\tprepared", f"  {splits[1]}\t200 mg\tprepared",
                         f"  {splits[2]}\t100 mg\tscanned"]
    row = allocation_rows(db, reference="A")[0]
    assert (row.status, row.handed_over_ug, row.due_date) == ("handed_over", 600_000, date(2028, 6, 30))
    assert run_cli(db_path, capsys, "handover", "A", "--due", "2028-06-30")[2].strip() == \
        "curator: --due and --operator go with --scanned FILE (a hand-over)"
    assert verify(db) == []


def test_several_returns_from_a_scanners_file(db, db_path, splits, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    allocations.hand_over(db, TECH, "A", [splits[2]])
    returns = ["return", "A", "--operator", TECH]
    bad = _file(tmp_path, "bad.csv", f"{splits[0]},400 mg", "V-2,150 mg,50 mg,baked", f"{splits[2]},12 parsecs",
                "CE5C0400YJFM00505", f"{splits[0]}\t100 mg\t100 mg")
    code, _out, err = run_cli(db_path, capsys, *returns, "--scanned", bad)
    assert code == 2
    assert err.splitlines() == [
        f"curator: line 3 ({splits[2]}): mass '12 parsecs' has an unknown unit 'parsecs' "
        "(use one of g, kg, mg, ug, µg)",
        f"curator: {splits[0]} left with 300 mg; a return of 400 mg is impossible",
        f"curator: {splits[1]}: unknown treatment 'baked' (known: polished, coated, irradiated, exposed_to_air, "
        "contaminated, none)",
        "curator: CE5C0400YJFM00505 is not on loan under A",
        f"curator: {splits[0]} is scanned twice",
        "curator: nothing recorded (5 problem(s))"]
    assert sample_detail(db, splits[0]).status == "on_loan"
    good = _file(tmp_path, "good.csv", splits[0], "v-2, 150 mg, 50 mg, polished+coated")
    code, out, err = run_cli(db_path, capsys, *returns, "--scanned", good)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "returned under A: 2 split(s), 450 mg back, 50 mg consumed; 1 still out",
        f"  {splits[0]}\tleft with 300 mg\tback 300 mg\tconsumed 0 µg\ttreatment -",
        f"  {splits[1]}\tleft with 200 mg\tback 150 mg\tconsumed 50 mg\ttreatment polished, coated"
        f"\tback to {SHELF} / P2",
        f"  {splits[2]}\tstill out"]
    with db.read() as session:
        returned = session.execute(select(Event.details).where(Event.kind == EventKind.RETURNED)
                                   .order_by(Event.id)).scalars().all()
    assert [json.loads(details).get("treatment") for details in returned] == [None, ["polished", "coated"]]
    row = allocation_rows(db, reference="A")[0]
    assert (row.returned_ug, row.consumed_ug, row.status) == (450_000, 50_000, "handed_over")
    code, _out, err = run_cli(db_path, capsys, *returns, "--scanned", good, "--mass", "1 mg")
    assert code == 2 and "leave out --split, --mass" in err
    code, _out, err = run_cli(db_path, capsys, *returns)
    assert code == 2 and "give --split NUMBER and --mass M (one split), or --scanned FILE (several)" in err
    assert verify(db) == []


def test_returns_go_where_the_file_says_when_their_default_places_are_full(db, db_path, tmp_path,  # type: ignore[no-untyped-def]
                                                                          capsys, monkeypatch) -> None:
    positions = seed(db, positions=4)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    splits = inventory.split(db, TECH, parent, [ChildSpec(100_000, container=f"V-{i}") for i in (1, 2, 3)])
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 300_000, date(2028, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, TECH, "A", splits)
    for index, path in enumerate(positions[1:]):  # the shelf the splits left from fills up
        inventory.add_container(db, TECH, f"FILL-{index}", "vial", path)
    annex = "Annex / Shelf A"  # another facility: no default place ever looks there
    inventory.add_location(db, ADMIN, None, "facility", "Annex", "nitrogen")
    inventory.add_location(db, ADMIN, "Annex", "shelf", "Shelf A")
    other = [inventory.add_location(db, ADMIN, annex, "position", f"Q{i}") for i in (1, 2, 3)]
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    returns = ["return", "A", "--operator", TECH, "--scanned"]
    bad = _file(tmp_path, "bad.csv", f"{splits[0]},,,,{other[1]}", "V-2", f"{splits[2]},,,,{other[1]}")
    code, _out, err = run_cli(db_path, capsys, *returns, bad)
    assert code == 2
    assert err.splitlines() == [
        f"curator: {splits[1]}: no free position for V-2: Lab is full; say where it goes",
        f"curator: {splits[2]}: position {other[1]} is already chosen for another split",
        "curator: nothing recorded (2 problem(s))"]
    assert sample_detail(db, splits[0]).status == "on_loan"
    good = _file(tmp_path, "good.csv", f"{splits[0]}\t\t\t\t{other[1]}", f"v-2,50 mg,,,{annex}",
                 f"{splits[2]},,,,{annex}")
    code, out, err = run_cli(db_path, capsys, *returns, good)
    assert (code, err) == (0, "")
    assert [line.rsplit("\t", 1)[-1] for line in out.splitlines()[1:]] == [
        f"back to {other[1]}", f"back to {other[0]}", f"back to {other[2]}"]
    assert [identify(db, f"V-{i}").where for i in (1, 2, 3)] == [other[1], other[0], other[2]]
    assert verify(db) == []
