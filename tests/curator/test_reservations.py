"""Issue 10 section 2: approval reserves mass until hand-over or cancellation (prepared included), hand-over
never exceeds the approved mass, stale hand-overs and returns are refused, and editing an allocation's
due date, mass or borrower is a curator's act recorded as an event with its reason."""

import json
from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, PINS, TECH, sample, seed
from sqlalchemy import select

from curator import allocations, inventory
from curator.allocation_terms import edit_allocation
from curator.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_allocation
from curator.storage.models import Event
from ui.cli import main

REQUESTED = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
def splits(db):
    seed(db)
    parent = sample(db, mass_ug=10_000_000)
    return inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000), ChildSpec(400_000)])


def approved(db, reference, mass_ug, due=date(2027, 1, 1)):
    allocations.create(db, TECH, reference, "Osaka University", "CE5", "Dr. Test", mass_ug, due, at=REQUESTED)
    allocations.approve(db, CURATOR, reference)
    return reference


def test_a_prepared_allocation_still_reserves_its_whole_approved_mass(db, splits) -> None:
    approved(db, "A", 6_000_000)
    allocations.prepare(db, TECH, "A", splits[:1])
    allocations.create(db, TECH, "B", "Brown University", "CE5", "Dr. B", 5_000_000)
    with pytest.raises(RuleViolation, match=r"asks 5 g but only 4 g of CE5 is available \(10 g held, 6 g reserved"):
        allocations.approve(db, CURATOR, "B")
    allocations.cancel(db, CURATOR, "A", "withdrawn")
    allocations.approve(db, CURATOR, "B")  # cancelling released the reservation


def test_a_hand_over_never_exceeds_the_approved_mass(db, splits) -> None:
    approved(db, "A", 500_000)
    allocations.prepare(db, TECH, "A", [splits[2]])  # 400 mg
    inventory.weigh(db, TECH, splits[2], 550_000, reason="humidity absorbed, re-weighed")
    with pytest.raises(RuleViolation, match="splits now hold 550 mg, more than approved"):
        allocations.hand_over(db, CURATOR, "A")
    with db.read() as session:
        assert get_allocation(session, "A").status == "prepared"


def test_stale_hand_overs_returns_and_consumption_are_refused(db, splits) -> None:
    approved(db, "A", 600_000)
    allocations.prepare(db, TECH, "A", splits[:2])
    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        allocations.hand_over(db, CURATOR, "A", expected_ug=400_000)
    allocations.hand_over(db, CURATOR, "A", expected_ug=500_000)
    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        allocations.record_return(db, TECH, "A", splits[0], 100_000, expected_ug=299_000)
    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        allocations.record_consumption(db, TECH, "A", splits[1], expected_ug=1)
    allocations.record_return(db, TECH, "A", splits[0], 100_000, expected_ug=300_000)
    allocations.record_consumption(db, TECH, "A", splits[1], expected_ug=200_000)
    assert verify(db) == []


def test_editing_terms_is_a_curators_act_recorded_with_its_reason(db, splits) -> None:
    approved(db, "A", 500_000)
    with pytest.raises(PermissionDenied, match="only a curator"):
        edit_allocation(db, TECH, "A", "borrower asked", due_date=date(2027, 6, 1))
    with pytest.raises(ValidationError, match="reason"):
        edit_allocation(db, CURATOR, "A", " ", due_date=date(2027, 6, 1))
    event_id = edit_allocation(db, CURATOR, "A", "borrower moved to Brown", due_date=date(2027, 6, 1),
                               approved_mass_ug=600_000, institution="Brown University")
    with db.read() as session:
        event = session.get(Event, event_id)
        loan = get_allocation(session, "A")
        assert (loan.due_date, loan.approved_mass_ug, loan.institution.name) == (
            date(2027, 6, 1), 600_000, "Brown University")
        brown = loan.institution_id
    assert event.kind == "amended" and event.note == "borrower moved to Brown"
    details = json.loads(event.details)
    assert (details["table"], details["set"]) == (
        "allocations", {"due_date": "2027-06-01", "approved_mass_ug": 600_000, "institution_id": brown})
    assert verify(db) == []
    with pytest.raises(RuleViolation, match="is available"):
        edit_allocation(db, CURATOR, "A", "more please", approved_mass_ug=20_000_000)


@pytest.mark.parametrize(("due", "message"), [(date(2026, 1, 4), "before the request"),
                                               (date(2060, 1, 1), "more than 10 years out")])
def test_a_due_date_before_the_request_or_far_out_is_refused(db, splits, due, message) -> None:
    approved(db, "A", 500_000)
    with pytest.raises(ValidationError, match=message):
        edit_allocation(db, CURATOR, "A", "typo", due_date=due)
    with pytest.raises(ValidationError, match=message):
        allocations.create(db, TECH, "B", "Osaka University", "CE5", "Dr. B", 1_000, due, at=REQUESTED)
    with pytest.raises(ValidationError, match=message):
        allocations.hand_over(db, CURATOR, "A", splits[:1], due_date=due)


def test_cli_allocation_edit(db, db_path, splits, capsys, monkeypatch) -> None:
    approved(db, "A", 500_000)
    db.dispose()
    monkeypatch.setenv("CURATOR_PIN", PINS[CURATOR])
    args = ["allocation", "edit", "A", "--due", "2027-03-01", "--operator", CURATOR, "--db", str(db_path)]
    assert main(args) == 2 and "reason" in capsys.readouterr().err
    assert main([*args, "--mass", "450 mg", "--reason", "agreed by e-mail"]) == 0
    assert "amended (agreed by e-mail)" in capsys.readouterr().out
    with db.read() as session:
        loan = get_allocation(session, "A")
        assert (loan.due_date, loan.approved_mass_ug) == (date(2027, 3, 1), 450_000)
        assert session.execute(select(Event.kind).order_by(Event.id.desc()).limit(1)).scalar_one() == "amended"
