"""The loan lifecycle and its rules: availability, overdue borrowers, roles, conflicts."""

from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, TECH, sample, seed

from curator import allocations, inventory
from curator.errors import ConflictError, PermissionDenied, RuleViolation
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.lookup import get_allocation, get_sample


@pytest.fixture
def splits(db):
    seed(db)
    parent = sample(db, mass_ug=10_000_000)
    return inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000), ChildSpec(400_000)])


def approved(db, reference="CE5-T-1", mass_ug=500_000, due=date(2030, 1, 1), institution="Osaka University",
             at=None):
    allocations.create(db, TECH, reference, institution, "CE5", "Dr. Test", mass_ug, due, at=at)
    allocations.approve(db, CURATOR, reference)
    return reference


def status_of(db, reference):
    with db.read() as session:
        return get_allocation(session, reference).status


def test_full_lifecycle_keeps_every_microgram(db, splits) -> None:
    ref = approved(db)
    allocations.prepare(db, TECH, ref, splits[:1])
    assert status_of(db, ref) == "prepared"
    allocations.hand_over(db, CURATOR, ref, splits[1:2])
    assert status_of(db, ref) == "handed_over"
    allocations.record_return(db, TECH, ref, splits[0], 250_000)
    allocations.record_consumption(db, TECH, ref, splits[1])
    assert status_of(db, ref) == "returned"
    with db.read() as session:
        first, second = (get_sample(session, n) for n in splits[:2])
        assert (first.mass_ug, first.status) == (250_000, "returned")
        assert (second.mass_ug, second.status) == (0, "consumed")
        items = {i.sample.number: (i.returned_mass_ug, i.consumed_mass_ug) for i in get_allocation(session, ref).items}
    assert items == {splits[0]: (250_000, 50_000), splits[1]: (0, 200_000)}
    assert verify(db) == []


def test_cannot_hand_over_more_than_approved(db, splits) -> None:
    ref = approved(db, mass_ug=500_000)
    with pytest.raises(RuleViolation, match="more than approved"):
        allocations.hand_over(db, CURATOR, ref, [splits[0], splits[2]])
    assert status_of(db, ref) == "approved"
    with db.read() as session:
        assert get_sample(session, splits[0]).status == "in_store"


def test_cannot_approve_more_than_available(db, splits) -> None:
    allocations.create(db, TECH, "BIG", "Osaka University", "CE5", "Dr. Big", 1_000_000_000)
    with pytest.raises(RuleViolation, match="is available"):
        allocations.approve(db, CURATOR, "BIG")


def test_a_return_cannot_exceed_what_left(db, splits) -> None:
    ref = approved(db)
    allocations.hand_over(db, CURATOR, ref, splits[:1])
    with pytest.raises(RuleViolation, match="impossible"):
        allocations.record_return(db, TECH, ref, splits[0], 300_001)


def test_overdue_borrower_is_refused_unless_a_curator_overrides(db, splits) -> None:
    ref = approved(db, due=date(2020, 1, 1), at=datetime(2019, 1, 1, tzinfo=UTC))
    allocations.hand_over(db, CURATOR, ref, splits[:1], at=datetime(2019, 6, 1, tzinfo=UTC))
    with db.read() as session:
        assert [o.reference for o in allocations.overdue_loans(session)] == [ref]
    with pytest.raises(RuleViolation, match="overdue loan"):
        allocations.create(db, CURATOR, "NEXT", "Osaka University", "CE5", "Dr. Test", 1_000)
    with pytest.raises(PermissionDenied):
        allocations.create(db, TECH, "NEXT", "Osaka University", "CE5", "Dr. Test", 1_000, override_reason="please")
    allocations.create(db, CURATOR, "NEXT", "Osaka University", "CE5", "Dr. Test", 1_000,
                       override_reason="renewal agreed by the board")
    allocations.create(db, TECH, "OTHER", "Brown University", "CE5", "Dr. Other", 1_000)
    assert status_of(db, "NEXT") == "requested"


def test_only_a_curator_approves(db, splits) -> None:
    allocations.create(db, TECH, "R1", "Osaka University", "CE5", "Dr. Test", 1_000)
    with pytest.raises(PermissionDenied, match="only a curator may approve"):
        allocations.approve(db, TECH, "R1")
    assert status_of(db, "R1") == "requested"


def test_cancel_puts_prepared_splits_back(db, splits) -> None:
    ref = approved(db)
    allocations.prepare(db, TECH, ref, splits[:1])
    allocations.cancel(db, CURATOR, ref, "withdrawn")
    with db.read() as session:
        assert get_sample(session, splits[0]).status == "in_store"
    assert status_of(db, ref) == "cancelled"


def test_a_stale_edit_is_refused(db, splits) -> None:
    ref = approved(db)
    with db.read() as session:
        version = get_allocation(session, ref).version
    allocations.update_terms(db, TECH, ref, version, pi="Dr. First")
    with pytest.raises(ConflictError, match="changed by someone else"):
        allocations.update_terms(db, TECH, ref, version, pi="Dr. Second")
    with db.read() as session:
        assert get_allocation(session, ref).pi == "Dr. First"
