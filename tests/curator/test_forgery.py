"""Raw-SQL forgeries of any table, not just the events, are named by verify: the table, the row by its
human key, the column, the stored value and the value the chain gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import CURATOR, TECH, sample, seed
from safety_support import cli, copy_file, sql

from curator import inventory
from curator.events import append_event
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_sample
from curator.operators import find_operator

pytestmark = pytest.mark.sqlite_file


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_file(demo_template, tmp_path / "demo.db")


def problems_of(path: Path) -> list[str]:
    result = cli("verify", "--db", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout.splitlines()


def named(found: list[str], *words: str) -> bool:
    return any(all(word in line for word in words) for line in found)


def test_swapped_operator_names_are_found(demo: Path) -> None:
    sql(demo, "UPDATE operators SET name = 'swap' WHERE name = 'Li Wei'")
    sql(demo, "UPDATE operators SET name = 'Li Wei' WHERE name = 'Zhang Min'")
    sql(demo, "UPDATE operators SET name = 'Zhang Min' WHERE name = 'swap'")
    found = problems_of(demo)  # operators are registered facts: the table differs from the chain
    assert named(found, "operators 'Li Wei': name is 'Zhang Min', the chain gives 'Li Wei'"), found
    assert named(found, "operators 'Zhang Min': name is 'Li Wei', the chain gives 'Zhang Min'"), found


def test_a_technician_made_admin_is_found(demo: Path) -> None:
    sql(demo, "UPDATE operators SET role = 'admin' WHERE name = 'Li Wei'")
    assert named(problems_of(demo), "operators 'Li Wei': role is 'admin', the chain gives 'technician'")


def test_an_on_loan_split_put_back_in_store_is_found(demo: Path) -> None:
    number = sql(demo, "SELECT number FROM samples WHERE status = 'on_loan' ORDER BY id LIMIT 1")[0][0]
    sql(demo, "UPDATE samples SET status = 'in_store' WHERE number = ?", number)
    assert named(problems_of(demo), f"sample {number}:", "status is 'in_store', the chain gives 'on_loan'")


def test_an_institution_moved_to_another_country_is_found(demo: Path) -> None:
    sql(demo, "UPDATE institutions SET country = 'US' WHERE name = 'Osaka University'")
    assert named(problems_of(demo), "institutions 'Osaka University': country is 'US', the chain gives 'JP'")


def test_an_edited_allocation_item_is_found(demo: Path) -> None:
    reference, number, mass = sql(demo, "SELECT a.reference, s.number, i.mass_ug FROM allocation_items i JOIN "
                                        "allocations a ON a.id = i.allocation_id JOIN samples s ON s.id = i.sample_id "
                                        "ORDER BY i.id LIMIT 1")[0]
    sql(demo, "UPDATE allocation_items SET mass_ug = 1000 WHERE mass_ug = ?", mass)
    assert named(problems_of(demo), f"allocation_items {reference} / {number}: mass_ug is 1000, the chain gives {mass}")


@pytest.mark.parametrize("which", ["primary", "split"])
def test_a_renumbered_sample_is_found(demo: Path, which: str) -> None:
    where = "parent_id IS NULL" if which == "primary" else "parent_id IS NOT NULL"
    number = sql(demo, f"SELECT number FROM samples WHERE {where} ORDER BY id LIMIT 1")[0][0]
    sql(demo, "UPDATE samples SET number = 'CE5-FORGED-1' WHERE number = ?", number)
    assert named(problems_of(demo), "sample CE5-FORGED-1:", f"number is 'CE5-FORGED-1', the chain gives '{number}'")


def test_a_deleted_chain_head_is_found(demo: Path) -> None:
    sql(demo, "DELETE FROM chain_head")
    assert named(problems_of(demo), "chain_head row is missing")


def test_a_row_added_behind_the_applications_back_is_found(demo: Path) -> None:
    sql(demo, "INSERT INTO institutions (name, country, city, contact) VALUES ('Shadow Lab', 'KP', '', '')")
    assert named(problems_of(demo), "institutions 'Shadow Lab': no event registered")


def test_a_moved_container_is_found(demo: Path) -> None:
    barcode = sql(demo, "SELECT barcode FROM containers WHERE location_id IS NOT NULL ORDER BY id LIMIT 1")[0][0]
    sql(demo, "UPDATE containers SET location_id = NULL WHERE barcode = ?", barcode)
    assert named(problems_of(demo), f"containers '{barcode}': location_id is None")


def test_the_demo_verifies_clean(demo: Path) -> None:
    result = cli("verify", "--db", str(demo))
    assert result.returncode == 0, result.stdout


def test_a_correction_moves_the_mass_derived_after_the_corrected_weighing(db) -> None:
    """notes/CORRECTIONS.md: received 250 mg, weighed 250.2 mg (a typo), split off 40 mg, the weighing
    corrected to 250.0 mg: the parent holds 210.0 mg, the child 40 mg, and verify is content."""
    seed(db)
    number = sample(db, mass_ug=250_000)
    weighing = inventory.weigh(db, TECH, number, 250_200).event_id
    inventory.split(db, TECH, number, [ChildSpec(40_000)])
    with db.write() as session:
        parent = get_sample(session, number)
        event = append_event(session, "correction", find_operator(session, CURATOR), corrects_event_id=weighing,
                             sample_id=parent.id, mass_ug=210_000, note="typo on the balance",
                             details={"recorded_ug": 250_200, "true_ug": 250_000})
        parent.mass_ug, parent.last_event_id = 210_000, event.id
    assert verify(db) == []
    with db.write() as session:  # a correction that leaves a mass the rule does not give
        parent = get_sample(session, number)
        event = append_event(session, "correction", find_operator(session, CURATOR), corrects_event_id=weighing,
                             sample_id=parent.id, mass_ug=205_000, note="again",
                             details={"recorded_ug": 250_100, "true_ug": 245_000})
        parent.mass_ug, parent.last_event_id = 205_000, event.id
    found = [str(problem) for problem in verify(db)]
    assert named(found, f"event {event.id}, sample {number}:", "event stood at 250 mg") or \
        named(found, f"event {event.id}", "stood at"), found
    assert named(found, f"event {event.id}", "the correction rule gives 204.9 mg"), found


def test_signatures_are_checked_against_the_operator_at_that_point_of_the_chain(db) -> None:
    """A promotion recorded as a fact is no forgery: earlier events keep the role they were signed with."""
    from curator.facts import amend, register
    from curator.storage.models import Operator

    with db.write() as session:
        admin = Operator(name="Wang Lei", role="admin", pin_hash="", active=True)
        register(session, None, admin)
        tech = Operator(name="Tess Tech", role="technician", pin_hash="", active=True)
        register(session, admin, tech)
    inventory.add_mission(db, "Tess Tech", "CE5", "Chang'e-5", 1_731_000_000)
    with db.write() as session:
        amend(session, find_operator(session, "Wang Lei"), find_operator(session, "Tess Tech"), role="curator")
    inventory.add_mission(db, "Tess Tech", "CE6", "Chang'e-6", 1_935_300_000)
    assert verify(db) == []
    with db.write() as session:  # the same promotion behind the application's back is named
        find_operator(session, "Wang Lei").role = "technician"
    found = [str(problem) for problem in verify(db)]
    assert named(found, "operators 'Wang Lei': role is 'technician', the chain gives 'admin'"), found
