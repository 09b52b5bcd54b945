"""Issue 15 part 3: splits set aside by Prepare keep the approved mass reserved against any other approval,
and several splits come back in one session: all recorded in one transaction, or none."""

from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, PINS, TECH, sample, seed

from curator import allocations, inventory
from curator.directory import identify
from curator.errors import ConflictError, RuleViolation, ValidationError
from curator.history import sample_detail
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loan_sessions import SplitBack, record_returns
from curator.loans import allocation_rows
from ui.cli import main

REQUESTED = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
def splits(db) -> list[str]:  # type: ignore[no-untyped-def]
    seed(db)
    parent = sample(db, mass_ug=2_000_000)
    return inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000), ChildSpec(100_000)])


def test_prepared_splits_stay_reserved_for_their_loan(db, splits) -> None:
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 1_500_000, date(2027, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.prepare(db, TECH, "A", splits[:2])
    assert sample_detail(db, splits[0]).status == "allocated"
    allocations.create(db, TECH, "B", "Brown University", "CE5", "Dr. B", 600_000, at=REQUESTED)
    with pytest.raises(RuleViolation, match=r"only 500 mg of CE5 is available \(2 g held, 1.5 g reserved"):
        allocations.approve(db, CURATOR, "B")
    allocations.create(db, TECH, "C", "Brown University", "CE5", "Dr. C", 400_000, at=REQUESTED)
    allocations.approve(db, CURATOR, "C")
    with pytest.raises(RuleViolation, match="allocated, not available"):  # a prepared split is not another loan's
        allocations.prepare(db, TECH, "C", splits[:1])


def test_several_splits_return_in_one_transaction_or_none(db, splits) -> None:
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 600_000, date(2027, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, CURATOR, "A", splits)
    with pytest.raises(RuleViolation, match="is not on loan under allocation A"):
        record_returns(db, TECH, "A", [SplitBack(splits[0], 300_000, 300_000), SplitBack("CE5C0400YJFM00505", 1, 1)])
    with pytest.raises(ConflictError):
        record_returns(db, TECH, "A", [SplitBack(splits[0], 300_000, 300_000), SplitBack(splits[1], 1, 1)])
    with pytest.raises(ValidationError, match="no split"):
        record_returns(db, TECH, "A", [])
    assert sample_detail(db, splits[0]).status == "on_loan"  # nothing of the refused sessions was kept
    assert record_returns(db, TECH, "A", [SplitBack(splits[0], 300_000, 300_000),
                                          SplitBack(splits[1], 150_000, 200_000)]) == 2
    row = allocation_rows(db, reference="A")[0]
    assert (row.status, row.returned_ug, row.consumed_ug) == ("handed_over", 450_000, 50_000)
    record_returns(db, TECH, "A", [SplitBack(splits[2], 100_000, 100_000)])
    assert allocation_rows(db, reference="A")[0].status == "returned"
    assert verify(db) == []


def test_cli_allocation_prepare(db, db_path, splits, capsys, monkeypatch) -> None:
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 450_000, date(2027, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    db.dispose()
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    args = ["allocation", "prepare", "A", "--operator", TECH, "--db", str(db_path)]
    assert main([*args, splits[0], splits[1].lower(), splits[2]]) == 2
    assert "more than approved" in capsys.readouterr().err
    assert main([*args, splits[0], splits[2].lower()]) == 0
    assert f"prepared A: {splits[0]}, {splits[2]}" in capsys.readouterr().out
    assert allocation_rows(db, reference="A")[0].status == "prepared"
    assert sample_detail(db, splits[2]).status == "allocated"


def test_a_split_given_a_position_keeps_it_from_a_split_going_to_its_default_place(db) -> None:  # type: ignore[no-untyped-def]
    positions = seed(db, positions=3)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    made = inventory.split(db, TECH, parent, [ChildSpec(100_000, container="V-1"), ChildSpec(100_000, container="V-2")])
    assert [identify(db, barcode).where for barcode in ("V-1", "V-2")] == positions[1:]
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 200_000, date(2027, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, CURATOR, "A", made)
    record_returns(db, TECH, "A", [SplitBack(made[0], 100_000, 100_000),  # its default: where it left, P2
                                   SplitBack(made[1], 100_000, 100_000, position=positions[1])])
    assert [identify(db, barcode).where for barcode in ("V-1", "V-2")] == [positions[2], positions[1]]
    assert verify(db) == []


def test_a_split_goes_back_where_it_left_before_another_takes_that_place_as_its_nearest(db) -> None:  # type: ignore[no-untyped-def]
    positions = seed(db, positions=4)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    made = inventory.split(db, TECH, parent, [ChildSpec(100_000, container="V-1"), ChildSpec(100_000, container="V-2")])
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 200_000, date(2027, 1, 1), at=REQUESTED)
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, CURATOR, "A", made)
    inventory.add_container(db, TECH, "FILL-1", "vial", positions[1])  # where V-1 stood
    record_returns(db, TECH, "A", [SplitBack(made[0], 100_000, 100_000), SplitBack(made[1], 100_000, 100_000)])
    assert [identify(db, barcode).where for barcode in ("V-1", "V-2")] == [positions[3], positions[2]]
    assert verify(db) == []
