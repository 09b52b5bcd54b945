"""Codes typed or scanned in lower case (a scanner set to lower case, a hand on the keyboard) find what they
name at the desk; the scan field passes a code on as typed, and the record shows it as stored."""

from __future__ import annotations

from PySide6.QtCore import Qt

from curator.history import sample_detail
from tests.ui.conftest import PRIMARY
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
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sample_detail(desk.db, PRIMARY).location == free
