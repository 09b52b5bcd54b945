"""Receiving, weighing, splitting and moving: the mass rules and the position rule."""

import pytest
from factories import CURATOR, SHELF, TECH, sample, seed
from sqlalchemy import select

from curator import handling, inventory
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_container, get_sample
from curator.storage.models import ContainerStay, Event


@pytest.fixture
def positions(db):
    return seed(db)


def mass_of(db, number: str) -> int:
    with db.read() as session:
        return get_sample(session, number).mass_ug


def test_split_balances_exactly(db, positions) -> None:
    parent = sample(db, mass_ug=1_000_000)
    children = inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000)], loss_ug=17)
    assert children == [f"{parent}-01", f"{parent}-02"]
    assert mass_of(db, parent) == 1_000_000 - 500_000 - 17
    assert mass_of(db, children[0]) + mass_of(db, children[1]) + mass_of(db, parent) + 17 == 1_000_000
    assert inventory.propose_split_numbers(db, parent, 2) == [f"{parent}-03", f"{parent}-04"]
    assert verify(db) == []


def test_split_that_would_go_negative_is_refused_and_changes_nothing(db, positions) -> None:
    parent = sample(db, mass_ug=1_000)
    with pytest.raises(RuleViolation, match="does not balance"):
        inventory.split(db, TECH, parent, [ChildSpec(600), ChildSpec(500)])
    assert mass_of(db, parent) == 1_000
    with db.read() as session:
        assert session.execute(select(Event.kind).where(Event.sample_id.is_not(None))).scalars().all() == ["received"]


@pytest.mark.parametrize("children,loss", [([ChildSpec(0)], 0), ([ChildSpec(10)], -1), ([], 0)])
def test_split_rejects_empty_zero_or_negative_parts(db, positions, children, loss) -> None:
    parent = sample(db)
    with pytest.raises((RuleViolation, ValidationError)):
        inventory.split(db, TECH, parent, children, loss_ug=loss)


def test_weighing_sets_the_mass_and_flags_a_large_difference(db, positions) -> None:
    parent = sample(db, mass_ug=500_000)
    close = inventory.weigh(db, TECH, parent, 500_040)
    assert not close.flagged and mass_of(db, parent) == 500_040
    far = inventory.weigh(db, TECH, parent, 400_000, reason="sieved fines lost, re-weighed twice")
    assert far.flagged and far.difference_ug == -100_040


def test_masses_cannot_be_negative_or_exceed_the_mission(db, positions) -> None:
    parent = sample(db)
    with pytest.raises(RuleViolation, match="negative"):
        inventory.weigh(db, TECH, parent, -1)
    with pytest.raises(RuleViolation, match="more than CE5 returned"):
        inventory.weigh(db, TECH, parent, 1_731_000_001)
    with pytest.raises(RuleViolation, match="more than CE5 returned"):
        inventory.receive_sample(db, CURATOR, "CE5X", "CE5", "powder", 2_000_000_000)


def test_a_position_holds_one_container(db, positions) -> None:
    inventory.add_container(db, TECH, "VIAL-1", "vial", positions[0])
    inventory.add_container(db, TECH, "VIAL-2", "vial", positions[1])
    with pytest.raises(RuleViolation, match="already holds container VIAL-1"):
        inventory.move_container(db, TECH, "VIAL-2", positions[0])
    with pytest.raises(RuleViolation, match="already holds"):
        inventory.add_container(db, TECH, "VIAL-3", "vial", positions[0])
    inventory.move_container(db, TECH, "VIAL-2", SHELF)  # a shelf named: its next free position
    with db.read() as session:
        assert get_container(session, "VIAL-2").location.path == positions[2]


def test_container_events_reach_the_samples_inside(db, positions) -> None:
    number = sample(db, barcode="JAR-9", position=positions[0])
    event_id = handling.record_observation(db, TECH, "opened", "JAR-9", atmosphere="nitrogen")
    inventory.add_container(db, TECH, "VIAL-2", "vial")
    later = inventory.put_in_container(db, TECH, number, "VIAL-2")
    with db.read() as session:
        event = session.get(Event, event_id)
        assert event.container_id is not None and event.sample_id is None
        stays = session.execute(select(ContainerStay).where(ContainerStay.sample_id == get_sample(session, number).id)
                                .order_by(ContainerStay.id)).scalars().all()
    jar_stay, vial_stay = stays
    assert jar_stay.from_event_id < event_id < jar_stay.until_event_id == later
    assert vial_stay.from_event_id == later and vial_stay.until_event_id is None


def test_unknown_kinds_and_codes_are_named(db, positions) -> None:
    with pytest.raises(ValidationError, match="unknown sample kind 'moonrock'"):
        inventory.receive_sample(db, CURATOR, "X1", "CE5", "moonrock", 10)
    with pytest.raises(Exception, match="unknown code 'NOPE'"):
        handling.record_observation(db, TECH, "note", "NOPE", note="hello")


def test_only_a_curator_records_corrections(db, positions) -> None:
    number = sample(db)
    wrong = inventory.weigh(db, TECH, number, 900_000, reason="balance read twice").event_id
    with pytest.raises(Exception, match="only a curator may record a correction"):
        handling.correct(db, TECH, wrong, "typo", mass_ug=1_000_000)
    handling.correct(db, CURATOR, wrong, "typo on the balance display", mass_ug=1_000_000)
    assert mass_of(db, number) == 1_000_000
    assert verify(db) == []
