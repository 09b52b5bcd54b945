"""Reminders on the schedule (30 and 7 days before the due date, on it, 7 and 30 after, then monthly),
each step sent once; the yearly inventory's reminders and the block of a borrower more than 60 days late."""

from datetime import UTC, date, datetime

import pytest
from factories import CURATOR, TECH, sample, seed

from curator import allocations, inventory, loan_inventory
from curator.errors import PermissionDenied, RuleViolation
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.reminder_letter import reminder_letter
from curator.reminders import due_list, record_sent, reminders, schedule, step_reached


@pytest.fixture(autouse=True)
def stock(db) -> None:
    seed(db)
    sample(db, mass_ug=10_000_000)


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


def lent(db, reference="CE5-R-1", due=date(2026, 6, 30), handed="2026-01-10", institution="Osaka University"):
    """A loan of one 300 mg split, handed over on ``handed`` and due on ``due``."""
    split = inventory.split(db, TECH, "CE5C0400YJFM00505", [ChildSpec(300_000)])
    allocations.create(db, TECH, reference, institution, "CE5", "Dr. Due", 300_000, due, at=_at("2025-01-02"))
    allocations.approve(db, CURATOR, reference, at=_at("2025-01-03"))
    allocations.hand_over(db, CURATOR, reference, split, at=_at(handed))
    return split[0]


def test_reminder_dates_on_the_schedule_for_a_loan_due_on_a_given_date(db) -> None:
    due = date(2026, 6, 30)
    assert schedule(due, date(2026, 10, 1)) == [
        date(2026, 5, 31), date(2026, 6, 23), date(2026, 6, 30), date(2026, 7, 7), date(2026, 7, 30),
        date(2026, 8, 29), date(2026, 9, 28)]
    assert step_reached(due, date(2026, 5, 30)) is None
    assert [step_reached(due, day) for day in schedule(due, date(2026, 10, 1))] == [-30, -7, 0, 7, 30, 60, 90]
    assert step_reached(due, date(2026, 6, 29)) == -7  # between steps: the last one reached
    assert step_reached(due, date(2026, 8, 28)) == 30


def test_each_step_is_listed_until_its_reminder_is_sent(db) -> None:
    lent(db)
    assert reminders(db, date(2026, 5, 30)) == []
    first = reminders(db, date(2026, 6, 1))
    assert [(item.reference, item.state, item.step, item.days) for item in first] == [
        ("CE5-R-1", "due_soon", "return-30", -29)]
    record_sent(db, TECH, "Osaka University", date(2026, 6, 1))
    assert reminders(db, date(2026, 6, 1)) == []
    assert [item.sent_on for item in due_list(db, date(2026, 6, 1))] == [date.today()]
    assert [item.step for item in reminders(db, date(2026, 6, 23))] == ["return-7"]
    assert [(item.state, item.step) for item in reminders(db, date(2026, 6, 30))] == [("due", "return+0")]
    assert [(item.state, item.step) for item in reminders(db, date(2026, 9, 1))] == [("overdue", "return+60")]
    with pytest.raises(RuleViolation, match="nothing to be reminded of"):
        record_sent(db, TECH, "Osaka University", date(2026, 6, 2))
    assert verify(db) == []


def test_the_letter_is_bilingual_and_ready_to_paste(db) -> None:
    lent(db)
    letter = reminder_letter(db, "Osaka University", date(2026, 7, 8))
    text = letter.email()
    assert text.startswith("Subject: Lunar sample loans: reminder / 月球样品借用提醒: Osaka University")
    assert "CE5-R-1 (PI Dr. Due) was due back on 2026-06-30 and is 8 days overdue" in text
    assert "已逾期 8 天" in text


def test_inventory_reminders_and_the_block_of_a_late_borrower(db) -> None:
    lent(db, handed="2025-03-01", due=date(2030, 1, 1))
    assert [(item.state, item.step, item.year) for item in reminders(db, date(2026, 1, 5))] == [
        ("inventory_due", "inventory2025-30", 2025)]
    assert [item.state for item in reminders(db, date(2026, 2, 10))] == ["inventory_late"]
    allocations.create(db, TECH, "CE5-R-2", "Osaka University", "CE5", "Dr. Due", 1000, at=_at("2026-04-01"))
    with pytest.raises(RuleViolation, match="not confirmed its 2025 inventory of CE5-R-1"):
        allocations.create(db, TECH, "CE5-R-3", "Osaka University", "CE5", "Dr. Due", 1000, at=_at("2026-04-02"))
    with pytest.raises(PermissionDenied):
        allocations.create(db, TECH, "CE5-R-3", "Osaka University", "CE5", "Dr. Due", 1000,
                           override_reason="statement on its way", at=_at("2026-04-02"))
    allocations.create(db, CURATOR, "CE5-R-3", "Osaka University", "CE5", "Dr. Due", 1000,
                       override_reason="statement on its way", at=_at("2026-04-02"))
    assert loan_inventory.confirm(db, TECH, "Osaka University", 2025, at=_at("2026-04-03")) == ["CE5-R-1"]
    allocations.create(db, TECH, "CE5-R-4", "Osaka University", "CE5", "Dr. Due", 1000, at=_at("2026-04-04"))
    assert [item for item in due_list(db, date(2026, 4, 4)) if item.year == 2025] == []
    assert verify(db) == []
