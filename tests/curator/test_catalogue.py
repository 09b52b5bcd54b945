"""Catalogue import on the real NASA Apollo catalogue (2,229 samples), an .xlsx made from it, and broken copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from curator.catalogue import ImportCancelled, import_catalogue, read_catalogue
from curator.errors import ValidationError
from curator.integrity import verify
from curator.storage.db import Database
from curator.storage.models import Event, Mission, Sample
from tests.curator.catalogue_support import APOLLO, apollo_rows, as_xlsx, broken_copy, write_csv
from tests.factories import TECH, seed

PER_MISSION = {"A11": 67, "A12": 68, "A14": 207, "A15": 364, "A16": 767, "A17": 756}


def count(db: Database, what) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.execute(select(func.count()).select_from(what)).scalar_one()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_whole_apollo_catalogue_imports_in_one_go(kind: str, db: Database, tmp_path: Path) -> None:
    seed(db)
    path = APOLLO if kind == "csv" else as_xlsx(tmp_path / "apollo.xlsx", apollo_rows())
    plan = read_catalogue(db, path, "all")
    assert plan.errors == [] and len(plan.samples) == 2229
    assert set(plan.new_missions) == set(PER_MISSION)
    assert import_catalogue(db, plan, TECH) == 2229
    with db.read() as session:
        per_mission = dict(session.execute(select(Mission.code, func.count(Sample.id)).join(Sample)
                                           .group_by(Mission.code)).all())
        a17 = session.execute(select(Mission).where(Mission.code == "A17")).scalar_one()
        big_muley = session.execute(select(Sample).where(Sample.number == "61016")).scalar_one_or_none()
        basalt = session.execute(select(Sample).where(Sample.number == "10003")).scalar_one()
        note = session.execute(select(Event.note).where(Event.sample_id == basalt.id)).scalar_one()
    assert per_mission == PER_MISSION
    assert a17.name == "Apollo 17" and a17.returned_mass_ug == 110_520_000_000
    assert basalt.kind == "basalt" and basalt.mass_ug == 213_000_000 and basalt.mission_id is not None
    assert "Subtype: Ilmenite" in note and "Pristine (%): 65.56" in note
    assert big_muley is None or big_muley.mass_ug > 0
    assert verify(db) == []


def test_one_mission_from_a_catalogue_of_many(demo_db: Database) -> None:
    plan = read_catalogue(demo_db, APOLLO, "A17")  # the demo already has Apollo 17
    assert plan.errors == [] and len(plan.samples) == 756 and plan.new_missions == {}
    assert sum(plan.skipped.values()) == 2229 - 756
    assert "1473 rows of other missions skipped" in plan.summary()


def test_every_bad_row_is_reported_and_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    seed(db)
    path, expected = broken_copy(tmp_path)
    plan = read_catalogue(db, path, "all")
    assert [error.row for error in plan.errors] == sorted(expected)
    for error in plan.errors:
        assert expected[error.row] in error.message, str(error)
    with pytest.raises(ValidationError, match="nothing imported"):
        import_catalogue(db, plan, TECH)
    assert count(db, Sample) == 0 and count(db, Mission) == 1


def test_split_numbers_give_the_parent_and_aliases_and_units_are_understood(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = write_csv(tmp_path / "splits.csv", [
        ["Sample", "Parent", "Kind", "Mass (mg)", "Sampling", "Remarks"],
        ["CE5C0400YJFM00505,1", "", "rock fragments", "12.5", "scooped", "first"],  # parent from the split number
        ["CE5C0400YJFM00505", "", "powder", "1.5 g", "scooped", ""],                 # unit in the cell wins
        ["CE5-X", "CE5C0400YJFM00505", "glass bead", "250 µg", "", ""],             # parent column
    ])
    plan = read_catalogue(db, path, "CE5")
    assert plan.errors == []
    assert [(s.number, s.parent, s.kind, s.mass_ug) for s in plan.samples] == [
        ("CE5C0400YJFM00505,1", "CE5C0400YJFM00505", "rock_fragment", 12_500),
        ("CE5C0400YJFM00505", None, "powder", 1_500_000),
        ("CE5-X", "CE5C0400YJFM00505", "glass_bead", 250)]
    import_catalogue(db, plan, TECH)  # the parent is created before its children
    with db.read() as session:
        child = session.execute(select(Sample).where(Sample.number == "CE5-X")).scalar_one()
        assert child.parent is not None and child.parent.number == "CE5C0400YJFM00505"
    assert verify(db) == []


def test_a_mass_without_any_unit_is_refused(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = write_csv(tmp_path / "nounit.csv",
                     [["ID", "Type", "Mass"], ["S-1", "soil", "12.5"], ["S-2", "soil", "3 mg"]])
    plan = read_catalogue(db, path, "CE5")
    assert [(error.row, "no unit" in error.message) for error in plan.errors] == [(2, True)]


def test_file_level_problems_are_one_clear_error(db: Database, tmp_path: Path) -> None:
    seed(db)
    with pytest.raises(ValidationError, match="no column for mass"):
        read_catalogue(db, write_csv(tmp_path / "a.csv", [["ID", "Type"], ["1", "soil"]]), "CE5")
    with pytest.raises(ValidationError, match=".xlsx or a .csv"):
        read_catalogue(db, write_csv(tmp_path / "a.txt", [["ID"]]), "CE5")
    with pytest.raises(ValidationError, match="unknown mission 'Mars'"):
        read_catalogue(db, APOLLO, "Mars")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="cannot be read"):
        read_catalogue(db, tmp_path / "bad.xlsx", "CE5")


def test_a_cancelled_import_rolls_everything_back(db: Database) -> None:
    seed(db)
    plan = read_catalogue(db, APOLLO, "all")
    seen: list[int] = []

    def stop_at_500(done: int, total: int) -> bool:
        seen.append(done)
        return done < 500

    with pytest.raises(ImportCancelled):
        import_catalogue(db, plan, TECH, stop_at_500)
    assert seen[-1] == 500 and seen[0] == 100
    assert count(db, Sample) == 0 and count(db, Mission) == 1 and verify(db) == []
