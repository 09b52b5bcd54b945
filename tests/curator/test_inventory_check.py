"""Issue 15 part 5, the last step: a borrower's yearly inventory answers compared with the chain. A split said
to be sent back that the facility never received, or weighed back with another mass, or that came back with
more than was said to be held, is listed (`curator inventory discrepancies`); no mass changes on a borrower's
word. Real SQLite files."""

import json
from datetime import UTC, datetime

import pytest
from factories import CURATOR, TECH, run_cli, sample, seed

from curator import allocations, inventory
from curator.history import sample_detail
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.inventory_check import inventory_discrepancies
from curator.loan_inventory import Answer, confirm
from curator.vocabulary import InventoryDiscrepancy


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


@pytest.fixture
def answered(db) -> list[str]:  # type: ignore[no-untyped-def]
    """Three splits (300, 200, 100 mg) lent in 2026; the 2026 inventory says: the first held whole, the second
    sent back whole, the third half used."""
    positions = seed(db, positions=6)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    splits = inventory.split(db, TECH, parent, [ChildSpec(300_000), ChildSpec(200_000), ChildSpec(100_000)],
                             at=_at("2026-01-10"))
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 600_000, at=_at("2026-01-11"))
    allocations.approve(db, CURATOR, "A", at=_at("2026-01-12"))
    allocations.hand_over(db, TECH, "A", splits, at=_at("2026-02-01"))
    confirm(db, TECH, "A", 2026, [Answer("A", splits[0], 300_000, 0, 0), Answer("A", splits[1], 0, 0, 200_000),
                                  Answer("A", splits[2], 50_000, 50_000, 0, "half ground for XRD")],
            at=_at("2027-01-15"))
    return splits


def test_answers_that_the_chain_contradicts_are_listed_and_change_no_mass(db, answered) -> None:  # type: ignore[no-untyped-def]
    first, second, third = answered
    found = inventory_discrepancies(db, 2026)
    assert [(item.number, item.kind, item.returned_ug, item.chain_back_ug) for item in found] == [
        (second, InventoryDiscrepancy.NO_RETURN_RECORDED, 200_000, None)]
    assert sample_detail(db, second).mass_ug == 200_000 and sample_detail(db, second).status == "on_loan"
    allocations.record_return(db, TECH, "A", third, 80_000, at=_at("2027-03-01"))  # more than the 50 mg held
    allocations.record_return(db, TECH, "A", second, 190_000, at=_at("2027-03-02"))
    found = inventory_discrepancies(db, 2026)
    assert [(item.number, item.kind, item.chain_back_ug, str(item.chain_day)) for item in found] == [
        (second, InventoryDiscrepancy.OTHER_MASS_BACK, 190_000, "2027-03-02"),
        (third, InventoryDiscrepancy.BACK_MORE_THAN_HELD, 80_000, "2027-03-01")]
    allocations.record_consumption(db, TECH, "A", first, at=_at("2027-03-03"))  # held whole, then used: no news
    assert len(inventory_discrepancies(db)) == 2 and inventory_discrepancies(db, 2025) == []
    assert verify(db) == []


def test_the_command_lists_them_one_line_each(db, db_path, answered, capsys) -> None:  # type: ignore[no-untyped-def]
    second = answered[1]
    code, out, _err = run_cli(db_path, capsys, "inventory", "discrepancies", "--year", "2026")
    assert code == 1
    assert out.splitlines() == [f"Osaka University\tA\t2026\t{second}\tthe borrower says 200 mg was sent back; "
                                "no return is recorded"]
    code, out, _err = run_cli(db_path, capsys, "inventory", "discrepancies", "--year", "2026", "--json")
    assert code == 1 and json.loads(out)[0] | {"number": ""} == {
        "institution": "Osaka University", "reference": "A", "year": 2026, "number": "",
        "kind": "no_return_recorded", "held_ug": 0, "consumed_ug": 0, "returned_ug": 200_000,
        "chain_back_ug": None, "chain_day": None}
    assert run_cli(db_path, capsys, "inventory", "discrepancies", "--year", "2025")[:2] == (
        0, "every confirmed inventory of 2025 agrees with the chain\n")
