"""The reminder letter on paper: a borrower with many loans gets more pages, never shrunken text."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from curator.reminder_letter import ReminderLetter
from curator.reminders import DueItem
from curator.vocabulary import DueState
from tests.ui.pdf_checks import page_sizes_mm, pdf_text
from ui.reminder_print import write_letter_pdf

WRITTEN = date(2027, 6, 20)


def _letter(loans: int) -> ReminderLetter:
    items = tuple(DueItem("Brown University", "loans@example.edu", f"CE5-INT-2025-{number:02d}", "PI Brown",
                          DueState.OVERDUE, WRITTEN - timedelta(days=number), number, "return+7")
                  for number in range(1, loans + 1))
    return ReminderLetter("Brown University", "loans@example.edu", WRITTEN, items)


def test_a_short_letter_is_one_page(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    assert write_letter_pdf(tmp_path / "short.pdf", _letter(2)) == 1
    assert len(page_sizes_mm(tmp_path / "short.pdf")) == 1


def test_a_letter_about_many_loans_goes_on_to_more_pages_with_all_of_them(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "long.pdf"
    pages = write_letter_pdf(pdf, _letter(45))
    assert pages >= 3 and len(page_sizes_mm(pdf)) == pages
    text = " ".join(pdf_text(pdf).split())  # lines wrap where the page is full
    assert all(f"CE5-INT-2025-{number:02d}" in text for number in range(1, 46))
    assert "With kind regards" in text and "此致" in text and "45 days overdue" in text
