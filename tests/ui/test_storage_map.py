"""Issue 14 part 2: the storage tree's occupancy, the storage map (a shelf's grid, a cabinet's shelves,
a click opens), and making storage from the tree through the recording dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from curator.demo import FACILITY
from curator.occupancy import list_locations, storage_map
from tests.ui.conftest import press_ok
from ui.dialogs.storage_dialogs import ContainersDialog, LocationDialog, RenameLocationDialog
from ui.views.containers_view import ContainersView

GLOVE_BOX = f"{FACILITY} / Glove-box room / Glove box G1"
SHELF = f"{GLOVE_BOX} / Shelf 4"


def _view(desk, qtbot) -> ContainersView:  # type: ignore[no-untyped-def]
    view = ContainersView(desk)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def test_a_shelf_shows_its_grid_and_a_click_opens_the_sample(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(desk, qtbot)
    view.select_location(SHELF)
    shown = view.map.shown
    assert shown is not None and (shown.rows, shown.columns, len(shown.cells)) == (4, 6, 24)
    taken = [cell for cell in shown.cells if cell.container]
    assert view.tree_model.itemFromIndex(view.tree.currentIndex()).text() == f"Shelf 4  {len(taken)}/24"
    assert view.map.title.text().endswith(f"next free: {shown.next_free.rsplit(' / ', 1)[-1]}")
    first = next(cell for cell in taken if cell.samples)
    button = view.map.findChild(type(view.map.cells[0]), f"cell-{first.name}")
    assert first.samples[0][0] in button.text() and first.container in button.text()
    with qtbot.waitSignal(desk.sample_requested) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == [first.samples[0][0]]
    free = view.map.findChild(type(button), "cell-D6")
    assert "free" in free.text()
    qtbot.mouseClick(free, Qt.MouseButton.LeftButton)  # a free position: chosen in the tree
    assert view.model.query.location == f"{SHELF} / D6"


def test_a_cabinet_shows_its_shelves_with_occupancy(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(desk, qtbot)
    view.select_location(GLOVE_BOX)
    shown = storage_map(desk.db, GLOVE_BOX)
    assert [entry.name for entry in shown.inside] == [f"Shelf {n}" for n in range(1, 5)]
    shelf = view.map.findChild(type(view.map.cells[0]), "holder-Shelf 2")
    entry = shown.inside[1]
    assert f"{entry.taken}/{entry.positions}" in shelf.text()
    qtbot.mouseClick(shelf, Qt.MouseButton.LeftButton)
    assert view.model.query.location == entry.path


def test_storage_is_made_from_the_tree(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    room = f"{FACILITY} / Glove-box room"
    dialog = LocationDialog(desk, room, "room")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("glove_box"))
    dialog.name.setText("Glove box G2")
    dialog.rows.setValue(2)
    assert "both rows and columns" in dialog.message.text() and not dialog.ok_button.isEnabled()
    dialog.columns.setValue(3)
    press_ok(qtbot, dialog)
    box = f"{room} / Glove box G2"
    assert [e.name for e in list_locations(desk.db, box)] == ["A1", "A2", "A3", "B1", "B2", "B3"]
    containers = ContainersDialog(desk, box)
    qtbot.addWidget(containers)
    containers.show()
    assert containers.free.text() == f"{box} / A1"
    containers.count.setValue(2)
    containers.prefix.setText("G2-")
    press_ok(qtbot, containers)
    assert containers.result_text == "added G2-00001…G2-00002"
    taken = ContainersDialog(desk, f"{box} / A1")
    qtbot.addWidget(taken)
    taken.show()
    taken.barcode.setText("G2-X")
    press_ok(qtbot, taken)
    assert "A1 already holds container G2-00001 (vial, empty)" in taken.message.text() and taken.isVisible()
    rename = RenameLocationDialog(desk, box)
    qtbot.addWidget(rename)
    rename.show()
    rename.name.setText("Glove box G3")
    press_ok(qtbot, rename)
    assert rename.new_path == f"{room} / Glove box G3"
    assert list_locations(desk.db, rename.new_path)[0].container == "G2-00001"
