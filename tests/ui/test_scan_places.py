"""Issue 14 at the scan field: an empty container, a position and a cabinet scanned show where they are:
the shelf's storage map with the position marked, what it holds (one sample, several, an empty container,
nothing), and a cabinet's next free position named from the cabinet."""

from __future__ import annotations

from curator import inventory
from curator.occupancy import list_locations
from tests.ui.test_main_window import _scan
from ui.main_window import VIEW_CHARTS, VIEW_CONTAINERS, MainWindow


def _marked(window: MainWindow) -> list[str]:
    return [str(cell.property("path")) for cell in window.containers.map.cells if cell.property("marked")]


def test_an_empty_container_in_a_position_shows_its_place(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    free = next(entry for entry in list_locations(window.desk.db) if entry.kind == "position" and not entry.container)
    inventory.add_container(window.desk.db, "Li Wei", "EMPTY-VIAL", "vial", free.path)
    window.tabs.setCurrentIndex(VIEW_CHARTS)
    _scan(qtbot, window, "EMPTY-VIAL")
    assert window.scan.message.text() == f"container EMPTY-VIAL (vial) is empty; at {free.path}"
    assert window.scan.edit.text() == ""  # a good scan: the field is ready for the next one
    assert window.tabs.currentIndex() == VIEW_CONTAINERS
    assert window.containers.model.query.location == free.path.rsplit(" / ", 1)[0]
    assert _marked(window) == [free.path]
    _scan(qtbot, window, free.barcode)
    assert window.scan.message.text() == f"position {free.path} holds container EMPTY-VIAL, which is empty"


def test_a_position_holding_a_box_of_samples_says_how_many(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import PRIMARY

    free = next(entry for entry in list_locations(window.desk.db) if entry.kind == "position" and not entry.container)
    _scan(qtbot, window, free.barcode)
    assert window.scan.message.text() == f"position {free.path} is free" and _marked(window) == [free.path]
    inventory.add_container(window.desk.db, "Li Wei", "BOX-7", "box", free.path)
    inventory.put_in_container(window.desk.db, "Li Wei", PRIMARY, "BOX-7")
    inventory.put_in_container(window.desk.db, "Li Wei", f"{PRIMARY}-02", "BOX-7")
    _scan(qtbot, window, free.barcode)
    assert window.scan.message.text() == f"position {free.path} holds container BOX-7: 2 sample(s)"


def test_a_cabinet_names_its_next_free_position_from_the_cabinet(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    entries = list_locations(window.desk.db)
    cabinet = next(entry for entry in entries if entry.kind == "nitrogen_cabinet" and entry.taken < entry.positions)
    _scan(qtbot, window, cabinet.barcode)
    message = window.scan.message.text()
    free = message.rsplit("next free: ", 1)[-1]
    assert free.count(" / ") == 1 and f"{cabinet.path} / {free}" in {entry.path for entry in entries}
