"""Issue 10 section 2: a correction states the true value of the event it corrects; every mass derived
after it shifts by the difference, and verify replays it exactly (the rule: curator/corrections.py)."""

import json

import pytest
from factories import ADMIN, CURATOR, TECH, seed
from sqlalchemy import select

from curator import handling, inventory
from curator.errors import RuleViolation
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_sample
from curator.operators import add_operator, find_operator
from curator.storage.models import Event
from ui.cli import main

NUMBER = "CE5C0400YJFM00505"


@pytest.fixture
def received(db):
    seed(db)
    inventory.add_container(db, TECH, "JAR-1", "jar")
    inventory.receive_sample(db, CURATOR, NUMBER, "CE5", "powder", 250_000, "scooped", "JAR-1")
    return NUMBER


def mass_of(db, number: str) -> int:
    with db.read() as session:
        return get_sample(session, number).mass_ug


def received_id(db) -> int:
    with db.read() as session:
        return session.execute(select(Event.id).where(Event.kind == "received")).scalar_one()


def last_event(db) -> Event:
    with db.read() as session:
        return session.execute(select(Event).order_by(Event.id.desc()).limit(1)).scalar_one()


def facts_of(event: Event) -> dict:
    """The event's details without the signer's identity every event binds."""
    details = json.loads(event.details)
    details.pop("signer", None)
    return details


def test_the_issue_example_a_typo_before_a_split(db, db_path, received) -> None:
    """Received 250 mg, weighed 250.2 mg (a typo), split off 40 mg, weighing corrected to 250.0 mg."""
    typo = inventory.weigh(db, TECH, received, 250_200).event_id
    [child] = inventory.split(db, TECH, received, [ChildSpec(40_000)])
    assert mass_of(db, received) == 210_200
    handling.correct(db, CURATOR, typo, "typed 250.2 for 250.0", mass_ug=250_000)
    assert mass_of(db, received) == 210_000
    assert mass_of(db, child) == 40_000
    correction = last_event(db)
    assert (correction.kind, correction.corrects_event_id, correction.mass_ug) == ("correction", typo, 210_000)
    assert facts_of(correction) == {"recorded_ug": 250_200, "true_ug": 250_000}
    assert correction.note == "typed 250.2 for 250.0"
    assert verify(db) == []
    db.dispose()
    assert main(["verify", "--db", str(db_path)]) == 0


def test_a_correction_that_would_make_a_later_split_impossible_is_refused_naming_it(db, received) -> None:
    inventory.split(db, TECH, received, [ChildSpec(200_000)])
    split_id = last_event(db).id - 1  # the parent's side comes before the child's
    with pytest.raises(RuleViolation, match=f"at event {split_id} \\(split\\): that later state could not"):
        handling.correct(db, CURATOR, received_id(db), "was only 100 mg", mass_ug=100_000)
    assert mass_of(db, received) == 50_000 and last_event(db).kind == "split"


def test_a_later_weighing_keeps_the_current_mass(db, received) -> None:
    inventory.split(db, TECH, received, [ChildSpec(50_000)])
    split_id = last_event(db).id - 1
    inventory.weigh(db, TECH, received, 200_100)
    handling.correct(db, CURATOR, split_id, "child mass mistyped on the parent's side", mass_ug=199_000)
    assert mass_of(db, received) == 200_100
    assert facts_of(last_event(db)) == {"recorded_ug": 200_000, "true_ug": 199_000}
    assert verify(db) == []


def test_a_second_correction_starts_from_the_first_ones_true_value(db, received) -> None:
    typo = inventory.weigh(db, TECH, received, 250_200).event_id
    handling.correct(db, CURATOR, typo, "first try", mass_ug=250_100)
    handling.correct(db, CURATOR, typo, "second look at the log", mass_ug=250_000)
    assert facts_of(last_event(db)) == {"recorded_ug": 250_100, "true_ug": 250_000}
    assert mass_of(db, received) == 250_000
    assert verify(db) == []


def test_a_reason_only_correction_may_cite_any_event_and_changes_no_mass(db, received) -> None:
    opened = handling.record_observation(db, TECH, "opened", "JAR-1", atmosphere="air")
    handling.correct(db, CURATOR, opened, "it was opened in nitrogen")
    assert last_event(db).mass_ug is None and mass_of(db, received) == 250_000
    with pytest.raises(RuleViolation, match="states no mass"):
        handling.correct(db, CURATOR, opened, "mass?", mass_ug=1)


def test_corrections_are_refused_for_a_negative_true_mass_and_curators_only(db, received) -> None:
    with db.write() as session:
        add_operator(session, "Other Tech", "technician", "918273", find_operator(session, ADMIN))
    with pytest.raises(Exception, match="negative"):
        handling.correct(db, CURATOR, received_id(db), "x", mass_ug=-1)
    with pytest.raises(Exception, match="only a curator"):
        handling.correct(db, "Other Tech", received_id(db), "x", mass_ug=1)
