"""Issue 15 part 2: a curator edits an allocation's purpose, PI, mass and due date with a reason, and
extends a loan (`curator allocation extend`); the overdue state follows the new date."""

import json
from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, PINS, TECH, sample, seed
from sqlalchemy import select

from curator import allocations, inventory
from curator.allocation_terms import edit_allocation, extend_loan
from curator.errors import PermissionDenied, RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loans import allocation_rows, overdue_references
from curator.storage.models import Event
from ui.cli import main

REQUESTED = datetime(2026, 1, 5, tzinfo=UTC)
DUE = date(2026, 6, 1)


@pytest.fixture
def loan(db) -> str:  # type: ignore[no-untyped-def]
    """Allocation A, handed over to Osaka University on 2026-01-10, due 2026-06-01."""
    seed(db)
    parent = sample(db, mass_ug=10_000_000)
    children = inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000)])
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 600_000, DUE, at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, CURATOR, "A", children, at=datetime(2026, 1, 10, tzinfo=UTC))
    return "A"


def _row(db, today: date):  # type: ignore[no-untyped-def]
    return allocation_rows(db, today=today, reference="A")[0]


def test_an_extension_lifts_the_overdue_state(db, loan) -> None:
    late = date(2026, 7, 1)
    assert _row(db, late).overdue and overdue_references(db, "Osaka University", late) == ["A"]
    event_id = extend_loan(db, CURATOR, loan, date(2026, 12, 31), "analyses take longer (e-mail of 2026-05-20)",
                           at=datetime(2026, 7, 1, tzinfo=UTC))
    row = _row(db, late)
    assert not row.overdue and row.due_date == date(2026, 12, 31)
    assert overdue_references(db, "Osaka University", late) == []
    assert _row(db, date(2027, 1, 1)).overdue
    with db.read() as session:
        event = session.get(Event, event_id)
    assert (event.kind, event.note) == ("amended", "analyses take longer (e-mail of 2026-05-20)")
    assert json.loads(event.details)["set"] == {"due_date": "2026-12-31"}
    assert verify(db) == []


def test_an_extension_is_a_curators_act_that_moves_the_date_later(db, loan) -> None:
    with pytest.raises(PermissionDenied, match="only a curator"):
        extend_loan(db, TECH, loan, date(2026, 12, 31), "asked")
    with pytest.raises(ValidationError, match="reason"):
        extend_loan(db, CURATOR, loan, date(2026, 12, 31), "  ")
    with pytest.raises(ValidationError, match="is due 2026-06-01: an extension moves it later, 2026-05-01 is not"):
        extend_loan(db, CURATOR, loan, date(2026, 5, 1), "typo")
    with pytest.raises(ValidationError, match="more than 10 years out"):
        extend_loan(db, CURATOR, loan, date(2050, 1, 1), "forever")


def test_purpose_and_pi_are_terms_edited_with_a_reason(db, loan) -> None:
    edit_allocation(db, CURATOR, loan, "PI retired", pi="  Dr.  Sato ", purpose="Noble gases")
    row = _row(db, date(2026, 2, 1))
    assert row.pi == "Dr. Sato"
    with pytest.raises(ValidationError, match="principal investigator"):
        edit_allocation(db, CURATOR, loan, "oops", pi=" ")
    with pytest.raises(RuleViolation, match="cannot change the mass or borrower"):
        edit_allocation(db, CURATOR, loan, "more", approved_mass_ug=700_000)
    with pytest.raises(ValidationError, match="already has these terms"):
        edit_allocation(db, CURATOR, loan, "again", pi="Dr. Sato")
    assert verify(db) == []


def test_cli_allocation_extend(db, db_path, loan, capsys, monkeypatch) -> None:
    db.dispose()
    monkeypatch.setenv("CURATOR_PIN", PINS[CURATOR])
    args = ["allocation", "extend", loan, "--to", "2027-01-31", "--operator", CURATOR, "--db", str(db_path)]
    with pytest.raises(SystemExit):
        main(args)
    assert "required: --reason" in capsys.readouterr().err
    assert main([*args, "--reason", "beam time moved"]) == 0
    assert "A now due 2027-01-31" in capsys.readouterr().out
    assert main([*args, "--reason", "again"]) == 2
    assert "an extension moves it later" in capsys.readouterr().err
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    assert main(["allocation", "extend", loan, "--to", "2027-02-28", "--reason", "x", "--operator", TECH,
                 "--db", str(db_path)]) == 2
    assert "only a curator" in capsys.readouterr().err
    with db.read() as session:
        assert session.execute(select(Event.note).order_by(Event.id.desc()).limit(1)).scalar_one() == \
            "beam time moved"
