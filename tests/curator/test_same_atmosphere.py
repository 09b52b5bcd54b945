"""Issue 14 part 3: the placement rule "same atmosphere first". A free position under the atmosphere the
material stands in (e.g. nitrogen) is preferred, however far, to a nearer one under another atmosphere."""

from __future__ import annotations

from factories import ADMIN, TECH, sample, seed

from curator import inventory
from curator.directory import identify
from curator.integrity import verify
from curator.occupancy import nearest_free

NITROGEN_SHELF = "Lab / Room / Cabinet / Shelf"
SAFE = "Lab / Room / Safe S1"
OTHER_ROOM = "Lab / Room 2 / Nitrogen cabinet N9"


def _storage(db) -> None:  # type: ignore[no-untyped-def]
    """The seed's nitrogen shelf with one position, beside it an air safe with free positions and, in
    another room, a nitrogen cabinet with a free position."""
    seed(db, positions=1)
    inventory.add_location(db, ADMIN, "Lab / Room", "safe", "Safe S1", "air")
    inventory.add_location(db, ADMIN, SAFE, "shelf", "Shelf 1", grid="1x2")
    inventory.add_location(db, ADMIN, "Lab", "room", "Room 2")
    inventory.add_location(db, ADMIN, "Lab / Room 2", "nitrogen cabinet", "Nitrogen cabinet N9")
    inventory.add_location(db, ADMIN, OTHER_ROOM, "shelf", "Shelf 1", grid="1x1")


def test_a_new_vial_stays_under_nitrogen_rather_than_next_door_in_air(db) -> None:
    _storage(db)
    number = sample(db, barcode="JAR-1", position=f"{NITROGEN_SHELF} / P1")
    assert nearest_free(db, "JAR-1") == f"{OTHER_ROOM} / Shelf 1 / A1"
    first, second = inventory.split(db, TECH, number, [inventory.ChildSpec(1_000, container="VIAL-1"),
                                                       inventory.ChildSpec(1_000, container="VIAL-2")])
    assert identify(db, "VIAL-1").where == f"{OTHER_ROOM} / Shelf 1 / A1"  # nitrogen, another room
    assert identify(db, "VIAL-2").where == f"{SAFE} / Shelf 1 / A1"  # no nitrogen left: the nearest in air
    assert (first, second) == (f"{number}-01", f"{number}-02")
    assert verify(db) == []


def test_material_in_air_goes_to_air_first(db) -> None:
    _storage(db)
    number = sample(db, barcode="JAR-1", position=f"{SAFE} / Shelf 1 / A1")
    inventory.split(db, TECH, number, [inventory.ChildSpec(1_000, container="VIAL-1")])
    assert identify(db, "VIAL-1").where == f"{SAFE} / Shelf 1 / A2"
    assert verify(db) == []
