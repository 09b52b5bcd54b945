"""Issue 14 part 3: new material always has a place. A split's child goes into a container (an empty one
in use, or a new vial for a barcode not in use yet) that stands in a position (the one named, where it
stands, or the free one nearest the parent), in the split's own transaction; `verify` proves it."""

from __future__ import annotations

import pytest
from factories import ADMIN, CURATOR, TECH, sample, seed
from sqlalchemy import select

from curator import allocations, inventory
from curator.directory import identify
from curator.errors import RuleViolation
from curator.integrity import verify
from curator.loans import allocation_items
from curator.material_places import container_for_new_material, offered_positions, position_for_new_material
from curator.storage.models import Container, Event, Location

SHELF = "Lab / Room / Cabinet / Shelf"


@pytest.fixture
def parent(db) -> str:  # type: ignore[no-untyped-def]
    seed(db, positions=4)
    return sample(db, barcode="JAR-1", position=f"{SHELF} / P1")


def _moves(db, barcode: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        container = session.execute(select(Container).where(Container.barcode == barcode)).scalar_one()
        events = session.execute(select(Event).where(Event.container_id == container.id, Event.kind == "moved")
                                 .order_by(Event.id)).scalars()
        path = {row.id: row.path for row in session.execute(select(Location)).scalars()}
        return [(path.get(event.from_location_id or 0), path.get(event.to_location_id or 0)) for event in events]


def test_an_empty_container_standing_nowhere_is_placed_near_the_parent(db, parent) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial")  # made, not placed
    inventory.split(db, TECH, parent, [inventory.ChildSpec(1_000, container="VIAL-1")])
    assert identify(db, "VIAL-1").where == f"{SHELF} / P2"
    assert _moves(db, "VIAL-1") == [(None, f"{SHELF} / P2")]
    assert verify(db) == []


def test_an_empty_container_in_place_stays_unless_a_position_is_named(db, parent) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial", f"{SHELF} / P3")
    inventory.add_container(db, TECH, "VIAL-2", "vial", f"{SHELF} / P4")
    inventory.split(db, TECH, parent, [inventory.ChildSpec(1_000, container="VIAL-1"),
                                       inventory.ChildSpec(1_000, container="VIAL-2", position=f"{SHELF} / P2")])
    assert identify(db, "VIAL-1").where == f"{SHELF} / P3" and _moves(db, "VIAL-1") == []
    assert _moves(db, "VIAL-2") == [(f"{SHELF} / P4", f"{SHELF} / P2")]
    assert verify(db) == []


def test_a_full_container_or_a_taken_position_refuses_the_whole_split(db, parent) -> None:
    with pytest.raises(RuleViolation, match="jar JAR-1 already holds"):
        inventory.split(db, TECH, parent, [inventory.ChildSpec(1_000, container="jar-1")])
    with pytest.raises(RuleViolation, match=f"position {SHELF} / P1 already holds container JAR-1"):
        inventory.split(db, TECH, parent, [inventory.ChildSpec(1_000, container="VIAL-9"),
                                           inventory.ChildSpec(1_000, container="VIAL-8", position=f"{SHELF} / P1")])
    assert identify(db, "JAR-1").numbers == (parent,)
    with pytest.raises(Exception, match="VIAL-9"):
        identify(db, "VIAL-9")  # nothing of the refused split was kept
    assert verify(db) == []


def test_the_desk_asks_what_a_scan_gives_before_it_splits(db, parent) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial", f"{SHELF} / P3")
    assert container_for_new_material(db, "vial-1") == container_for_new_material(db, "VIAL-1")
    assert container_for_new_material(db, "VIAL-1").position == f"{SHELF} / P3"
    assert container_for_new_material(db, "NEW-7").new
    with pytest.raises(RuleViolation, match="already holds"):
        container_for_new_material(db, "JAR-1")
    assert offered_positions(db, parent, 3) == [f"{SHELF} / P2", f"{SHELF} / P4"]  # only two are free
    with db.read() as session:
        barcode = session.execute(select(Location.barcode).where(Location.path == f"{SHELF} / P4")).scalar_one()
    assert position_for_new_material(db, barcode.lower()) == f"{SHELF} / P4"  # scanned, in any case
    assert position_for_new_material(db, SHELF) == f"{SHELF} / P2"  # a shelf: its next free position
    with pytest.raises(RuleViolation, match="already holds container VIAL-1"):
        position_for_new_material(db, f"{SHELF} / P3")
    assert position_for_new_material(db, f"{SHELF} / P3", "VIAL-1") == f"{SHELF} / P3"  # where it stands


def test_a_return_with_no_free_position_is_refused_naming_what_is_full(db) -> None:
    seed(db, positions=2)
    number = sample(db, barcode="JAR-1", position=f"{SHELF} / P1")
    split, = inventory.split(db, TECH, number, [inventory.ChildSpec(100_000, container="VIAL-1")])
    assert identify(db, "VIAL-1").where == f"{SHELF} / P2"
    allocations.create(db, TECH, "LOAN-1", "Osaka University", "CE5", "Dr Sato", 100_000)
    allocations.approve(db, CURATOR, "LOAN-1")
    allocations.hand_over(db, CURATOR, "LOAN-1", [split])
    inventory.add_container(db, TECH, "VIAL-2", "vial", f"{SHELF} / P2")  # the last free position taken
    with pytest.raises(RuleViolation, match="no free position for VIAL-1: Lab is full; say where it goes"):
        allocations.record_return(db, TECH, "LOAN-1", split, 90_000)
    assert allocation_items(db, "LOAN-1")[0].status == "handed_over"  # nothing recorded
    inventory.add_location(db, ADMIN, SHELF, "position", "P3")
    allocations.record_return(db, TECH, "LOAN-1", split, 90_000, position=f"{SHELF} / P3")
    assert identify(db, "VIAL-1").where == f"{SHELF} / P3"
    assert verify(db) == []
