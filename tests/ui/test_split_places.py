"""The split dialog gives every child a container and a position, as a technician with a barcode scanner
does it: scan a vial (Enter), scan the position's label (Enter), type the mass; the next free position
near the parent is offered, and the split, the new vials and their places are one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from curator import inventory
from curator.directory import identify
from curator.history import sample_detail
from curator.integrity import verify
from curator.material_places import offered_positions
from curator.storage.models import Location
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.desk import Desk
from ui.dialogs.split_dialog import SplitDialog


def _scan(widget, code: str) -> None:  # type: ignore[no-untyped-def]
    """What a scanner does: type the code into the field with focus, then Enter."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def _barcode_of(desk: Desk, path: str) -> str:
    with desk.db.read() as session:
        return session.execute(select(Location.barcode).where(Location.path == path)).scalar_one()


def _opened(qtbot, desk: Desk) -> SplitDialog:  # type: ignore[no-untyped-def]
    dialog = SplitDialog(desk, PRIMARY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_a_scanned_vial_and_a_scanned_position_place_each_child(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    inventory.add_container(desk.db, desk.operator.name, "VIAL-EMPTY", "vial")  # in use, empty, standing nowhere
    offered = offered_positions(desk.db, PRIMARY, 3)
    parent_at = sample_detail(desk.db, PRIMARY).location
    dialog = _opened(qtbot, desk)
    first, second = dialog.places()
    assert [first.position.text(), second.position.text()] == offered[:2]  # the next free near the parent
    assert offered[0].split(" / ")[:-2] == parent_at.split(" / ")[:-2]  # in the parent's cabinet
    chosen = offered[2]
    first.container.setFocus()
    _scan(first.container, "VIAL-NEW-1")
    assert QApplication.focusWidget() is first.position  # on to its position, selected for the scan
    _scan(first.position, _barcode_of(desk, chosen).lower())
    assert first.position.text() == chosen  # the scanned label's path
    assert QApplication.focusWidget() is dialog.child_rows()[1][1]  # on to the next child's mass
    QTest.keyClicks(dialog.child_rows()[1][1], "2 mg")
    QTest.keyClicks(dialog.child_rows()[0][1], "3 mg")
    second.container.setFocus()
    _scan(second.container, "LSL-00003")  # holds a sample already
    assert not dialog.ok_button.isEnabled() and "already holds" in dialog.message.text()
    second.container.selectAll()
    _scan(second.container, "vial-empty")
    dialog.remaining.setText(f"{sample_detail(desk.db, PRIMARY).mass_ug - 5_000} ug")
    assert dialog.isVisible() and dialog.ok_button.isEnabled(), dialog.message.text()  # Enter recorded nothing
    press_ok(qtbot, dialog)
    assert closed(dialog)
    assert identify(desk.db, "VIAL-NEW-1").where == chosen
    assert identify(desk.db, "VIAL-EMPTY").where == offered[1]
    assert len(identify(desk.db, "VIAL-EMPTY").numbers) == 1
    assert verify(desk.db) == []


def test_a_taken_position_is_refused_before_ok(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, desk)
    dialog.count.setValue(1)
    place, = dialog.places()
    taken = sample_detail(desk.db, PRIMARY).location
    dialog.child_rows()[0][1].setText("1 mg")
    place.container.setText("VIAL-NEW-2")
    place.position.setFocus()
    place.position.selectAll()
    _scan(place.position, taken)
    assert "already holds" in dialog.message.text() and not dialog.ok_button.isEnabled()
    assert place.position.text() == taken  # kept, selected: the next scan replaces it
    place.position.setText("")
    assert "no free position offered" in dialog.message.text()
