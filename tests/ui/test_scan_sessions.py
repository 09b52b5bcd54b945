"""Issue 15 part 3 at the desk: Prepare sets scanned splits aside (then labels and the handover sheet),
hand-over ticks each prepared split as it is scanned, and several splits come back in one scanning
session with a summary above OK. Barcodes are typed with Enter, as a scanner does; Enter never closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from curator import inventory
from curator.history import sample_detail
from curator.loans import allocation_items, allocation_rows
from tests.ui.conftest import closed, press_ok
from ui.dialogs.allocation_dialogs import HandOverDialog
from ui.dialogs.print_dialog import PrintLabelsDialog
from ui.dialogs.scan_session_dialogs import PrepareDialog, ReturnSessionDialog
from ui.views.allocations_view import AllocationsView

APPROVED, PREPARED, ON_LOAN = "CE6-2025-B9-04", "CE6-2024-B1-02", "CE5-INT-2025-03"


@pytest.fixture
def view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    widget = AllocationsView(desk)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _scan(qtbot, dialog, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.scan.edit, code)
    qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()


def _row(view: AllocationsView, reference: str):  # type: ignore[no-untyped-def]
    return next(row for row in allocation_rows(view.desk.db) if row.reference == reference)


def test_prepare_by_scanning_then_labels_and_sheet(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    made = inventory.split(view.desk.db, "Li Wei", "CE6C0100YJFM00501",
                           [inventory.ChildSpec(100_000), inventory.ChildSpec(120_000)])
    view.select(APPROVED)
    qtbot.mouseClick(view.buttons["prepare"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, PrepareDialog) and not dialog.ok_button.isEnabled()
    _scan(qtbot, dialog, "CE5C0400YJFM00501")
    assert "is from CE5, not CE6" in dialog.scan.message.text()
    for number in made:
        _scan(qtbot, dialog, number.lower())
    _scan(qtbot, dialog, made[0])
    assert "already in the list" in dialog.scan.message.text()
    assert dialog.numbers == made and dialog.total.text().startswith("220 mg of 900 mg approved")
    assert dialog.ok_button.isEnabled() and dialog.print_labels.isChecked()
    press_ok(qtbot, dialog)
    assert closed(dialog) and _row(view, APPROVED).status == "prepared"
    assert {sample_detail(view.desk.db, number).status for number in made} == {"allocated"}
    labels = view.dialog
    assert isinstance(labels, PrintLabelsDialog) and labels.allocation == APPROVED
    labels.close()


def test_hand_over_ticks_each_prepared_split_as_it_is_scanned(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    prepared = [item.number for item in allocation_items(view.desk.db, PREPARED)]
    view.select(PREPARED)
    dialog = view.hand_over()
    assert isinstance(dialog, HandOverDialog) and not dialog.ok_button.isEnabled()
    assert "not scanned yet" in dialog.message.text()
    for number in prepared:
        assert dialog.items.item(prepared.index(number)).checkState() == Qt.CheckState.Unchecked
        _scan(qtbot, dialog, number)
        assert dialog.items.item(prepared.index(number)).checkState() == Qt.CheckState.Checked
    assert dialog.ok_button.isEnabled()
    press_ok(qtbot, dialog)
    assert closed(dialog), dialog.message.text()
    assert _row(view, PREPARED).status == "handed_over"


def test_several_splits_come_back_in_one_scanning_session(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = allocation_items(view.desk.db, ON_LOAN)
    view.select(ON_LOAN)
    qtbot.mouseClick(view.buttons["returns"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, ReturnSessionDialog) and not dialog.ok_button.isEnabled()
    assert "0 of 2 scanned" in dialog.summary.text()
    _scan(qtbot, dialog, "CE5C0400YJFM00501")
    assert "not on loan" in dialog.scan.message.text()
    _scan(qtbot, dialog, first.number)
    _scan(qtbot, dialog, first.number)
    assert "already ticked" in dialog.scan.message.text()
    _scan(qtbot, dialog, second.barcode or second.number)
    assert dialog.ticks[second.number].checkState() == Qt.CheckState.Checked
    back = dialog.backs[second.number]
    back.clear()
    qtbot.keyClicks(back, "10 mg")
    qtbot.keyClick(back, Qt.Key.Key_Return)  # Enter in a mass never records
    assert dialog.isVisible() and dialog.operation is None
    assert dialog.summary.text().startswith("2 of 2 scanned: ") and "0 still out" in dialog.summary.text()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    row = _row(view, ON_LOAN)
    assert row.status == "returned" and row.returned_ug == first.mass_ug + 10_000
    assert sample_detail(view.desk.db, second.number).mass_ug == 10_000
