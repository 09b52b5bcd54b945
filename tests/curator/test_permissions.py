"""Which actions each status allows, to whom: the table the desk's buttons and the services both follow."""

from __future__ import annotations

import pytest

from curator import allocations, inventory
from curator.errors import PermissionDenied, RuleViolation
from curator.handling import record_observation
from curator.permissions import AllocationAction, SampleAction, allocation_actions, sample_actions
from curator.storage.db import Database
from curator.vocabulary import AllocationStatus, Role, SampleStatus
from tests.factories import ADMIN, CURATOR, TECH, sample, seed

W, SP, MV, OP, SE, IN, PH, NO, CO = (SampleAction.WEIGH, SampleAction.SPLIT, SampleAction.MOVE, SampleAction.OPEN,
                                     SampleAction.SEAL, SampleAction.INSPECT, SampleAction.PHOTOGRAPH,
                                     SampleAction.NOTE, SampleAction.CORRECT)
HANDLING = {W, SP, MV, OP, SE, IN, PH, NO}

#: (status, what a technician may do, what a curator may do; an admin may do what a curator may)
SAMPLE_TABLE = [
    (SampleStatus.IN_STORE, HANDLING, HANDLING | {CO}),
    (SampleStatus.ALLOCATED, HANDLING - {SP}, HANDLING - {SP} | {CO}),
    (SampleStatus.RETURNED, HANDLING, HANDLING | {CO}),
    (SampleStatus.ON_LOAN, set(), {CO}),
    (SampleStatus.CONSUMED, set(), {CO}),
]

AP, PR, HO, RR, RC, CA, ED = (AllocationAction.APPROVE, AllocationAction.PREPARE, AllocationAction.HAND_OVER,
                              AllocationAction.RECORD_RETURN, AllocationAction.RECORD_CONSUMPTION,
                              AllocationAction.CANCEL, AllocationAction.EDIT_TERMS)
ALLOCATION_TABLE = [
    (AllocationStatus.REQUESTED, {CA}, {AP, CA, ED}),
    (AllocationStatus.APPROVED, {PR, HO, CA}, {PR, HO, CA, ED}),
    (AllocationStatus.PREPARED, {PR, HO, CA}, {PR, HO, CA, ED}),
    (AllocationStatus.HANDED_OVER, {RR, RC}, {RR, RC, ED}),
    (AllocationStatus.RETURNED, set(), set()),
    (AllocationStatus.CONSUMED, set(), set()),
    (AllocationStatus.CANCELLED, set(), set()),
]


def test_the_tables_cover_every_status() -> None:
    assert {row[0] for row in SAMPLE_TABLE} == set(SampleStatus)
    assert {row[0] for row in ALLOCATION_TABLE} == set(AllocationStatus)


@pytest.mark.parametrize(("status", "technician", "curator"), SAMPLE_TABLE)
def test_sample_actions(status: SampleStatus, technician: set[SampleAction], curator: set[SampleAction]) -> None:
    assert sample_actions(status, Role.TECHNICIAN) == technician
    assert sample_actions(status, Role.CURATOR) == curator
    assert sample_actions(status, Role.ADMIN) == curator
    assert sample_actions(str(status), "technician") == technician  # the strings rows carry do as well
    assert sample_actions(status, None) == frozenset()  # nobody signed in: nothing to record


@pytest.mark.parametrize(("status", "technician", "curator"), ALLOCATION_TABLE)
def test_allocation_actions(status: AllocationStatus, technician: set[AllocationAction],
                            curator: set[AllocationAction]) -> None:
    assert allocation_actions(status, Role.TECHNICIAN) == technician
    assert allocation_actions(status, Role.CURATOR) == curator
    assert allocation_actions(status, Role.ADMIN) == curator
    assert allocation_actions(status, None) == frozenset()


def test_an_unknown_status_is_an_error_not_an_empty_answer() -> None:
    with pytest.raises(ValueError):
        sample_actions("lost", Role.CURATOR)


def test_services_refuse_naming_the_status_or_the_role(db: Database) -> None:
    seed(db)
    number = sample(db, mass_ug=5_000_000)
    allocations.create(db, TECH, "REF-1", "Osaka University", "CE5", "Prof. Ito", 5_000_000)
    with pytest.raises(PermissionDenied, match="only a curator may approve allocation REF-1; Tess Tech is a techn"):
        allocations.approve(db, TECH, "REF-1")
    with pytest.raises(RuleViolation, match="cannot hand over allocation REF-1: it is requested"):
        allocations.hand_over(db, TECH, "REF-1", [number])
    allocations.approve(db, CURATOR, "REF-1")
    allocations.hand_over(db, TECH, "REF-1", [number])
    with pytest.raises(RuleViolation, match=f"cannot weigh {number}: it is on loan"):
        inventory.weigh(db, TECH, number, 5_000_000)
    with pytest.raises(RuleViolation, match=f"cannot note {number}: it is on loan"):
        record_observation(db, ADMIN, "note", number, "seen at the borrower's")
