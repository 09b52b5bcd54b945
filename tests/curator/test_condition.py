"""Issue 14 part 5: a sample's condition, derived from its history, with the event that set it; an
allocation that asks for pristine material hands over pristine samples only."""

from datetime import date

import pytest
from factories import CURATOR, TECH, sample, seed

from curator import allocations, handling, inventory
from curator.condition import condition_of
from curator.errors import RuleViolation
from curator.events import append_event
from curator.history import genealogy
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_sample
from curator.operators import find_operator


@pytest.fixture
def parent(db):
    positions = seed(db)
    return sample(db, mass_ug=10_000_000, barcode="JAR-1", position=positions[0])


def state(db, number: str) -> tuple[str, int | None]:
    found = condition_of(db, number)
    return found.condition, found.event_id


def test_opening_in_nitrogen_keeps_a_sample_pristine_and_in_air_exposes_it(db, parent) -> None:
    assert state(db, parent) == ("pristine", None)
    handling.record_observation(db, TECH, "opened", "JAR-1", atmosphere="nitrogen")
    handling.record_observation(db, TECH, "sealed", "JAR-1", atmosphere="nitrogen")
    assert state(db, parent) == ("pristine", None)
    early = inventory.split(db, TECH, parent, [ChildSpec(100_000)])[0]
    exposing = handling.record_observation(db, TECH, "opened", "JAR-1", atmosphere="air")
    handling.record_observation(db, TECH, "opened", "JAR-1", atmosphere="air")
    late = inventory.split(db, TECH, parent, [ChildSpec(100_000)])[0]
    assert state(db, parent) == ("exposed", exposing)
    assert state(db, late) == ("exposed", exposing)  # a split carries its parent's past
    assert state(db, early) == ("pristine", None)  # split off before the jar was opened in air
    tree = genealogy(db, late)  # the genealogy shows each one's condition too
    assert (tree.condition, {child.number: child.condition for child in tree.children}) == (
        "exposed", {early: "pristine", late: "exposed"})
    assert verify(db) == []


def test_an_event_on_a_sample_itself_exposes_it(db, parent) -> None:
    opened = handling.record_observation(db, TECH, "opened", parent, atmosphere="air")
    assert state(db, parent) == ("exposed", opened)


def test_a_returned_treatment_makes_a_sample_processed_or_contaminated(db, parent) -> None:
    """The return form's treatment (loans issue) is read from the returned event's details."""
    def returned(*treatment: str) -> int:
        with db.write() as session:
            signer = find_operator(session, TECH)
            return append_event(session, "returned", signer, sample_id=get_sample(session, parent).id,
                                details={"treatment": list(treatment)}).id

    returned("none")
    assert state(db, parent) == ("pristine", None)
    polished = returned("polished", "exposed_to_air")
    assert state(db, parent) == ("processed", polished)
    contaminated = returned("contaminated")
    returned("coated")
    assert state(db, parent) == ("contaminated", contaminated)


def test_a_pristine_request_hands_over_pristine_samples_only(db, parent) -> None:
    clean, exposed, later = inventory.split(db, TECH, parent, [ChildSpec(100_000)] * 3)
    inventory.add_container(db, TECH, "VIAL-9", "vial")
    inventory.put_in_container(db, TECH, later, "VIAL-9")
    opened = handling.record_observation(db, TECH, "opened", exposed, atmosphere="air")
    allocations.create(db, TECH, "CE5-P-1", "Osaka University", "CE5", "Dr. Test", 1_000_000, date(2030, 1, 1),
                       pristine_only=True)
    allocations.approve(db, CURATOR, "CE5-P-1")
    with pytest.raises(RuleViolation, match=f"asks for pristine material; {exposed} is exposed \\(since event "
                                            f"{opened}\\)"):
        allocations.prepare(db, TECH, "CE5-P-1", [exposed])
    allocations.prepare(db, TECH, "CE5-P-1", [clean, later])
    handling.record_observation(db, TECH, "opened", "VIAL-9", atmosphere="air")
    with pytest.raises(RuleViolation, match=f"{later} is exposed"):
        allocations.hand_over(db, CURATOR, "CE5-P-1")
    allocations.create(db, TECH, "CE5-A-1", "Osaka University", "CE5", "Dr. Test", 1_000_000, date(2030, 1, 1))
    allocations.approve(db, CURATOR, "CE5-A-1")
    allocations.hand_over(db, CURATOR, "CE5-A-1", [exposed])  # any condition, when not asked for pristine
    assert verify(db) == []
