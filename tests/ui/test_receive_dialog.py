"""Record > Receive a sample…, as a technician with a barcode scanner does it: scan the sample's number
(Enter), choose the mission and kind, type the mass (or F9), scan the new jar (Enter), scan the position's
label (Enter); the first free position is offered, and the sample, its jar and the jar's place are one
transaction. Every question is the domain's (a number in use, a full container, a taken position)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from curator import inventory
from curator.directory import identify
from curator.history import sample_detail
from curator.integrity import verify
from curator.material_places import offered_for_receipt
from curator.storage.models import Location
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.desk import Desk
from ui.dialogs.receive_dialog import ReceiveDialog
from ui.main_window import MainWindow


def _scan(widget, code: str) -> None:  # type: ignore[no-untyped-def]
    """What a scanner does: type the code into the field with focus, then Enter."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def _opened(qtbot, desk: Desk) -> ReceiveDialog:  # type: ignore[no-untyped-def]
    dialog = ReceiveDialog(desk)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _free_positions(desk: Desk) -> list[tuple[str, str]]:
    """(path, barcode) of two free positions other than the one offered."""
    offered = offered_for_receipt(desk.db)
    with desk.db.read() as session:
        rows = session.execute(select(Location.path, Location.barcode).where(Location.kind == "position")
                               .order_by(Location.path)).all()
    return [(path, barcode) for path, barcode in rows if path != offered and barcode
            and not identify(desk.db, barcode).numbers and identify(desk.db, barcode).what == "position"][:2]


def test_scanned_number_jar_and_position_receive_the_sample_in_one_step(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    offered = offered_for_receipt(desk.db)
    dialog = _opened(qtbot, desk)
    assert QApplication.focusWidget() is dialog.sample_number and dialog.place.position.text() == offered
    _scan(dialog.sample_number, "CE5-RCV-01")
    assert QApplication.focusWidget() is dialog.mission  # Enter moved on, recorded nothing
    dialog.mission.setCurrentIndex(dialog.mission.findData("CE5"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("rock_fragment"))
    for field in (dialog.mission, dialog.kind, dialog.sampling):
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.mass
    _scan(dialog.mass, "0,200 g")
    assert QApplication.focusWidget() is dialog.place.container
    _scan(dialog.place.container, "JAR-RCV-1")
    assert QApplication.focusWidget() is dialog.place.position  # selected: the scan replaces the offer
    path, barcode = _free_positions(desk)[0]
    _scan(dialog.place.position, barcode.lower())
    assert dialog.place.position.text() == path and QApplication.focusWidget() is dialog.note
    QTest.keyClicks(dialog.note, "from the return capsule")
    assert dialog.isVisible() and dialog.operation is None and dialog.ok_button.isEnabled(), dialog.message.text()
    press_ok(qtbot, dialog)
    assert closed(dialog) and dialog.number == "CE5-RCV-01"
    detail = sample_detail(desk.db, "CE5-RCV-01")
    assert (detail.mission, detail.kind, detail.mass_ug) == ("CE5", "rock_fragment", 200_000)
    assert (detail.barcode, detail.container_kind, detail.location) == ("JAR-RCV-1", "jar", path)
    assert verify(desk.db) == []


def test_an_empty_container_in_use_and_the_offered_position(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    inventory.add_container(desk.db, desk.operator.name, "VIAL-IDLE", "vial")  # empty, standing nowhere
    offered = offered_for_receipt(desk.db)
    dialog = _opened(qtbot, desk)
    _scan(dialog.sample_number, "CE5-RCV-02")
    dialog.mass.setText("12 500 µg")
    dialog.place.container.setFocus()
    _scan(dialog.place.container, "vial-idle")
    assert dialog.place.position.text() == offered and dialog.ok_button.isEnabled(), dialog.message.text()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    assert identify(desk.db, "VIAL-IDLE").where == offered
    assert identify(desk.db, "VIAL-IDLE").numbers == ("CE5-RCV-02",)
    assert sample_detail(desk.db, "CE5-RCV-02").mass_ug == 12_500
    assert verify(desk.db) == []


def test_the_domain_refuses_before_ok(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = inventory.count_samples(desk.db)
    dialog = _opened(qtbot, desk)
    _scan(dialog.sample_number, PRIMARY)
    assert not dialog.ok_button.isEnabled() and f"{PRIMARY} already exists" in dialog.message.text()
    dialog.sample_number.setText("LSL-00003")  # a container's barcode
    assert "already used by" in dialog.message.text()
    dialog.sample_number.setText("CE5-RCV-03")
    assert "mass" in dialog.message.text()
    dialog.mass.setText("1 mg")
    assert "container" in dialog.message.text()
    _scan(dialog.place.container, "LSL-00003")  # holds a sample already
    assert not dialog.ok_button.isEnabled() and "already holds" in dialog.message.text()
    dialog.place.container.setText("JAR-RCV-3")
    dialog.place.position.setText(sample_detail(desk.db, PRIMARY).location)  # taken
    assert not dialog.ok_button.isEnabled() and "already holds" in dialog.message.text()
    dialog.place.position.setText("")
    assert not dialog.ok_button.isEnabled() and "JAR-RCV-3" in dialog.message.text()
    assert inventory.count_samples(desk.db) == before


def test_receive_is_in_the_record_menu_with_its_own_shortcut(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shortcut = window.receive_action.shortcut()
    assert shortcut == QKeySequence("Ctrl+Shift+R") and window.receive_action in window.record_menu.actions()
    others = [action for action in window.findChildren(type(window.receive_action))
              if action is not window.receive_action and action.shortcut() == shortcut]
    assert others == []
    opened: list[ReceiveDialog] = []

    def exec_received(dialog: ReceiveDialog) -> int:  # the modal loop patched: fill in and record, then close
        opened.append(dialog)
        dialog.show()
        dialog.sample_number.setText("CE5-RCV-04")
        dialog.mass.setText("3 mg")
        dialog.place.container.setText("JAR-RCV-4")
        press_ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(ReceiveDialog, "exec", exec_received)
    window.receive_action.trigger()
    assert opened and window.sample.number == "CE5-RCV-04"
