"""Issue 14 part 1 at the desk: Print labels… on a location of the storage tree or a cell of the storage map
(and Ctrl+P with the focus in the tree) opens the print dialog with the labels of that place's contents:
the location itself, the positions below it, and the containers standing there."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from curator.occupancy import label_codes, list_locations
from tests.factories import run_cli
from tests.ui.pdf_checks import pdf_text
from tests.ui.test_storage_map import SHELF, _view
from ui.dialogs.print_dialog import PrintLabelsDialog


def test_the_codes_of_a_shelf_are_itself_its_positions_and_their_containers(desk) -> None:  # type: ignore[no-untyped-def]
    entries = list_locations(desk.db, SHELF)
    codes = label_codes(desk.db, SHELF)
    shelf_barcode = next(entry.barcode for entry in list_locations(desk.db, SHELF.rsplit(" / ", 1)[0])
                         if entry.path == SHELF)
    assert codes[0] == shelf_barcode
    assert [code for code in codes[1:] if code.startswith("LOC-")] == [entry.barcode for entry in entries]
    taken = [entry for entry in entries if entry.container]
    assert taken and len(codes) == 1 + len(entries) + len(taken)
    for entry in taken:  # each container's label follows its position's
        assert codes[codes.index(entry.barcode) + 1] == entry.container


def test_print_labels_from_the_tree_prefills_the_dialog(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(desk, qtbot)
    view.select_location(None)
    assert not view.storage_actions.print_labels.isEnabled()  # all storage: choose a place first
    view.select_location(SHELF)
    view.storage_actions.update()
    assert view.storage_actions.print_labels.isEnabled()
    view.storage_actions.print_labels.trigger()
    dialog = view.storage_actions.print_dialog
    assert isinstance(dialog, PrintLabelsDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.code_list() == label_codes(desk.db, SHELF)
    labels = dialog.labels()
    assert labels is not None and len(labels) == len(dialog.code_list())
    assert "label" in dialog.message.text()


def test_a_right_click_on_a_map_cell_prints_that_position(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(desk, qtbot)
    view.select_location(SHELF)
    cell = next(cell for cell in view.map.shown.cells if cell.container)
    button = view.map.findChild(type(view.map.cells[0]), f"cell-{cell.name}")
    button.customContextMenuRequested.emit(QPoint(3, 3))
    menu = view.map.findChild(QMenu, "mapMenu")
    assert [action.text() for action in menu.actions()] == ["&Print labels…"]
    menu.actions()[0].trigger()
    menu.close()
    dialog = view.storage_actions.print_dialog
    qtbot.addWidget(dialog)
    assert dialog.code_list()[1:] == [cell.container] and dialog.code_list() == label_codes(desk.db, cell.path)
    view.map.customContextMenuRequested.emit(QPoint(1, 1))  # beside the cells: the whole shelf
    view.map.findChildren(QMenu, "mapMenu")[-1].actions()[0].trigger()
    assert view.storage_actions.print_dialog.code_list() == label_codes(desk.db, SHELF)
    qtbot.addWidget(view.storage_actions.print_dialog)


def test_ctrl_p_in_the_tree_prints_the_chosen_location(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.containers)
    window.containers.select_location(SHELF)
    window.containers.tree.setFocus()
    window.file_actions["print"].trigger()
    dialog = window.findChild(PrintLabelsDialog)
    assert dialog is not None and dialog.code_list() == label_codes(window.desk.db, SHELF)
    dialog.close()
    window.containers.table.setFocus()  # in the table: the chosen sample rows, as before
    window.containers.table.selectRow(0)
    window.file_actions["print"].trigger()
    latest = window.findChildren(PrintLabelsDialog)[-1]
    assert latest.code_list() == [window.containers.model.row_at(0).number]


def test_labels_of_a_location_s_contents_from_the_cli(demo_path, demo_db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    codes = label_codes(demo_db, SHELF)
    out = tmp_path / "shelf.pdf"
    code, printed, error = run_cli(demo_path, capsys, "labels", SHELF, "--contents", "-o", str(out))
    assert code == 0, error
    assert f"wrote {out}: {len(codes)} label(s)" in printed
    text = pdf_text(out)
    assert codes[0] in text and codes[-1] in text
    code, printed, _error = run_cli(demo_path, capsys, "labels", SHELF, "-o", str(tmp_path / "one.pdf"))
    assert "1 label(s)" in printed  # without --contents: the shelf's own label
