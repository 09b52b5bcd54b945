"""The storage tree makes shelves and positions only when they are opened, yet any node can be chosen."""

from curator.demo import FACILITY
from ui.views.containers_view import PATH_ROLE, ContainersView

CABINET = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1"


def test_deep_nodes_are_made_on_demand_and_can_be_chosen(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ContainersView(desk)
    qtbot.addWidget(view)
    view.show()
    position = f"{CABINET} / Shelf 2 / P11"  # where the first Chang'e-5 jar was moved in the demo
    view.select_location(position)
    assert view.tree.currentIndex().data(PATH_ROLE) == position
    assert view.model.rowCount() == 1 and view.model.row_at(0).number == "CE5C0400YJFM00501"


def test_expanding_a_cabinet_shows_its_shelves(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ContainersView(desk)
    qtbot.addWidget(view)
    view.show()
    view.select_location(CABINET)
    cabinet = view.tree_model.itemFromIndex(view.tree.currentIndex())
    assert cabinet.rowCount() == 1 and cabinet.child(0).data(PATH_ROLE) is None  # not made yet
    view.tree.expand(cabinet.index())
    shelves = [cabinet.child(row).text() for row in range(cabinet.rowCount())]
    assert [text.split("  ")[0] for text in shelves] == [f"Shelf {n}" for n in range(1, 5)]
    assert all(text.split("  ")[1].endswith("/24") for text in shelves)  # each with its positions taken
