"""The desk and the domain never disagree: for every status in the demo, every action a view enables is
accepted by the service, and every action it disables is refused by it (naming the status or the role)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import select

from curator import allocations, handling, inventory
from curator.browse import free_positions
from curator.errors import PermissionDenied, RuleViolation
from curator.inventory import ChildSpec
from curator.loans import allocation_items
from curator.storage.db import Database
from curator.storage.models import Allocation, Mission, Sample
from curator.vocabulary import (
    AllocationItemStatus,
    AllocationStatus,
    Atmosphere,
    ContainerKind,
    DueState,
    EventKind,
    LocationKind,
    ResultKind,
    Role,
    SampleKind,
    SampleStatus,
    Sampling,
    Treatment,
    Word,
)
from tests.ui.conftest import CURATOR, TECHNICIAN
from ui.desk import Desk
from ui.text import _labels
from ui.views.allocations_view import AllocationsView
from ui.views.sample_view import SampleView

ROLES = {"desk": CURATOR, "tech_desk": TECHNICIAN}
BORROWER = "Peking University"


def _outcome(attempt: Callable[[], object]) -> str:
    """"accepted", or the refusal's message."""
    try:
        attempt()
    except (RuleViolation, PermissionDenied) as refusal:
        return str(refusal)
    return "accepted"


def _check(enabled: bool, outcome: str, status: str, what: str) -> None:
    if enabled:
        assert outcome == "accepted", f"{what}: enabled for {status}, refused by the service: {outcome}"
    else:
        assert outcome != "accepted", f"{what}: disabled for {status}, accepted by the service"
        assert status.replace("_", " ") in outcome or "only a curator" in outcome, outcome


def _sample_attempts(db: Database, operator: str, number: str, barcode: str) -> dict[str, list[Callable[[], object]]]:
    """Each button of the sample view and the service calls it leads to (valid but for the status or role)."""
    with db.read() as session:
        found = session.execute(select(Sample).where(Sample.number == number)).scalar_one()
        mass, last_event = found.mass_ug, found.last_event_id
        holder = found.container.barcode if found.container else None
    moves = [lambda: inventory.move_container(db, operator, holder, free_positions(db)[0])] if holder else []
    moves.append(lambda: inventory.put_in_container(db, operator, number, barcode))  # after: it leaves ``holder``

    def observe(kind: str, **facts: str) -> Callable[[], object]:
        return lambda: handling.record_observation(db, operator, kind, number, "looked at it", **facts)

    return {
        "weigh": [lambda: inventory.weigh(db, operator, number, mass)],
        "split": [lambda: inventory.split(db, operator, number, [ChildSpec(1)])],
        "move": moves,
        "open": [observe("opened", atmosphere="nitrogen")],
        "seal": [observe("sealed", atmosphere="nitrogen")],
        "inspect": [observe("inspected"), observe("note"), observe("photographed", photo="IMG_1.jpg")],
        "correct": [lambda: handling.correct(db, operator, last_event, "wrong operator named")],
    }


@pytest.mark.parametrize("role", ROLES)
def test_sample_view_and_services_agree_for_every_status(role: str, request: pytest.FixtureRequest, qtbot) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = request.getfixturevalue(role)
    inventory.add_container(desk.db, ROLES[role], "VOCAB-VIAL", "box")  # a box: one sample of each status goes in
    view = SampleView(desk)
    qtbot.addWidget(view)
    for status in SampleStatus:
        with desk.db.read() as session:
            number = session.execute(select(Sample.number).where(Sample.status == status, Sample.mass_ug > 2)
                                     .order_by(Sample.number).limit(1)).scalar_one_or_none() or session.execute(
                select(Sample.number).where(Sample.status == status).limit(1)).scalar_one()
        view.show_sample(number)
        for key, attempts in _sample_attempts(desk.db, ROLES[role], number, "VOCAB-VIAL").items():
            for attempt in attempts:
                _check(view.buttons[key].isEnabled(), _outcome(attempt), status, f"{role} {key} {number}")


class Loans:
    """Fresh allocations of the demo's CE5 in any status, each with a split of its own."""

    def __init__(self, db: Database) -> None:
        self.db = db
        with db.read() as session:
            parent = session.execute(select(Sample.number).join(Sample.mission)
                                     .where(Mission.code == "CE5", Sample.status == SampleStatus.IN_STORE,
                                            Sample.mass_ug > 100_000)
                                     .order_by(Sample.number).limit(1)).scalar_one()
        self.splits = iter(inventory.split(db, CURATOR, parent, [ChildSpec(1_000) for _ in range(40)]))
        self.count = itertools.count(1)

    def make(self, status: AllocationStatus) -> str:
        reference = f"VOCAB-{next(self.count)}"
        allocations.create(self.db, CURATOR, reference, BORROWER, "CE5", "Prof. Test", 10_000,
                           override_reason="the borrower's overdue loan is not this test's concern")
        steps = {AllocationStatus.CANCELLED: [lambda: allocations.cancel(self.db, CURATOR, reference, "test")]}
        if status not in (AllocationStatus.REQUESTED, AllocationStatus.CANCELLED):
            number = next(self.splits)
            steps[status] = [lambda: allocations.approve(self.db, CURATOR, reference)]
            if status != AllocationStatus.APPROVED:
                steps[status].append(lambda: allocations.prepare(self.db, CURATOR, reference, [number]))
            if status not in (AllocationStatus.APPROVED, AllocationStatus.PREPARED):
                steps[status].append(lambda: allocations.hand_over(self.db, CURATOR, reference))
            if status == AllocationStatus.RETURNED:
                steps[status].append(lambda: allocations.record_return(self.db, CURATOR, reference, number, 900))
            if status == AllocationStatus.CONSUMED:
                steps[status].append(lambda: allocations.record_consumption(self.db, CURATOR, reference, number))
        for step in steps.get(status, []):
            step()
        return reference

    def attempts(self, operator: str, reference: str) -> dict[str, Callable[[], object]]:
        """Each status-bound button of the allocations view and the service call it leads to."""
        items = allocation_items(self.db, reference)
        number = items[0].number if items else "CE5C0100YJFM00503"
        return {
            "approve": lambda: allocations.approve(self.db, operator, reference),
            "hand_over": lambda: allocations.hand_over(self.db, operator, reference,
                                                       None if items else [next(self.splits)]),
            "return": lambda: allocations.record_return(self.db, operator, reference, number, 500),
            "consume": lambda: allocations.record_consumption(self.db, operator, reference, number),
            "cancel": lambda: allocations.cancel(self.db, operator, reference, "changed plans"),
        }


@pytest.mark.parametrize("role", ROLES)
def test_allocations_view_and_services_agree_for_every_status(role: str, request: pytest.FixtureRequest,
                                                              qtbot) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = request.getfixturevalue(role)
    loans = Loans(desk.db)
    view = AllocationsView(desk)
    qtbot.addWidget(view)
    view.show()
    with desk.db.read() as session:
        demo = {status: session.execute(select(Allocation.reference).where(Allocation.status == status)
                                        .order_by(Allocation.reference).limit(1)).scalar_one()
                for status in AllocationStatus}  # the demo holds an allocation in every status
    for status, reference in demo.items():
        view.refresh()
        view.select(reference)
        enabled = {key: view.buttons[key].isEnabled() for key in loans.attempts(ROLES[role], reference)}
        for key, is_enabled in enabled.items():
            # an accepted action changes the status: each one gets a fresh allocation in this status
            target = loans.make(status) if is_enabled else reference
            outcome = _outcome(loans.attempts(ROLES[role], target)[key])
            _check(is_enabled, outcome, status, f"{role} {key} {target}")


@pytest.mark.parametrize("vocabulary", [SampleStatus, AllocationStatus, AllocationItemStatus, SampleKind, Sampling,
                                        ContainerKind, LocationKind, Atmosphere, Role, EventKind, DueState,
                                        Treatment, ResultKind])
def test_the_desk_has_a_word_for_every_member_of_every_vocabulary(vocabulary: type[Word], qapp) -> None:  # type: ignore[no-untyped-def]
    assert not [member for member in vocabulary if member and member not in _labels()]
