"""Every recording dialog as a barcode scanner and a gloved hand meet it: it opens with focus in its first
input, no button is default, a scan's Enter and the space in "5.2 mg" neither cancel nor record, and only
OK or Ctrl+Enter records."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from sqlalchemy import func, select

from curator.demo import FACILITY
from curator.loans import allocation_items, allocation_rows
from curator.storage.models import Allocation, Event
from tests.ui.conftest import PRIMARY
from ui.desk import Desk
from ui.dialogs.allocation_dialogs import CancelDialog, HandOverDialog, NewAllocationDialog, ReturnDialog
from ui.dialogs.base import RecordDialog
from ui.dialogs.receive_dialog import ReceiveDialog
from ui.dialogs.sample_dialogs import CorrectionDialog, MoveDialog, ObservationDialog, WeighDialog
from ui.dialogs.scan_session_dialogs import PrepareDialog, ReturnSessionDialog
from ui.dialogs.split_dialog import SplitDialog
from ui.dialogs.storage_dialogs import ContainersDialog, LocationDialog, RenameLocationDialog

ON_LOAN = "CE5-INT-2025-03"  # handed over: its splits can come back or be consumed


def _version(desk: Desk, reference: str) -> int:
    return next(row.version for row in allocation_rows(desk.db) if row.reference == reference)


def _on_loan_split(desk: Desk) -> str:
    return allocation_items(desk.db, ON_LOAN)[0].number


#: (name, how to make the dialog, the attribute that must hold the focus, what a scanner types into it)
DIALOGS: list[tuple[str, Callable[[Desk], RecordDialog], str, Callable[[Desk], str]]] = [
    ("weigh", lambda desk: WeighDialog(desk, PRIMARY), "mass", lambda _desk: "LSL-00003"),
    ("split", lambda desk: SplitDialog(desk, PRIMARY), "count", lambda _desk: "LSL-00003"),
    ("move", lambda desk: MoveDialog(desk, PRIMARY), "position", lambda _desk: "LSL-00003"),
    ("open", lambda desk: ObservationDialog(desk, PRIMARY, "opened"), "kind", lambda _desk: "LSL-00003"),
    ("seal", lambda desk: ObservationDialog(desk, PRIMARY, "sealed"), "kind", lambda _desk: "LSL-00003"),
    ("correction", lambda desk: CorrectionDialog(desk, PRIMARY), "wrong_event", lambda _desk: "LSL-00003"),
    ("new allocation", lambda desk: NewAllocationDialog(desk), "reference", lambda _desk: "LSL-00003"),
    ("hand over", lambda desk: HandOverDialog(desk, "CE6-2024-B1-02"), "scan", lambda _desk: "LSL-00003"),
    ("return", lambda desk: ReturnDialog(desk, ON_LOAN), "scan", _on_loan_split),
    ("consumption", lambda desk: ReturnDialog(desk, ON_LOAN, consumed=True), "scan", _on_loan_split),
    ("prepare", lambda desk: PrepareDialog(desk, "CE6-2025-B9-04"), "scan", lambda _desk: "LSL-00003"),
    ("returns", lambda desk: ReturnSessionDialog(desk, ON_LOAN), "scan", _on_loan_split),
    ("cancel", lambda desk: CancelDialog(desk, "CE6-2024-B1-02", _version(desk, "CE6-2024-B1-02")), "reason",
     lambda _desk: "LSL-00003"),
    ("new location", lambda desk: LocationDialog(desk, f"{FACILITY} / Glove-box room", "room"), "kind",
     lambda _desk: "LSL-00003"),
    ("new containers", lambda desk: ContainersDialog(desk, f"{FACILITY} / Glove-box room"), "barcode",
     lambda _desk: "LSL-00003"),
    ("rename location", lambda desk: RenameLocationDialog(desk, f"{FACILITY} / Glove-box room"), "name",
     lambda _desk: "LSL-00003"),
    ("receive", lambda desk: ReceiveDialog(desk), "sample_number", lambda _desk: "LSL-00003"),
]


def _written(desk: Desk) -> tuple[int, int, list[str]]:
    """What a recording changes: the events, the allocations and their states."""
    with desk.db.read() as session:
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
        states = list(session.execute(select(Allocation.status).order_by(Allocation.id)).scalars())
    return events, len(states), states


def _opened(qtbot, desk: Desk, make: Callable[[Desk], RecordDialog]) -> RecordDialog:  # type: ignore[no-untyped-def]
    dialog = make(desk)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts such as Ctrl+Enter work in the active window
        dialog.open()
        dialog.activateWindow()
    return dialog


def _focus_target(dialog: RecordDialog, attribute: str) -> QWidget:
    widget = getattr(dialog, attribute)
    return widget.focusProxy() or widget


@pytest.mark.parametrize(("name", "make", "first", "code"), DIALOGS, ids=[entry[0] for entry in DIALOGS])
def test_a_scan_and_a_spaced_mass_neither_cancel_nor_record(desk: Desk, qtbot, name, make, first, code) -> None:  # type: ignore[no-untyped-def]
    before = _written(desk)
    dialog = _opened(qtbot, desk, make)
    focused = QApplication.focusWidget()
    assert focused is _focus_target(dialog, first), f"{name} opens with focus on {focused!r}"
    buttons = dialog.findChildren(QPushButton)
    assert buttons and not any(button.isDefault() or button.autoDefault() for button in buttons)
    for text in (code(desk), "5.2 mg"):
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        qtbot.keyClick(focused, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
        assert dialog.isVisible(), f"{name} closed on {text!r} + Enter"
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.operation is None, f"{name} sent its form by accident"  # writes run off the GUI thread
    assert _written(desk) == before, f"{name} recorded something by accident"


def test_a_scan_fills_the_scan_field_and_keeps_the_dialog(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, desk, lambda d: ReturnDialog(d, ON_LOAN, consumed=True))
    number = _on_loan_split(desk)
    qtbot.keyClicks(QApplication.focusWidget(), number)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.number == number and dialog.ok_button.isEnabled() and dialog.isVisible()
    assert dialog.scan.edit.text() == "" and dialog.scan.edit.hasFocus()  # ready for the next scan


def test_ctrl_enter_records_from_a_field_that_takes_enter(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    events, count, _ = _written(desk)
    dialog = _opened(qtbot, desk, NewAllocationDialog)
    for widget, text in ((dialog.reference, "CE6-2027-B1-01"), (dialog.pi, "Prof. Li"), (dialog.mass, "5.2 mg")):
        qtbot.keyClicks(widget, text)
    dialog.institution.setCurrentIndex(dialog.institution.findData("Tsinghua University"))
    dialog.purpose.setFocus()
    qtbot.keyClicks(dialog.purpose, "isotopes")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Tab)  # Tab leaves Purpose, it types no tab
    assert dialog.purpose.toPlainText() == "isotopes" and dialog.focusWidget() is not dialog.purpose
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.writing, timeout=10_000)
    assert not dialog.isVisible() and dialog.result() == 1
    assert _written(desk)[1] == count + 1


def test_ctrl_enter_does_nothing_while_the_form_is_incomplete(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _written(desk)
    dialog = _opened(qtbot, desk, next(make for name, make, *_rest in DIALOGS if name == "cancel"))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.operation is None and _written(desk) == before
    qtbot.keyClicks(dialog.reason, "borrower withdrew")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.writing, timeout=10_000)
    assert not dialog.isVisible() and _written(desk)[2] != before[2]
