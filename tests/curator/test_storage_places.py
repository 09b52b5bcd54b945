"""Issue 14 part 1: locations with grids and barcodes, containers singly or in batches, the placement
rules (one container per position, one sample per container unless a box, next free position), rename
and retire, all as facts that `verify` proves."""

from __future__ import annotations

import pytest
from factories import ADMIN, CURATOR, TECH, sample, seed
from sqlalchemy import text

from curator import inventory
from curator.containers import add_containers, rename_container, retire_container
from curator.directory import identify
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.locations import add_location, rename_location, retire_location
from curator.lookup import get_sample
from curator.occupancy import list_locations, next_free, storage_map

ROOM = "Lab / Room"


@pytest.fixture
def glove_box(db) -> str:
    seed(db, positions=0)
    return add_location(db, ADMIN, ROOM, "glove box", "Glove box G2", grid="2x3")


def test_a_grid_makes_named_positions_each_with_a_barcode(db, glove_box) -> None:
    rack = add_location(db, ADMIN, glove_box, "rack", "Rack R1", grid="3x8", naming="numbers")
    entries = list_locations(db, glove_box)
    names = [entry.name for entry in entries]
    assert names[:6] == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert names[6] == "Rack R1" and names[7:] == [f"P{i:02d}" for i in range(1, 25)]
    assert len({entry.barcode for entry in entries}) == len(entries) and all(entry.barcode for entry in entries)
    assert entries[6].grid == "3x8" and (entries[6].taken, entries[6].positions) == (0, 24)
    with db.read() as session:
        atmosphere = session.execute(text("SELECT atmosphere FROM locations WHERE path = :p"),
                                     {"p": f"{rack} / P24"}).scalar_one()
    assert atmosphere == "nitrogen"  # the cabinet's, inherited
    assert verify(db) == []


@pytest.mark.parametrize(("parent", "kind", "grid", "message"), [
    ("Lab / Room / Cabinet / Shelf", "safe", None, "a safe cannot be inside a shelf"),
    (ROOM, "room", None, "a room cannot be inside a room"),
    ("Lab", "room", "4x6", "a room holds no grid"),
    (ROOM, "safe", "4by6", "is not rows x columns"),
    (ROOM, "safe", "0x6", "between 1 and 26"),
    (ROOM, "freezer", None, "unknown location kind 'freezer'"),
    (None, "room", None, "must be inside another location"),
])
def test_impossible_locations_are_refused(db, glove_box, parent, kind, grid, message) -> None:
    with pytest.raises(ValidationError, match=message):
        add_location(db, ADMIN, parent, kind, "New", grid=grid)


def test_a_batch_of_containers_takes_the_next_free_positions_in_grid_order(db, glove_box) -> None:
    inventory.add_container(db, TECH, "LSL-00007", "vial")
    made = add_containers(db, TECH, "vial", count=2, prefix="LSL-", place=glove_box)
    assert [(c.barcode, c.position.rsplit(" / ", 1)[1]) for c in made] == [("LSL-00008", "A1"), ("LSL-00009", "A2")]
    assert inventory.add_container(db, TECH, "LSL-00010", "vial", f"{glove_box} / B1").endswith("B1")
    assert next_free(db, glove_box) == f"{glove_box} / A3"
    with pytest.raises(RuleViolation, match=r"B1 already holds container LSL-00010 \(vial, empty\)"):
        inventory.add_container(db, TECH, "LSL-00011", "vial", f"{glove_box} / B1")
    add_containers(db, TECH, "vial", count=3, prefix="LSL-", place=glove_box)
    with pytest.raises(RuleViolation, match="has no free position"):
        inventory.add_container(db, TECH, "LSL-00099", "vial", glove_box)
    assert verify(db) == []


def test_a_taken_position_is_refused_naming_the_sample_there(db, glove_box) -> None:
    number = sample(db, barcode="JAR-1", position=f"{glove_box} / A1")
    inventory.add_container(db, TECH, "VIAL-2", "vial")
    with pytest.raises(RuleViolation, match=f"A1 already holds container JAR-1 \\(jar, holding {number}\\)"):
        inventory.move_container(db, TECH, "VIAL-2", f"{glove_box} / A1")
    inventory.move_container(db, TECH, "VIAL-2", glove_box)  # the next free one
    assert storage_map(db, glove_box).cells[1].container == "VIAL-2"


def test_one_sample_per_container_unless_it_is_a_box(db, glove_box) -> None:
    first = sample(db, "CE5-A", barcode="VIAL-1")
    second = sample(db, "CE5-B", barcode="VIAL-2")
    with pytest.raises(RuleViolation, match=f"VIAL-1 already holds {first}"):
        inventory.put_in_container(db, TECH, second, "VIAL-1")
    inventory.add_container(db, TECH, "BOX-1", "box of thin sections")
    inventory.put_in_container(db, TECH, first, "BOX-1")
    inventory.put_in_container(db, TECH, second, "BOX-1")
    with db.read() as session:
        assert get_sample(session, second).container.barcode == "BOX-1"
    assert verify(db) == []


def test_rename_carries_every_path_below_and_verify_proves_it(db, glove_box) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial", f"{glove_box} / B2")
    renamed = rename_location(db, CURATOR, glove_box, "Glove box G3")
    assert renamed == f"{ROOM} / Glove box G3"
    assert [e.path for e in list_locations(db, renamed)][-2] == f"{renamed} / B2"
    assert identify(db, f"{renamed} / B2").where == "VIAL-1"
    with pytest.raises(ValidationError, match="already used by location"):
        rename_location(db, CURATOR, renamed, "Cabinet")
    assert verify(db) == []


def test_retire_only_an_empty_location_or_container(db, glove_box) -> None:
    number = sample(db, barcode="JAR-1", position=f"{glove_box} / A2")
    with pytest.raises(RuleViolation, match="not empty: container JAR-1 stands at .*A2"):
        retire_location(db, CURATOR, glove_box)
    with pytest.raises(RuleViolation, match=f"still holds {number}"):
        retire_container(db, TECH, "JAR-1")
    inventory.add_container(db, TECH, "VIAL-1", "vial")
    inventory.put_in_container(db, TECH, number, "VIAL-1")
    retire_container(db, TECH, "JAR-1")  # empty now: retired, and its position freed
    with pytest.raises(RuleViolation, match="JAR-1 is retired"):
        inventory.put_in_container(db, TECH, number, "JAR-1")
    assert retire_location(db, CURATOR, glove_box) == glove_box
    assert [e.name for e in list_locations(db, ROOM)] == ["Cabinet", "Shelf"]
    with pytest.raises(RuleViolation, match="is retired"):
        add_location(db, ADMIN, glove_box, "shelf", "Shelf 9")
    assert verify(db) == []


def test_relabelled_container_keeps_its_place(db, glove_box) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial", glove_box)
    assert rename_container(db, TECH, "vial-1", "VIAL-1A") == "VIAL-1A"
    assert identify(db, "VIAL-1A").where == f"{glove_box} / A1"
    assert verify(db) == []


def test_scanning_a_position_or_a_cabinet_says_what_is_there(db, glove_box) -> None:
    number = sample(db, barcode="JAR-1", position=f"{glove_box} / A1")
    code = list_locations(db, glove_box)[0].barcode
    found = identify(db, code.lower())
    assert (found.kind, found.code, found.where, found.numbers) == ("location", f"{glove_box} / A1", "JAR-1",
                                                                     (number,))
    cabinet = identify(db, glove_box)
    assert (cabinet.what, cabinet.taken, cabinet.positions, cabinet.next_free) == \
        ("glove_box", 1, 6, f"{glove_box} / A2")
    empty = identify(db, "JAR-1")
    assert empty.where == f"{glove_box} / A1"


@pytest.mark.parametrize(("column", "value"), [("retired", "TRUE"), ("barcode", "'FORGED'"), ("grid_rows", 9)])
def test_verify_names_a_location_changed_behind_the_applications_back(db, glove_box, column, value) -> None:
    with db.write() as session:
        session.execute(text(f"UPDATE locations SET {column} = {value} WHERE path = :p"), {"p": glove_box})
    problems = [str(problem) for problem in verify(db)]
    assert any(f"locations '{glove_box}': {column}" in problem for problem in problems), problems


def test_verify_names_a_container_retired_behind_the_applications_back(db, glove_box) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial")
    with db.write() as session:
        session.execute(text("UPDATE containers SET retired = TRUE WHERE barcode = 'VIAL-1'"))
    assert any("containers 'VIAL-1': retired" in str(problem) for problem in verify(db))


def test_a_returning_split_goes_back_to_a_free_position_in_the_same_step(db, glove_box) -> None:
    from curator import allocations

    number = sample(db, barcode="JAR-1", position=f"{glove_box} / A1")
    inventory.add_container(db, TECH, "VIAL-1", "vial", f"{glove_box} / A2")
    split, = inventory.split(db, TECH, number, [inventory.ChildSpec(100_000, container="VIAL-1")])
    allocations.create(db, TECH, "LOAN-1", "Osaka University", "CE5", "Dr Sato", 100_000)
    allocations.approve(db, CURATOR, "LOAN-1")
    allocations.hand_over(db, CURATOR, "LOAN-1", [split])
    assert identify(db, "VIAL-1").where == ""  # it left with the borrower
    inventory.add_container(db, TECH, "VIAL-2", "vial", f"{glove_box} / A2")  # its old position is taken
    allocations.record_return(db, TECH, "LOAN-1", split, 90_000)
    assert identify(db, "VIAL-1").where == f"{glove_box} / A3"  # the free position nearest the old one
    assert verify(db) == []
