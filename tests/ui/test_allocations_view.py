"""The allocations view driven by a user: select a loan, press the action, scan splits, press OK."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from curator import inventory
from curator.history import sample_detail
from curator.loans import allocation_items, allocation_rows
from tests.ui.conftest import press_ok
from ui.dialogs.allocation_dialogs import CancelDialog, HandOverDialog, NewAllocationDialog, ReturnDialog
from ui.models.allocations_model import COL_STATUS
from ui.views.allocations_view import AllocationsView


@pytest.fixture
def view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    widget = AllocationsView(desk)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _status(view: AllocationsView, reference: str) -> str:
    return {row.reference: row.status for row in allocation_rows(view.desk.db)}[reference]


def _click(qtbot, view: AllocationsView, key: str):  # type: ignore[no-untyped-def]
    assert view.buttons[key].isEnabled(), key
    qtbot.mouseClick(view.buttons[key], Qt.MouseButton.LeftButton)
    return view.dialog


def _scan(qtbot, dialog, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.scan.edit, code)
    qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return)


def test_overdue_loans_are_highlighted_and_listed_first(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.overdue_first, Qt.MouseButton.LeftButton)
    assert view.model.index(0, COL_STATUS).data() == "OVERDUE"
    view.table.selectRow(0)
    assert "Peking University" in view.summary.text() and view.items.count() == 2


def test_new_allocation_for_a_late_borrower_needs_a_curators_override(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _click(qtbot, view, "new")
    assert isinstance(dialog, NewAllocationDialog)
    qtbot.keyClicks(dialog.reference, "CE6-2026-B12-01")
    dialog.institution.setCurrentIndex(dialog.institution.findData("Peking University"))
    dialog.mission.setCurrentText("CE6")
    qtbot.keyClicks(dialog.pi, "Prof. Wang Hui")
    qtbot.keyClicks(dialog.mass, "150 mg")
    assert not dialog.ok_button.isEnabled() and "overdue" in dialog.message.text()
    assert dialog.override.isEnabled()
    qtbot.keyClicks(dialog.override, "renewal agreed by the board")
    assert dialog.ok_button.isEnabled()
    press_ok(qtbot, dialog)
    assert _status(view, "CE6-2026-B12-01") == "requested"
    view.select("CE6-2026-B12-01")
    assert view.selected().reference == "CE6-2026-B12-01"


def test_a_technician_cannot_override_or_approve(tech_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = AllocationsView(tech_desk)
    qtbot.addWidget(view)
    view.show()  # the loans load when the view is first shown
    view.select("CE6-2026-B11-01")
    assert not view.buttons["approve"].isEnabled() and view.buttons["cancel"].isEnabled()
    dialog = NewAllocationDialog(tech_desk)
    qtbot.addWidget(dialog)
    dialog.institution.setCurrentIndex(dialog.institution.findData("Peking University"))
    qtbot.keyClicks(dialog.reference, "X-1")
    qtbot.keyClicks(dialog.pi, "Someone")
    qtbot.keyClicks(dialog.mass, "1 mg")
    assert not dialog.override.isEnabled() and "only a curator" in dialog.message.text()


def test_approve_then_hand_over_by_scanning(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.select("CE6-2026-B11-01")
    _click(qtbot, view, "approve")
    qtbot.waitUntil(lambda: view.selected() is not None and view.selected().status == "approved", timeout=10_000)
    assert _status(view, "CE6-2026-B11-01") == "approved"
    primary = "CE6C0100YJFM00501"
    inventory.add_container(view.desk.db, "Li Wei", "LOAN-VIAL-1", "vial")
    made = inventory.split(view.desk.db, "Li Wei", primary, [inventory.ChildSpec(100_000, container="LOAN-VIAL-1"),
                                                              inventory.ChildSpec(120_000)])
    view.select("CE6-2026-B11-01")
    dialog = _click(qtbot, view, "hand_over")
    assert isinstance(dialog, HandOverDialog) and not dialog.ok_button.isEnabled()
    _scan(qtbot, dialog, "NOPE")
    assert "unknown code" in dialog.scan.message.text() and dialog.isVisible()
    _scan(qtbot, dialog, "CE5C0400YJFM00501")
    assert "is from CE5, not CE6" in dialog.scan.message.text()
    _scan(qtbot, dialog, primary)
    assert "approves 250 mg; these splits add up to" in dialog.scan.message.text()
    _scan(qtbot, dialog, "LOAN-VIAL-1")  # the container names its sample
    _scan(qtbot, dialog, made[1])
    assert dialog.numbers == made and dialog.isVisible()  # Enter scans; it does not close the dialog
    assert dialog.total.text() == "220 mg of 250 mg approved; splits in hand: 2"
    press_ok(qtbot, dialog)
    assert _status(view, "CE6-2026-B11-01") == "handed_over"
    assert sample_detail(view.desk.db, made[0]).status == "on_loan"
    assert view.items.count() == 2


def test_return_and_consumption_by_scanning(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    reference = "CE5-INT-2025-03"
    first, second = [item for item in allocation_items(view.desk.db, reference)]
    view.select(reference)
    dialog = _click(qtbot, view, "return")
    assert isinstance(dialog, ReturnDialog)
    _scan(qtbot, dialog, "CE5C0400YJFM00501")
    assert "not on loan" in dialog.scan.message.text()
    _scan(qtbot, dialog, first.number)
    qtbot.keyClicks(dialog.mass, f"{first.mass_ug + 1} ug")
    assert not dialog.ok_button.isEnabled() and "more cannot come back" in dialog.message.text()
    dialog.mass.clear()
    qtbot.keyClicks(dialog.mass, "150 mg")
    press_ok(qtbot, dialog)
    assert sample_detail(view.desk.db, first.number).mass_ug == 150_000
    view.select(reference)
    dialog = _click(qtbot, view, "consume")
    _scan(qtbot, dialog, second.number)
    press_ok(qtbot, dialog)
    assert _status(view, reference) == "returned"
    row = next(row for row in allocation_rows(view.desk.db) if row.reference == reference)
    assert row.returned_ug == 150_000 and row.consumed_ug == first.mass_ug - 150_000 + second.mass_ug
    view.select(reference)
    assert "returned 150 mg" in view.items.item(0).text()


def test_cancel_needs_a_reason(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.select("CE6-2024-B1-02")
    dialog = _click(qtbot, view, "cancel")
    assert isinstance(dialog, CancelDialog) and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "borrower withdrew")
    press_ok(qtbot, dialog)
    assert _status(view, "CE6-2024-B1-02") == "cancelled"
    assert not view.buttons["cancel"].isEnabled()


def test_a_refused_approval_is_explained(view: AllocationsView, qtbot, warnings) -> None:  # type: ignore[no-untyped-def]
    view.select("CE6-2026-B11-01")
    stale = view.selected()
    from curator import allocations

    allocations.approve(view.desk.db, "Chen Jing", "CE6-2026-B11-01")  # someone else was quicker
    assert stale is not None and view.selected() is stale
    view.approve()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "changed by someone else" in warnings[0]
