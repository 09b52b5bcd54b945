"""Issue 10 section 2: a weighing beyond the balance tolerance needs a reason, a unit slip is refused, and a
step taken on a mass that changed meanwhile is refused ("changed since you opened it; reload")."""

import json

import pytest
from factories import TECH, sample, seed
from sqlalchemy import select

from curator import inventory
from curator.errors import ConflictError, RuleViolation
from curator.integrity import verify
from curator.inventory import ChildSpec, weighing_refusal
from curator.lookup import get_sample
from curator.storage.models import Event


@pytest.fixture
def number(db):
    seed(db)
    return sample(db, mass_ug=200_000)


def mass_of(db, number: str) -> int:
    with db.read() as session:
        return get_sample(session, number).mass_ug


def test_a_weighing_beyond_the_tolerance_is_refused_without_a_reason(db, number) -> None:
    with pytest.raises(RuleViolation, match="beyond the balance tolerance of 200 µg.*confirm .* with a reason"):
        inventory.weigh(db, TECH, number, 190_000)
    assert mass_of(db, number) == 200_000
    result = inventory.weigh(db, TECH, number, 190_000, reason="glass vial static removed, weighed three times")
    assert result.flagged and mass_of(db, number) == 190_000
    with db.read() as session:
        event = session.get(Event, result.event_id)
    assert json.loads(event.details)["reason"] == "glass vial static removed, weighed three times"
    assert verify(db) == []


def test_a_weighing_within_the_tolerance_needs_no_reason(db, number) -> None:
    assert not inventory.weigh(db, TECH, number, 200_150).flagged
    assert mass_of(db, number) == 200_150


@pytest.mark.parametrize("measured", [2_000_001, 19_999, 200_000_000, 200])
def test_a_unit_slip_is_refused_even_with_a_reason(db, number, measured) -> None:
    with pytest.raises(RuleViolation, match="more than 10 times .* unit slip"):
        inventory.weigh(db, TECH, number, measured, reason="I am sure")
    assert mass_of(db, number) == 200_000


def test_ten_times_exactly_is_not_a_slip_but_needs_a_reason() -> None:
    assert "unit slip" not in weighing_refusal(200_000, 2_000_000)
    assert weighing_refusal(200_000, 2_000_000, "dried sample rehydrated") == ""
    assert weighing_refusal(200_000, 200_100) == ""


def test_a_weighing_on_a_mass_that_changed_meanwhile_is_refused(db, number) -> None:
    inventory.weigh(db, TECH, number, 200_100)  # another desk
    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        inventory.weigh(db, TECH, number, 200_050, expected_ug=200_000)
    assert mass_of(db, number) == 200_100


def test_a_split_on_a_mass_that_changed_meanwhile_is_refused(db, number) -> None:
    seen = mass_of(db, number)
    inventory.split(db, TECH, number, [ChildSpec(50_000)])  # another desk splits first
    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        inventory.split(db, TECH, number, [ChildSpec(50_000)], expected_ug=seen)
    with db.read() as session:
        assert len(session.execute(select(Event.id).where(Event.kind == "split")).all()) == 2  # parent + 1 child
    assert inventory.split(db, TECH, number, [ChildSpec(50_000)], expected_ug=150_000) == [f"{number}-02"]
