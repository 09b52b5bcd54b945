"""Scan returns… puts each split's container back into storage in the session's own step: every line shows
the position the domain offers (as the single return offers it), the position field takes a typed path or a
scanned position label for the split chosen last, and a split with nowhere to go says so on its line, OK
disabled until it has a place. Typed as a scanner types: the keys, then Enter. Real SQLite files."""

from __future__ import annotations

from datetime import UTC, date, datetime

from factories import ADMIN, CURATOR, PINS, TECH, sample, seed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from curator import allocations, inventory
from curator.directory import identify, sign_in
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.material_places import home_on_return
from curator.storage.db import Database
from tests.ui.conftest import closed, press_ok
from ui.desk import Desk
from ui.dialogs.scan_session_dialogs import COL_PLACE, ReturnSessionDialog

ANNEX = "Annex / Shelf A"  # another facility: a default place is never looked for there


def _scan(qtbot, edit, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(edit, code)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _loan(db: Database) -> tuple[list[str], list[str]]:
    """Three splits in vials V-1..V-3 (on positions P2..P4 of the shelf) handed over under loan A; the
    annex's positions Q1 and Q2 have labels LBL-Q1 and LBL-Q2."""
    positions = seed(db, positions=4)
    parent = sample(db, mass_ug=2_000_000, position=positions[0])
    splits = inventory.split(db, TECH, parent, [ChildSpec(100_000, container=f"V-{i}") for i in (1, 2, 3)])
    allocations.create(db, TECH, "A", "Osaka University", "CE5", "Dr. Ito", 300_000, date(2028, 1, 1),
                       at=datetime(2026, 1, 5, tzinfo=UTC))
    allocations.approve(db, CURATOR, "A")
    allocations.hand_over(db, TECH, "A", splits)
    inventory.add_location(db, ADMIN, None, "facility", "Annex", "nitrogen")
    inventory.add_location(db, ADMIN, "Annex", "shelf", "Shelf A")
    for name in ("Q1", "Q2"):
        inventory.add_location(db, ADMIN, ANNEX, "position", name, barcode=f"LBL-{name}")
    return positions, splits


def test_each_split_goes_back_where_offered_or_scanned_and_none_without_a_place(db, qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    positions, splits = _loan(db)
    desk = Desk(db, sign_in(db, TECH, PINS[TECH]))
    dialog = ReturnSessionDialog(desk, "A")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    _scan(qtbot, dialog.scan.edit, "V-3")
    assert dialog.table.item(2, COL_PLACE).text() == home_on_return(db, "A", splits[2])[1] == positions[3]
    assert dialog.position.text() == positions[3] and dialog.ok_button.isEnabled()
    for index, path in enumerate(positions[1:3]):  # another desk fills the places V-1 and V-2 left
        inventory.add_container(db, TECH, f"FILL-{index}", "vial", path)
    _scan(qtbot, dialog.scan.edit, "V-1")
    assert dialog.table.item(0, COL_PLACE).text() == \
        "no free position for V-1: Lab is full; say where it goes"  # V-3 takes the shelf's last
    assert not dialog.ok_button.isEnabled() and "Lab is full" in dialog.message.text()
    assert dialog.position_label.text() == f"{splits[0]} back to:" and dialog.position.text() == ""
    dialog.position.setFocus()
    _scan(qtbot, dialog.position, "LBL-Q1")  # a position's label, scanned
    assert dialog.table.item(0, COL_PLACE).text() == dialog.position.text() == f"{ANNEX} / Q1"
    assert dialog.ok_button.isEnabled() and QApplication.focusWidget() is dialog.scan.edit
    _scan(qtbot, dialog.scan.edit, "V-2")
    assert not dialog.ok_button.isEnabled()
    dialog.position.setFocus()
    _scan(qtbot, dialog.position, "lbl-q1")  # taken by V-1 in this session
    assert dialog.table.item(1, COL_PLACE).text() == f"position {ANNEX} / Q1 is already chosen for another split"
    assert not dialog.ok_button.isEnabled() and QApplication.focusWidget() is dialog.position
    _scan(qtbot, dialog.position, ANNEX)  # a shelf: its next free position not given to another split
    assert dialog.table.item(1, COL_PLACE).text() == f"{ANNEX} / Q2" and dialog.ok_button.isEnabled()
    dialog.table.setCurrentCell(0, 0)
    assert dialog.position_label.text() == f"{splits[0]} back to:" and dialog.position.text() == f"{ANNEX} / Q1"
    press_ok(qtbot, dialog)
    assert closed(dialog), dialog.message.text()
    assert [identify(db, f"V-{i}").where for i in (1, 2, 3)] == [f"{ANNEX} / Q1", f"{ANNEX} / Q2", positions[3]]
    assert verify(db) == []
