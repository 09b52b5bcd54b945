"""Every write from the desk goes through ui.operation: off the GUI thread, "Waiting for the database…"
with Cancel while another desk holds the write lock, refusals inline in the dialog that asked, and the
changes broadcast so that only the views showing them reload."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import func, select

from curator import handling, inventory
from curator.changes import Changes
from curator.history import sample_detail
from curator.storage.models import Event
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.desk import Desk
from ui.dialogs.sample_dialogs import WeighDialog
from ui.operation import Write, run_operation
from ui.views.allocations_view import AllocationsView
from ui.views.containers_view import ContainersView
from ui.views.sample_view import SampleView

pytestmark = pytest.mark.sqlite_file  # another desk's lock on the same file
#: A sample of another mission, in another container: nothing recorded on PRIMARY concerns it.
UNRELATED = "CE6C0100YJFM00501"


def _events(desk: Desk) -> int:
    with desk.db.read() as session:
        return session.execute(select(func.count(Event.id))).scalar_one()


@pytest.fixture
def view(desk: Desk, qtbot) -> SampleView:  # type: ignore[no-untyped-def]
    widget = SampleView(desk)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_sample(PRIMARY)
    return widget


def _weigh_dialog(view: SampleView, qtbot) -> WeighDialog:  # type: ignore[no-untyped-def]
    dialog = view.weigh()
    assert isinstance(dialog, WeighDialog)
    qtbot.keyClicks(dialog.mass, f"{dialog.expected_ug} ug")
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    return dialog


@pytest.fixture
def other_desk(desk: Desk) -> Iterator[sqlite3.Connection]:
    """Another desk on the same file, holding the write lock until the test commits or rolls back."""
    with closing(sqlite3.connect(desk.db.path, isolation_level=None)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        if connection.in_transaction:
            connection.execute("ROLLBACK")


@pytest.fixture
def ticks(qtbot) -> Iterator[list[int]]:  # type: ignore[no-untyped-def]
    """Counts a 20 ms timer's firings: it only fires while the GUI thread runs its event loop."""
    fired: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: fired.append(1))
    timer.start(20)
    yield fired
    timer.stop()


def test_a_write_waits_for_another_desks_lock_without_freezing_the_desk(view, other_desk, ticks, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _events(view.desk)
    dialog = _weigh_dialog(view, qtbot)
    dialog.ok_button.click()
    assert dialog.writing and not dialog.ok_button.isEnabled()  # no second OK while the first waits
    qtbot.waitUntil(lambda: dialog.operation.waiting, timeout=5_000)
    assert dialog.operation.notice.labelText() == "Waiting for the database…"
    count = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > count + 5, timeout=5_000)  # the event loop keeps running
    assert dialog.isVisible() and _events(view.desk) == before
    other_desk.execute("COMMIT")  # the other desk is done
    qtbot.waitUntil(lambda: not dialog.writing, timeout=10_000)
    assert closed(dialog) and _events(view.desk) == before + 1
    assert view.history_model.rows[-1].kind == "weighed"


def test_cancel_while_waiting_records_nothing_and_keeps_the_input(view, other_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _events(view.desk)
    dialog = _weigh_dialog(view, qtbot)
    typed = dialog.mass.text()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.operation.waiting, timeout=5_000)
    qtbot.mouseClick(dialog.operation.notice.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: not dialog.writing, timeout=5_000)
    assert dialog.isVisible() and "nothing was recorded" in dialog.message.text()
    assert dialog.mass.text() == typed and dialog.ok_button.isEnabled()
    other_desk.execute("COMMIT")
    assert _events(view.desk) == before


def test_a_refusal_shows_inline_in_the_dialog_and_records_nothing(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _weigh_dialog(view, qtbot)
    inventory.weigh(view.desk.db, "Li Wei", PRIMARY, dialog.expected_ug - 1000)  # another desk was quicker
    before, typed = _events(view.desk), dialog.mass.text()
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "changed" in dialog.message.text(), dialog.message.text()
    assert dialog.mass.text() == typed and _events(view.desk) == before


def test_a_success_names_the_sample_and_only_views_showing_it_reload(view, desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    unrelated = SampleView(desk)
    allocations = AllocationsView(desk)
    for widget in (unrelated, allocations):
        qtbot.addWidget(widget)
        widget.show()
    unrelated.show_sample(UNRELATED)
    assert sample_detail(desk.db, UNRELATED).barcode != sample_detail(desk.db, PRIMARY).barcode
    reloads = {"shown": 0, "unrelated": 0, "allocations": 0}
    for name, widget in (("shown", view), ("unrelated", unrelated), ("allocations", allocations)):
        widget.refresh = lambda name=name, original=widget.refresh: (reloads.__setitem__(name, reloads[name] + 1),
                                                                     original())
    dialog = _weigh_dialog(view, qtbot)
    with qtbot.waitSignal(desk.changed, timeout=10_000) as published:
        dialog.ok_button.click()
    changes = published.args[0]
    assert changes.samples == {PRIMARY} and not changes.allocations and not changes.everything
    qtbot.waitUntil(lambda: not dialog.writing, timeout=5_000)
    assert reloads == {"shown": 1, "unrelated": 0, "allocations": 0}
    assert view.history_model.rows[-1].kind == "weighed"


def test_a_write_under_way_when_cancel_is_pressed_is_told_when_it_ends(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cancel cannot stop a transaction already running: the desk does not claim nothing was recorded,
    it tells what happened once the answer comes."""
    gate, told = threading.Event(), []
    desk.message.connect(told.append)
    asker = QWidget()
    qtbot.addWidget(asker)
    asker.show()

    def slow_note() -> int:
        gate.wait(10)  # the write is under way, not waiting for a lock
        return handling.record_observation(desk.db, "Li Wei", "note", PRIMARY, "slow")

    operation = run_operation(desk, asker, Write(slow_note, lambda _id: "note recorded"))
    qtbot.waitUntil(lambda: operation.waiting, timeout=5_000)
    qtbot.mouseClick(operation.notice.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert operation.abandoned and not operation.waiting and not operation.done
    with qtbot.waitSignal(desk.changed, timeout=10_000) as published:
        gate.set()
    assert PRIMARY in published.args[0].samples  # read off the event the write recorded
    assert operation.done and told == ["note recorded (recorded after all: it had begun before you stopped waiting)"]


def test_closing_the_dialog_while_waiting_tells_the_outcome_in_the_status_line(view, other_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    view.desk.message.connect(told.append)
    before = _events(view.desk)
    dialog = _weigh_dialog(view, qtbot)
    dialog.ok_button.click()
    operation = dialog.operation
    dialog.reject()  # Escape while the other desk writes
    qtbot.waitUntil(lambda: operation.done, timeout=5_000)
    assert told == ["Not recorded: you stopped waiting for the database: nothing was recorded"]
    other_desk.execute("COMMIT")
    assert _events(view.desk) == before


def _shown(qtbot, view, width: int, height: int):  # type: ignore[no-untyped-def]
    """A view on screen at a size where its table scrolls."""
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_containers_view_reloads_a_row_it_shows_keeping_selection_and_scroll(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, ContainersView(desk), 900, 300)
    view.table.selectRow(40)
    view.table.scrollTo(view.model.index(40, 0))
    chosen, scroll = view.model.row_at(40).number, view.table.verticalScrollBar().value()
    assert scroll > 0
    reloads: list[int] = []
    view.refresh = lambda original=view.refresh: (reloads.append(1), original())  # type: ignore[method-assign]
    desk.publish(Changes.of(samples=["NOT-SHOWN-ANYWHERE"]))
    assert not reloads
    inventory.weigh(desk.db, "Li Wei", chosen, sample_detail(desk.db, chosen).mass_ug)
    desk.publish(Changes.of(samples=[chosen]))
    assert reloads == [1]
    assert view.model.row_at(view.table.currentIndex().row()).number == chosen
    assert view.table.verticalScrollBar().value() == scroll


def test_the_allocations_view_keeps_the_chosen_loan_and_scroll_after_a_change(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, AllocationsView(desk), 1000, 260)
    row = view.model.rowCount() - 2
    reference = view.model.row_at(row).reference
    view.select(reference)
    view.table.scrollTo(view.model.index(row, 0))
    scroll = view.table.verticalScrollBar().value()
    assert scroll > 0
    desk.publish(Changes.of(allocations=[reference]))
    selected = view.selected()
    assert selected is not None and selected.reference == reference
    assert view.table.verticalScrollBar().value() == scroll
