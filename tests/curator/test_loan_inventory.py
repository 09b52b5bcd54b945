"""The borrowers' yearly inventory: a statement written, filled in with openpyxl as a borrower would,
read back and confirmed as events; answers that do not add up are refused naming the split."""

from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, TECH, sample, seed
from openpyxl import load_workbook

from curator import allocations, inventory, loan_inventory
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loan_inventory import Answer, confirm, owed_inventories, statements
from curator.outputs.inventory_statement import read_statement, write_statement_xlsx


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


@pytest.fixture
def loan(db) -> list[str]:
    """CE5-I-1: two splits (300 mg, 200 mg) handed over to Osaka on 2025-03-01."""
    seed(db)
    sample(db, mass_ug=10_000_000)
    splits = inventory.split(db, TECH, "CE5C0400YJFM00505", [ChildSpec(300_000), ChildSpec(200_000)])
    allocations.create(db, TECH, "CE5-I-1", "Osaka University", "CE5", "Dr. Count", 500_000, date(2030, 1, 1),
                       at=_at("2025-01-02"))
    allocations.approve(db, CURATOR, "CE5-I-1", at=_at("2025-01-03"))
    allocations.hand_over(db, CURATOR, "CE5-I-1", splits, at=_at("2025-03-01"))
    return splits


def owed(db) -> list[loan_inventory.OwedInventory]:
    with db.read() as session:
        return owed_inventories(session, date(2026, 2, 1))


def _fill(path, answers: dict[str, tuple[object, object, object, str]]) -> None:
    workbook = load_workbook(path)
    sheet = workbook["Inventory"]
    for row in sheet.iter_rows():
        if row[1].value in answers:
            held, consumed, returned, remarks = answers[row[1].value]
            row[6].value, row[7].value, row[8].value, row[9].value = held, consumed, returned, remarks
    workbook.save(path)


def test_a_statement_round_trip(db, loan, tmp_path) -> None:
    (statement,) = statements(db, 2025, date(2026, 1, 2))
    assert (statement.institution, statement.due, statement.total_ug) == ("Osaka University", date(2026, 1, 31),
                                                                          500_000)
    assert [line.number for line in statement.lines] == sorted(loan)
    path = write_statement_xlsx(tmp_path / "osaka.xlsx", statement)
    _fill(path, {loan[0]: (250.5, 49.5, None, "polished section"), loan[1]: ("200 mg", 0, 0, "")})
    borrower, year, answers = read_statement(path)
    assert (borrower, year) == ("Osaka University", 2025)
    assert answers == [Answer("CE5-I-1", loan[0], 250_500, 49_500, 0, "polished section"),
                       Answer("CE5-I-1", loan[1], 200_000, 0, 0, "")]
    assert [owed.reference for owed in owed(db)] == ["CE5-I-1"]
    assert confirm(db, TECH, "Osaka University", 2025, answers, at=_at("2026-01-20")) == ["CE5-I-1"]
    assert owed(db) == []
    with db.read() as session:
        assert loan_inventory.confirmed_years(session)[1][2025].date() == date(2026, 1, 20)
    with pytest.raises(RuleViolation, match="confirmed on 2026-01-20"):
        confirm(db, TECH, "CE5-I-1", 2025, answers)
    assert verify(db) == []


def test_answers_that_do_not_add_up_or_are_missing_are_refused(db, loan, tmp_path) -> None:
    (statement,) = statements(db, 2025, date(2026, 1, 2))
    path = write_statement_xlsx(tmp_path / "osaka.xlsx", statement)
    _fill(path, {loan[0]: (250, 10, 0, ""), loan[1]: (200, 0, 0, "")})
    with pytest.raises(ValidationError, match=f"{loan[0]}: held 250 mg .* is 260 mg, not the 300 mg handed over"):
        confirm(db, TECH, "CE5-I-1", 2025, read_statement(path)[2])
    _fill(path, {loan[0]: (None, None, None, ""), loan[1]: (200, 0, 0, "")})
    with pytest.raises(ValidationError, match="row .* the mass held now is empty"):
        read_statement(path)
    with pytest.raises(ValidationError, match="says nothing about"):
        confirm(db, TECH, "CE5-I-1", 2025, [Answer("CE5-I-1", loan[1], 200_000, 0, 0)])
    with pytest.raises(RuleViolation, match="handed over after 2024"):
        confirm(db, TECH, "CE5-I-1", 2024)
    assert owed(db)[0].reference == "CE5-I-1"
