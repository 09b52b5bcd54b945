"""Issue 10 section 2: a catalogue's child rows never hold more than their parent had. A child of a sample
already in the database takes its mass from it with a split event; a mission never holds more than it
returned."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from curator import allocations, inventory
from curator.catalogue import import_catalogue, read_catalogue
from curator.errors import RuleViolation
from curator.integrity import verify
from curator.lookup import get_sample
from curator.storage.db import Database
from curator.storage.models import Event
from tests.curator.catalogue_support import write_csv
from tests.factories import CURATOR, TECH, sample, seed

PARENT = "CE5C0400YJFM00505"
HEADER = ["Sample", "Parent", "Kind", "Mass (mg)"]


@pytest.fixture
def parent(db: Database) -> str:
    seed(db)
    return sample(db, PARENT, mass_ug=100_000)  # 100 mg, powder


def children_file(tmp_path: Path, *rows: list[str]) -> Path:
    return write_csv(tmp_path / "children.csv", [HEADER, *rows])


def test_children_of_an_existing_sample_are_split_from_it(db: Database, parent: str, tmp_path: Path) -> None:
    path = children_file(tmp_path, ["CE5-A", PARENT, "powder", "30"], ["CE5-B", PARENT, "powder", "20"],
                         ["CE5-B-1", "CE5-B", "powder", "5"])
    plan = read_catalogue(db, path, "CE5")
    assert plan.errors == []
    assert import_catalogue(db, plan, TECH) == 3
    with db.read() as session:
        assert get_sample(session, PARENT).mass_ug == 50_000
        assert get_sample(session, "CE5-A").mass_ug == 30_000
        split = session.execute(select(Event).where(Event.kind == "split", Event.sample_id == get_sample(
            session, PARENT).id)).scalar_one()
    details = json.loads(split.details)
    assert (details["before_ug"], details["children"]) == (100_000, [{"number": "CE5-A", "mass_ug": 30_000},
                                                                      {"number": "CE5-B", "mass_ug": 20_000}])
    assert verify(db) == []


def test_children_holding_more_than_their_parent_are_refused(db: Database, parent: str, tmp_path: Path) -> None:
    path = children_file(tmp_path, ["CE5-A", PARENT, "powder", "60"], ["CE5-B", PARENT, "powder", "41"])
    plan = read_catalogue(db, path, "CE5")
    assert [(error.row, "more than CE5C0400YJFM00505 holds (100 mg)" in error.message)
            for error in plan.errors] == [(3, True)]


def test_children_of_a_sample_on_loan_are_refused(db: Database, parent: str, tmp_path: Path) -> None:
    allocations.create(db, TECH, "L-1", "Osaka University", "CE5", "Dr. L", 100_000, date(2030, 1, 1))
    allocations.approve(db, CURATOR, "L-1")
    allocations.hand_over(db, CURATOR, "L-1", [PARENT])
    plan = read_catalogue(db, children_file(tmp_path, ["CE5-A", PARENT, "powder", "1"]), "CE5")
    assert [error.message for error in plan.errors] == [
        "parent CE5C0400YJFM00505 is on loan: a split cannot take mass from it now"]


def test_a_child_keeps_its_existing_parents_kind(db: Database, parent: str, tmp_path: Path) -> None:
    plan = read_catalogue(db, children_file(tmp_path, ["CE5-A", PARENT, "glass bead", "1"]), "CE5")
    assert ["differs from its parent" in error.message for error in plan.errors] == [True]


def test_a_mission_never_holds_more_than_it_returned(db: Database, tmp_path: Path) -> None:
    seed(db)
    inventory.receive_sample(db, CURATOR, "CE5-BIG", "CE5", "soil", 1_700_000_000)
    with pytest.raises(RuleViolation, match="CE5 returned 1731 g; 1700 g is already received"):
        inventory.receive_sample(db, CURATOR, "CE5-MORE", "CE5", "soil", 40_000_000)
    path = write_csv(tmp_path / "more.csv", [["ID", "Type", "Mass (g)"], ["CE5-1", "soil", "20"],
                                             ["CE5-2", "soil", "20"]])
    plan = read_catalogue(db, path, "CE5")
    assert [(error.row, "CE5 returned 1731 g" in error.message) for error in plan.errors] == [(3, True)]


def test_catalogue_ids_follow_the_identifier_rules(db: Database, parent: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ids.csv", [["ID", "Type", "Mass (mg)"], ["jar-1", "soil", "1"],
                                            ["CE5\u200bZ", "soil", "1"], ["ce5-q", "soil", "1"],
                                            ["CE5-Q", "soil", "1"]])
    plan = read_catalogue(db, path, "CE5")
    assert [(error.row, error.message.split(":")[0]) for error in plan.errors] == [
        (2, "ID jar-1 is already used by a sample, container or location in the database"),
        (3, "ID 'CE5\\u200bZ' contains an invisible (zero-width) character (U+200B)"),  # shown escaped
        (5, "duplicate ID CE5-Q (also on row 4)")]
