"""The Due panel on the allocations view: what is due, overdue or has its inventory late, and a borrower's
reminder letter copied, saved as PDF and recorded as sent (then its step is no longer to send)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from curator.mass import format_mass
from tests.ui.conftest import press_ok
from ui.dialogs.reminder_dialog import ReminderDialog
from ui.views.allocations_view import AllocationsView

DAY = date(2027, 6, 20)  # Brown's loan due on 2027-06-30, its 2026 inventory late


@pytest.fixture
def view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    widget = AllocationsView(desk)
    widget.due_panel.today = DAY
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _row_of(view: AllocationsView, institution: str, what: str) -> int:
    model = view.due_panel.model
    return next(row for row in range(model.rowCount())
                if model.index(row, 0).data() == institution and model.index(row, 2).data().startswith(what))


def test_the_panel_lists_due_soon_overdue_and_late_inventories(view: AllocationsView) -> None:
    model = view.due_panel.model
    shown = {(model.index(row, 1).data(), model.index(row, 2).data()) for row in range(model.rowCount())}
    assert ("CE5-INT-2025-06", "due soon") in shown
    assert ("CE6-2024-B1-01", "overdue") in shown
    assert ("CE5-INT-2025-06", "inventory late 2026") in shown
    assert "reminder(s) to send" in view.due_panel.title.text()


def test_a_reminder_letter_is_copied_saved_and_recorded_as_sent(view: AllocationsView, qtbot, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    panel = view.due_panel
    row = _row_of(view, "Brown University", "due soon")
    panel.table.selectRow(row)
    dialog = panel.reminder_letter()
    assert isinstance(dialog, ReminderDialog)
    assert "CE5-INT-2025-06 (PI Prof. J. Smith) is due back on 2027-06-30, in 10 days" in dialog.text.toPlainText()
    dialog.copy_text()
    assert "月球样品借用提醒" in QGuiApplication.clipboard().text()
    target = tmp_path / "reminder.pdf"
    monkeypatch.setattr("ui.dialogs.reminder_dialog.ask_save_path", lambda *args, **kwargs: str(target))
    assert dialog.save_pdf() == str(target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Brown University" in text and "CE5-INT-2025-06" in text
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "sent" in panel.model.index(_row_of(view, "Brown University", "due soon"), 5).data())


def test_statements_written_from_the_desk_and_a_filled_one_confirmed(view: AllocationsView, qtbot, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    panel = view.due_panel
    monkeypatch.setattr("ui.views.due_panel.ask_folder", lambda *args: str(tmp_path))
    assert panel.write_statements() == 10
    filled = tmp_path / "inventory-2026-Osaka-University.xlsx"
    assert (tmp_path / "inventory-2026-Osaka-University.pdf").exists()
    workbook = load_workbook(filled)
    for row in workbook["Inventory"].iter_rows():
        if row[0].value == "CE5-INT-2025-03":
            row[6].value, row[7].value, row[8].value, row[9].value = row[4].value, 0, 0, "unopened"
    workbook.save(filled)
    monkeypatch.setattr("ui.views.due_panel.ask_statement", lambda *args: str(filled))
    assert ("CE5-INT-2025-03", "inventory late 2026") in _shown(view)
    panel.confirm_inventory()
    qtbot.waitUntil(lambda: ("CE5-INT-2025-03", "inventory late 2026") not in _shown(view))


def _shown(view: AllocationsView) -> set[tuple[str, str]]:
    model = view.due_panel.model
    return {(model.index(row, 1).data(), model.index(row, 2).data()) for row in range(model.rowCount())}


def test_the_inventory_answers_the_chain_contradicts(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator.loans import allocation_items
    from ui.dialogs.discrepancies_dialog import DiscrepanciesDialog

    first = allocation_items(view.desk.db, "CE5-2021-B2-19")[0]
    qtbot.mouseClick(view.due_panel.buttons["discrepancies"], Qt.MouseButton.LeftButton)
    dialog = view.due_panel.dialog
    assert isinstance(dialog, DiscrepanciesDialog)
    cells = [dialog.table.item(0, column).text() for column in range(dialog.table.columnCount())]
    assert cells == ["Macau University of Science and Technology", "CE5-2021-B2-19", "2025", first.number,
                     f"the borrower says {format_mass(first.mass_ug)} was sent back; no return is recorded"]
    assert dialog.table.rowCount() == 1 and "a curator records a correction" in dialog.summary.text()
    assert allocation_items(view.desk.db, "CE5-2021-B2-19")[0].status == "handed_over"  # nothing changed
    dialog.close()
