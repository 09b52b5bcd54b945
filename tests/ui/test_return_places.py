"""A split back from loan goes back into storage in the return's own step: the return dialog offers the
position its container left from (or the nearest free one) and takes another position's scanned label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from curator.directory import identify
from curator.integrity import verify
from curator.loans import allocation_items
from curator.material_places import home_on_return
from curator.occupancy import nearest_free
from curator.storage.models import Location
from curator.vocabulary import AllocationItemStatus
from tests.ui.conftest import closed, press_ok
from ui.desk import Desk
from ui.dialogs.allocation_dialogs import ReturnDialog

ON_LOAN = "CE5-INT-2025-03"  # handed over in the demo


def _scan(widget, code: str) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_return_offers_the_position_it_left_and_takes_a_scanned_one(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    split = next(item for item in allocation_items(desk.db, ON_LOAN) if item.status == AllocationItemStatus.HANDED_OVER)
    barcode, left_from = home_on_return(desk.db, ON_LOAN, split.number)
    assert barcode and "Nitrogen cabinet" in left_from
    dialog = ReturnDialog(desk, ON_LOAN)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    _scan(dialog.scan.edit, split.number)
    assert dialog.position.text() == left_from and dialog.position.isEnabled()
    other = nearest_free(desk.db, "LSL-00003")  # a free position elsewhere
    assert other and other != left_from
    with desk.db.read() as session:
        label = session.execute(select(Location.barcode).where(Location.path == other)).scalar_one()
    dialog.position.setFocus()
    dialog.position.selectAll()
    _scan(dialog.position, label)
    assert dialog.position.text() == other and QApplication.focusWidget() is dialog.note
    QTest.keyClicks(dialog.mass, "1 mg")
    assert dialog.isVisible() and dialog.ok_button.isEnabled(), dialog.message.text()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    assert identify(desk.db, barcode).where == other
    assert verify(desk.db) == []
