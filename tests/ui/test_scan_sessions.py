"""Issue 15 part 3 at the desk: Prepare sets scanned splits aside (then labels and the handover sheet),
hand-over ticks each prepared split as it is scanned, and several splits come back in one scanning
session with a summary above OK. Barcodes are typed with Enter, as a scanner does; Enter never closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from curator import inventory
from curator.history import sample_detail
from curator.loan_returns import return_form
from curator.loans import allocation_items, allocation_rows
from curator.mass import format_mass
from curator.vocabulary import Treatment
from tests.ui.conftest import closed, press_ok
from ui.dialogs.allocation_dialogs import HandOverDialog
from ui.dialogs.print_dialog import PrintLabelsDialog
from ui.dialogs.scan_session_dialogs import COL_TREATMENT, PrepareDialog, ReturnSessionDialog
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


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Tick a check box from the keyboard (Tab to it, then Space)."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


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
    consumed = dialog.consumed[second.number]
    qtbot.keyClicks(consumed, "1 mg")
    assert "back and consumed must add up to it" in dialog.message.text() and not dialog.ok_button.isEnabled()
    consumed.clear()
    qtbot.keyClicks(consumed, format_mass(second.mass_ug - 10_000))
    assert dialog.treatment_label.text() == f"Treatment of {second.number}:"  # the split scanned last
    _tick(qtbot, dialog.treatment.boxes[Treatment.POLISHED])
    _tick(qtbot, dialog.treatment.boxes[Treatment.EXPOSED_TO_AIR])
    assert dialog.table.item(1, COL_TREATMENT).text() == "polished, exposed to air"
    dialog.table.setCurrentCell(0, 0)  # the first line: its own treatment, none chosen yet
    assert dialog.treatment_label.text() == f"Treatment of {first.number}:" and not dialog.treatment.chosen()
    _tick(qtbot, dialog.treatment.boxes[Treatment.NONE])
    assert dialog.summary.text().splitlines() == [
        f"2 of 2 scanned: {format_mass(first.mass_ug + 10_000)} back, {format_mass(second.mass_ug - 10_000)} "
        "consumed; 0 still out", f"{first.number}: no treatment", f"{second.number}: polished, exposed to air"]
    press_ok(qtbot, dialog)
    assert closed(dialog)
    row = _row(view, ON_LOAN)
    assert row.status == "returned" and row.returned_ug == first.mass_ug + 10_000
    assert sample_detail(view.desk.db, second.number).mass_ug == 10_000
    form = return_form(view.desk.db, ON_LOAN)
    assert [(line.number, line.consumed_ug, line.treatment) for line in form.lines] == [
        (first.number, 0, (Treatment.NONE,)),
        (second.number, second.mass_ug - 10_000, (Treatment.POLISHED, Treatment.EXPOSED_TO_AIR))]
