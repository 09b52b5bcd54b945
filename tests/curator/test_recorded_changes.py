"""A write's Changes are read off the events it recorded: every key people see, none left out."""

from __future__ import annotations

from sqlalchemy import select

from curator import allocations, inventory
from curator.changes import Changes
from curator.institutions import add_institution
from curator.operators import add_operator
from curator.recorded_changes import changes_after, last_event_id
from curator.splitting import ChildSpec
from curator.storage.db import Database
from curator.storage.models import Operator
from tests.factories import ADMIN, CURATOR, SHELF, TECH, sample, seed


def test_a_weighing_names_its_sample(db: Database) -> None:
    seed(db)
    number = sample(db)
    before = last_event_id(db)
    inventory.weigh(db, TECH, number, 1_000_000)
    changes = changes_after(db, before)
    assert changes.samples == {number} and not changes.allocations and not changes.everything


def test_a_split_names_the_parent_and_every_child(db: Database) -> None:
    seed(db)
    parent = sample(db)
    before = last_event_id(db)
    children = inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000)])
    assert changes_after(db, before).samples == {parent, *children}


def test_a_move_names_the_container_and_both_positions(db: Database) -> None:
    seed(db)
    sample(db, position=f"{SHELF} / P1")
    before = last_event_id(db)
    inventory.move_container(db, TECH, "JAR-1", f"{SHELF} / P2")
    changes = changes_after(db, before)
    assert changes.containers == {"JAR-1"}
    assert changes.locations == {f"{SHELF} / P1", f"{SHELF} / P2"}


def test_a_new_container_and_a_new_location_are_named_by_their_keys(db: Database) -> None:
    seed(db)
    before = last_event_id(db)
    inventory.add_location(db, ADMIN, SHELF, "position", "P9")
    inventory.add_container(db, TECH, "VIAL-9", "vial")
    changes = changes_after(db, before)
    assert changes.locations == {f"{SHELF} / P9"} and changes.containers == {"VIAL-9"}
    assert not changes.everything


def test_an_allocation_names_its_reference(db: Database) -> None:
    seed(db)
    before = last_event_id(db)
    allocations.create(db, CURATOR, "CE5-T-1", "Osaka University", "CE5", "Dr. Test", 100_000)
    assert changes_after(db, before).allocations == {"CE5-T-1"}


def test_a_directory_fact_without_a_key_reloads_everything(db: Database) -> None:
    seed(db)
    before = last_event_id(db)
    add_institution(db, ADMIN, "Open University", "GB", "Milton Keynes")
    assert changes_after(db, before).everything


def test_operator_facts_reload_nothing(db: Database) -> None:
    """A new operator, or a wrong PIN counted at another desk, changes nothing any view shows."""
    seed(db)
    before = last_event_id(db)
    with db.write() as session:
        admin = session.scalars(select(Operator).where(Operator.name == ADMIN)).one()
        add_operator(session, "Nia New", "technician", "482916", admin)
    assert last_event_id(db) > before and changes_after(db, before) == Changes()


def test_nothing_recorded_changes_nothing(db: Database) -> None:
    seed(db)
    assert changes_after(db, last_event_id(db)) == changes_after(db, 10**9)

