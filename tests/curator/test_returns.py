"""A split's return states its mass back, what was consumed and what was done to it (the treatment kept
in the "returned" event); the return form reads them back from the chain."""

from datetime import date

import pytest
from factories import CURATOR, TECH, sample, seed

from curator import allocations, inventory
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loan_returns import return_form
from curator.storage.models import Event
from curator.vocabulary import EventKind, Treatment


@pytest.fixture
def splits(db) -> list[str]:
    seed(db)
    sample(db, mass_ug=10_000_000)
    made = inventory.split(db, TECH, "CE5C0400YJFM00505", [ChildSpec(300_000), ChildSpec(200_000)])
    allocations.create(db, TECH, "CE5-F-1", "Osaka University", "CE5", "Dr. Form", 500_000, date(2030, 1, 1))
    allocations.approve(db, CURATOR, "CE5-F-1")
    allocations.hand_over(db, CURATOR, "CE5-F-1", made)
    return made


def test_a_return_records_mass_back_consumed_and_treatment(db, splits) -> None:
    with pytest.raises(RuleViolation, match="180 mg back and 100 mg consumed make 280 mg"):
        allocations.record_return(db, TECH, "CE5-F-1", splits[0], 180_000, consumed_ug=100_000)
    with pytest.raises(ValidationError, match="unknown treatment 'baked'"):
        allocations.record_return(db, TECH, "CE5-F-1", splits[0], 180_000, treatment=["baked"])
    with pytest.raises(ValidationError, match="cannot also be untreated"):
        allocations.record_return(db, TECH, "CE5-F-1", splits[0], 180_000, treatment=["none", "coated"])
    with pytest.raises(RuleViolation, match="no split back or used up yet"):
        return_form(db, "CE5-F-1")
    allocations.record_return(db, TECH, "CE5-F-1", splits[0], 180_000, "polished thin section",
                              consumed_ug=120_000, treatment=["polished", "exposed to air", "polished"])
    with db.read() as session:
        from sqlalchemy import select
        event = session.execute(select(Event).where(Event.kind == EventKind.RETURNED)).scalar_one()
        assert '"treatment":["polished","exposed_to_air"]' in event.details
    form = return_form(db, "CE5-F-1")
    first, second = form.lines
    assert (first.number, first.out_ug, first.back_ug, first.consumed_ug) == (splits[0], 300_000, 180_000, 120_000)
    assert first.treatment == (Treatment.POLISHED, Treatment.EXPOSED_TO_AIR)
    assert (first.note, first.recorded_by, first.closed_on) == ("polished thin section", TECH, date.today())
    assert (second.number, second.closed_on, second.status) == (splits[1], None, "handed_over")
    assert (form.out_ug, form.back_ug, form.consumed_ug) == (500_000, 180_000, 120_000)
    assert verify(db) == []
