"""The main window as a user meets it: the scan field, keyboard navigation, the status bar, the
remembered layout, and the containers view."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.factories import DEMO_PINS
from tests.ui.conftest import PRIMARY, press_ok
from ui.main_window import VIEW_ALLOCATIONS, VIEW_CHARTS, VIEW_CONTAINERS, VIEW_SAMPLE, MainWindow
from ui.models.samples_model import COL_MASS, COL_NUMBER


def _scan(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    window.scan.take_focus()
    qtbot.keyClicks(window.scan.edit, code)
    qtbot.keyClick(window.scan.edit, Qt.Key.Key_Return)


def test_status_bar_names_database_operator_and_integrity(window: MainWindow) -> None:
    assert window.desk.db.display_name in window.db_label.text()
    assert "Chen Jing" in window.operator_label.text()
    assert window.integrity_label.text() == "Integrity: verified"


def test_the_desk_witnesses_the_chain_head_it_verified(window: MainWindow, witness_log) -> None:  # type: ignore[no-untyped-def]
    from curator.storage.models import ChainHead

    with window.desk.db.read() as session:
        head = session.get(ChainHead, 1)
        assert head is not None
        seen = (head.last_event_id, head.last_hash)
    last = json.loads(witness_log.read_text().splitlines()[-1])
    assert (last["event_id"], last["hash"]) == seen  # outside the database, for `verify` to check later


def test_scanning_a_sample_opens_its_detail(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _scan(qtbot, window, PRIMARY)
    assert window.tabs.currentIndex() == VIEW_SAMPLE
    assert window.sample.number == PRIMARY
    assert PRIMARY in window.sample.title.text()
    assert window.scan.edit.text() == ""  # ready for the next scan


def test_scanning_a_container_opens_the_sample_inside(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _scan(qtbot, window, "LSL-00003")
    assert window.sample.number == PRIMARY
    assert "LSL-00003" in window.scan.message.text()


def test_an_empty_container_is_reported_inline(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator import inventory

    inventory.add_container(window.desk.db, "Li Wei", "EMPTY-VIAL", "vial")
    window.tabs.setCurrentIndex(VIEW_CHARTS)
    _scan(qtbot, window, "EMPTY-VIAL")
    assert "container EMPTY-VIAL (vial) is empty; at not in any position" in window.scan.message.text()
    assert window.tabs.currentIndex() == VIEW_CHARTS


def test_a_container_holding_several_samples_lists_them(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator import inventory

    inventory.add_container(window.desk.db, "Li Wei", "BOX-7", "box")
    inventory.put_in_container(window.desk.db, "Li Wei", PRIMARY, "BOX-7")
    inventory.put_in_container(window.desk.db, "Li Wei", f"{PRIMARY}-02", "BOX-7")
    _scan(qtbot, window, "BOX-7")
    assert window.tabs.currentIndex() == VIEW_CONTAINERS
    view = window.containers
    assert view.filter.text() == "BOX-7" and view.model.total == 2
    assert {view.model.row_at(row).number for row in range(2)} == {PRIMARY, f"{PRIMARY}-02"}


def test_an_unknown_code_is_reported_inline(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(VIEW_ALLOCATIONS)
    _scan(qtbot, window, "NO-SUCH-CODE")
    assert "unknown code" in window.scan.message.text()
    assert window.tabs.currentIndex() == VIEW_ALLOCATIONS  # nothing moved, no dialog
    assert window.scan.edit.text() == "NO-SUCH-CODE"


def test_a_scanner_typing_anywhere_lands_in_the_scan_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(VIEW_CONTAINERS)
    window.containers.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.containers.table)
    qtbot.keyClicks(window.containers.table, "LSL-00003")
    assert window.scan.edit.text() == "LSL-00003"
    qtbot.keyClick(window.scan.edit, Qt.Key.Key_Return)
    assert window.sample.number == PRIMARY


def test_keyboard_shortcuts_switch_views_and_focus_the_scan_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for key, view in ((Qt.Key.Key_3, VIEW_ALLOCATIONS), (Qt.Key.Key_1, VIEW_CONTAINERS), (Qt.Key.Key_4, VIEW_CHARTS)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == view
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is window.scan.edit


def test_filtering_and_opening_a_row_of_the_containers_view(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.containers
    everything = view.model.total
    qtbot.keyClicks(view.filter, "on loan")
    qtbot.waitUntil(lambda: view.model.total < everything)
    assert view.count.text().startswith(f"{view.model.total:,}")
    view.filter.clear()
    view.apply_filter()
    header = view.table.horizontalHeader()
    on_mass = QPoint(header.sectionViewportPosition(COL_MASS) + header.sectionSize(COL_MASS) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=on_mass)
    assert view.model.query.sort == "mass"
    if not view.model.query.descending:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=on_mass)
    assert view.model.query.descending
    assert view.model.row_at(0).mass_ug >= view.model.row_at(1).mass_ug
    index = view.model.index(0, COL_NUMBER)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == VIEW_SAMPLE
    assert window.sample.number == index.data()


def test_choosing_a_storage_node_narrows_the_table(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.containers
    everything = view.model.total
    facility = view.tree_model.index(0, 0).model().item(0).child(0)
    room = facility.child(1)
    view.tree.setCurrentIndex(room.index())
    assert 0 < view.model.total < everything
    name = room.text().split("  ")[0]  # the text also says how many positions are taken
    assert all(name in view.model.row_at(row).location for row in range(view.model.rowCount()))


def test_layout_and_last_view_are_remembered(desk, settings_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(640, 480)
    first.show_sample(PRIMARY)
    first.tabs.setCurrentIndex(VIEW_ALLOCATIONS)
    first.containers.table.setColumnWidth(COL_NUMBER, 333)
    size = first.size()
    first.close()
    second = MainWindow(desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.tabs.currentIndex() == VIEW_ALLOCATIONS
    assert abs(second.width() - size.width()) <= 16 and abs(second.height() - size.height()) <= 16
    assert second.containers.table.columnWidth(COL_NUMBER) == 333
    assert second.sample.number == PRIMARY
    second.close()


def test_a_recorded_event_shows_at_once_in_every_view(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator import inventory

    window.show_sample(PRIMARY)
    window.containers.filter.setText(PRIMARY)
    window.containers.apply_filter()
    before = window.containers.model.total
    from curator.changes import Changes

    made = inventory.split(window.desk.db, "Chen Jing", PRIMARY, [inventory.ChildSpec(1000)])
    window.desk.publish(Changes.of(samples=[PRIMARY, *made]))
    assert window.sample.history_model.rows[-1].kind == "split"  # the view shown reloads at once
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.containers.model.total == before + 1  # a hidden one as soon as it is shown


def test_a_weighing_recorded_at_the_desk_is_told_in_the_status_line(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_sample(PRIMARY)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    dialog = window.sample.dialog
    qtbot.keyClicks(dialog.mass, f"{dialog.expected_ug} ug")
    press_ok(qtbot, dialog)
    assert window.statusBar().currentMessage().startswith(f"{PRIMARY} weighed ")
    assert window.sample.history_model.rows[-1].kind == "weighed"


def test_record_menu_shortcuts_open_the_dialogs_for_the_sample_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.sample_dialogs import WeighDialog

    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert "Open a sample first" in window.statusBar().currentMessage()
    window.show_sample(PRIMARY)
    window.tabs.setCurrentIndex(VIEW_CHARTS)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == VIEW_SAMPLE
    assert isinstance(window.sample.dialog, WeighDialog) and window.sample.dialog.isVisible()
    window.sample.dialog.reject()


def test_tools_verify_reports_an_edit_made_behind_the_apps_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with window.desk.db.write() as session:
        session.execute(text("UPDATE events SET note = 'edited' WHERE id = 5"))
    window.check_integrity(with_progress=True)
    qtbot.waitUntil(lambda: "problem" in window.integrity_label.text(), timeout=10_000)
    assert "event 5" in window.integrity_label.toolTip()


def test_switching_operator_keeps_the_open_samples_actions(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tools > Switch operator re-enables the open sample's buttons for the new operator, no rescan needed."""
    _scan(qtbot, window, PRIMARY)
    buttons = window.sample.buttons
    assert buttons["weigh"].isEnabled() and buttons["correct"].isEnabled()
    for name, may_correct in (("Li Wei", False), ("Chen Jing", True)):
        window.switch_operator()
        dialog = window.sign_in_dialog
        dialog.who.setCurrentIndex(dialog.who.findData(name))
        qtbot.keyClicks(dialog.pin, DEMO_PINS[name])
        dialog.accept()
        assert window.desk.operator.name == name
        assert buttons["weigh"].isEnabled() and buttons["split"].isEnabled() and buttons["move"].isEnabled()
        assert buttons["correct"].isEnabled() is may_correct


def test_scanning_a_position_or_a_cabinet_says_what_is_there(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator.occupancy import list_locations

    entries = {entry.path: entry for entry in list_locations(window.desk.db)}
    taken = next(e for e in entries.values() if e.kind == "position" and len(e.samples) == 1)
    _scan(qtbot, window, taken.barcode)
    assert window.sample.number == taken.samples[0]
    assert f"container {taken.container}" in window.scan.message.text()
    free = next(e for e in entries.values() if e.kind == "position" and not e.container)
    _scan(qtbot, window, free.barcode.lower())
    assert window.scan.message.text() == f"position {free.path} is free"
    assert window.tabs.currentIndex() == VIEW_CONTAINERS
    cabinet = entries[free.path.rsplit(" / ", 2)[0]]
    _scan(qtbot, window, cabinet.barcode)
    assert f"{cabinet.taken}/{cabinet.positions} positions taken; next free: " in window.scan.message.text()
    assert window.containers.model.query.location == cabinet.path
