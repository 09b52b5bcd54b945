"""Codes typed or scanned in lower case (a scanner set to lower case, a hand on the keyboard) find what they
name at the desk; the scan field passes a code on as typed, and the record shows it as stored."""

from __future__ import annotations

from PySide6.QtCore import Qt

from curator.history import sample_detail
from tests.ui.conftest import PRIMARY, press_ok
from ui.desk import Desk
from ui.dialogs.sample_dialogs import MoveDialog
from ui.widgets.scan_field import ScanField


def test_the_scan_field_passes_a_code_on_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = ScanField()
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.scanned) as scanned:
        qtbot.keyClicks(field.edit, "  lsl-00003 ")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert scanned.args == ["lsl-00003"]


def test_a_free_position_typed_in_lower_case_is_found(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MoveDialog(desk, PRIMARY)
    qtbot.addWidget(dialog)
    free = dialog.position.itemText(0)
    dialog.position.setEditText(free.lower())
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    press_ok(qtbot, dialog)
    assert sample_detail(desk.db, PRIMARY).location == free


def test_a_lower_case_scan_opens_the_sample_at_the_desk(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for code in (PRIMARY.lower(), "lsl-00003"):  # the sample's number, its container's barcode
        window.scan.take_focus()
        qtbot.keyClicks(window.scan.edit, code)
        qtbot.keyClick(window.scan.edit, Qt.Key.Key_Return)
        assert window.sample.number == PRIMARY, window.scan.message.text()
        assert PRIMARY in window.sample.title.text() and window.scan.edit.text() == ""


def test_lower_case_scans_in_the_hand_over_and_move_dialogs(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator import inventory
    from ui.dialogs.allocation_dialogs import HandOverDialog

    inventory.add_container(desk.db, "Li Wei", "JAR-77", "jar")
    dialog = MoveDialog(desk, PRIMARY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.to_container.setChecked(True)
    qtbot.keyClicks(dialog.container, "jar-77")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    assert sample_detail(desk.db, PRIMARY).barcode == "JAR-77"
    made = inventory.split(desk.db, "Li Wei", "CE6C0100YJFM00501", [inventory.ChildSpec(100_000)])
    hand_over = HandOverDialog(desk, "CE6-2025-B9-04")
    qtbot.addWidget(hand_over)
    qtbot.keyClicks(hand_over.scan.edit, made[0].lower())
    qtbot.keyClick(hand_over.scan.edit, Qt.Key.Key_Return)
    assert hand_over.numbers == made, hand_over.scan.message.text()
