"""Issue 14 part 3: received and imported samples get their container and position in the same
transaction. A barcode not in use yet is a new container (a jar, or a vial for a split) put at the row's
Position, else the import's place, else the next free position (near the parent); an old catalogue without
those columns still imports, its samples without a container, as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import CURATOR, TECH, run_cli, sample, seed, signs_as

from curator import inventory
from curator.catalogue import import_catalogue, read_catalogue
from curator.directory import identify
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.lookup import get_sample
from curator.storage.db import Database
from curator.storage.models import Event
from tests.curator.catalogue_support import write_csv

SHELF = "Lab / Room / Cabinet / Shelf"


def test_a_sample_received_in_a_new_jar_puts_the_jar_away(db: Database) -> None:
    seed(db, positions=3)
    inventory.receive_sample(db, CURATOR, "CE5-R1", "CE5", "powder", 5_000, "scooped", "JAR-9",
                             position=f"{SHELF} / P2")
    inventory.receive_sample(db, CURATOR, "CE5-R2", "CE5", "powder", 5_000, "scooped", "JAR-10")
    assert identify(db, "JAR-9").where == f"{SHELF} / P2" and identify(db, "JAR-9").numbers == ("CE5-R1",)
    assert identify(db, "JAR-10").where == f"{SHELF} / P1"  # the first free position
    with pytest.raises(RuleViolation, match=f"position {SHELF} / P2 already holds container JAR-9"):
        inventory.receive_sample(db, CURATOR, "CE5-R3", "CE5", "powder", 5_000, "scooped", "JAR-11",
                                 position=f"{SHELF} / P2")
    with pytest.raises(ValidationError, match="a position needs a container"):
        inventory.receive_sample(db, CURATOR, "CE5-R3", "CE5", "powder", 5_000, "scooped", position=SHELF)
    with pytest.raises(Exception, match="JAR-11"):
        identify(db, "JAR-11")  # the refused receipt made no jar
    assert verify(db) == []


def test_a_receipt_weighed_on_the_balance_keeps_the_balance_facts(db: Database) -> None:
    seed(db, positions=1)
    facts = {"protocol": "mtsics", "model": "XPR205DR", "serial": "B936745210", "raw": "S S 0.200000 g",
             "stable": True, "read_at": "2026-11-27T23:50:00+00:00"}
    event_id = inventory.receive_sample(db, CURATOR, "CE5-B1", "CE5", "powder", 200_000, "", "JAR-B",
                                        balance=facts)
    with db.read() as session:
        event = session.get(Event, event_id)
        assert event is not None and json.loads(event.details or "{}")["balance"] == facts
    assert inventory.check_new_sample_number(db, " CE5-B2 ") == "CE5-B2"
    with pytest.raises(ValidationError, match="sample CE5-B1 already exists"):
        inventory.check_new_sample_number(db, "CE5-B1")
    with pytest.raises(ValidationError, match="already used by"):
        inventory.check_new_sample_number(db, "JAR-B")
    assert verify(db) == []


def test_catalogue_rows_bring_their_containers_and_positions(db: Database, tmp_path: Path) -> None:
    seed(db, positions=4)
    parent = sample(db, "CE5-P", mass_ug=100_000, barcode="JAR-1", position=f"{SHELF} / P1")
    inventory.add_container(db, TECH, "VIAL-OLD", "vial")  # empty, standing nowhere
    path = write_csv(tmp_path / "cat.csv", [
        ["Sample", "Parent", "Kind", "Mass (mg)", "Container", "Position"],
        ["CE5-A", "", "powder", "30", "JAR-NEW", f"{SHELF} / P3"],
        ["CE5-B", "CE5-A", "powder", "5", "VIAL-B", ""],   # a split of a row: near its parent
        ["CE5-P-1", parent, "powder", "10", "VIAL-C", ""],  # a child of a sample already stored
        ["CE5-D", "", "powder", "1", "VIAL-OLD", ""],       # in use, nowhere: stays so
        ["CE5-E", "", "powder", "1", "", ""],               # no container: no place, as before
    ])
    plan = read_catalogue(db, path, "CE5")
    assert plan.ok, plan.errors
    assert import_catalogue(db, plan, CURATOR) == 5
    assert identify(db, "JAR-NEW").where == f"{SHELF} / P3" and identify(db, "JAR-NEW").what == "jar"
    assert identify(db, "VIAL-B").where == f"{SHELF} / P4" and identify(db, "VIAL-B").what == "vial"
    assert identify(db, "VIAL-C").where == f"{SHELF} / P2"
    assert identify(db, "VIAL-OLD").where == "" and identify(db, "VIAL-OLD").numbers == ("CE5-D",)
    with db.read() as session:
        assert get_sample(session, "CE5-E").container is None
    assert verify(db) == []


@pytest.mark.parametrize(("row", "message"), [
    (["CE5-X", "", "powder", "1", "", f"{SHELF} / P2"], "a position needs a container"),
    (["CE5-X", "", "powder", "1", "JAR-1", ""], "jar JAR-1 already holds CE5-P: one sample per container"),
    (["CE5-X", "", "powder", "1", "V-9", f"{SHELF} / P1"], f"position {SHELF} / P1 already holds container JAR-1"),
    (["CE5-X", "", "powder", "1", "V-9", "Lab / Nowhere"], "no location 'Lab / Nowhere'"),
    (["CE5-X", "", "powder", "1", "V-1", ""], "container V-1 is also on row 2"),
    (["CE5-X", "", "powder", "1", "V-8", f"{SHELF} / P4"], f"position {SHELF} / P4 already holds container V-1"),
])
def test_a_bad_place_is_a_bad_row_and_nothing_is_imported(db: Database, tmp_path: Path, row, message) -> None:
    seed(db, positions=4)
    sample(db, "CE5-P", barcode="JAR-1", position=f"{SHELF} / P1")
    path = write_csv(tmp_path / "cat.csv", [["Sample", "Parent", "Kind", "Mass (mg)", "Container", "Position"],
                                            ["CE5-W", "", "powder", "1", "V-1", f"{SHELF} / P4"], row])
    plan = read_catalogue(db, path, "CE5")
    assert [error.row for error in plan.errors] == [3] and message in plan.errors[0].message


def test_the_cli_import_puts_new_containers_at_the_place_given(db: Database, db_path, tmp_path: Path,
                                                               capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db, positions=2)
    path = write_csv(tmp_path / "cat.csv", [["Sample", "Kind", "Mass (mg)", "Container"],
                                            ["CE5-A", "powder", "3", "JAR-A"], ["CE5-B", "powder", "3", "JAR-B"],
                                            ["CE5-C", "powder", "3", "JAR-C"]])
    for name, value in signs_as(CURATOR).items():
        monkeypatch.setenv(name, value)
    code, out, err = run_cli(db_path, capsys, "import", str(path), "--mission", "CE5", "--operator", CURATOR,
                             "--at", SHELF)
    assert code == 2 and f"{SHELF} has no free position" in err  # two positions, three jars
    with pytest.raises(Exception, match="JAR-A"):
        identify(db, "JAR-A")  # nothing imported
    code, out, err = run_cli(db_path, capsys, "import", str(path), "--mission", "CE5", "--operator", CURATOR,
                             "--at", f"{SHELF} / P2", "--dry-run")
    assert code == 0 and "3 samples" in out
    assert verify(db) == []

