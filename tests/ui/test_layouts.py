"""Every view and dialog at its default size and at 1280x720: nothing overlaps, every label's text fits,
and each Alt+letter names one thing; the Tab key reaches every field in order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from curator.directory import list_operators
from curator.operators import LOCK_TIME
from curator.rows import OperatorRow
from tests.ui.conftest import PRIMARY
from tests.ui.layout_checks import clipped_labels, mnemonic_clashes, overlaps
from tests.ui.test_scanner_safe_dialogs import DIALOGS
from ui.desk import Desk
from ui.dialogs.discrepancies_dialog import DiscrepanciesDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.handover_dialog import HandoverSheetDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.photo_folder_dialog import PhotoFolderDialog
from ui.dialogs.print_dialog import PrintLabelsDialog
from ui.dialogs.signin_dialog import SignInDialog
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.main_window import MainWindow
from ui.models.allocations_model import COL_DUE, COL_STATUS

SMALL_SCREEN = (1280, 720)
OTHER_DIALOGS = [
    ("print labels", lambda desk: PrintLabelsDialog(desk.db, [PRIMARY])),
    ("print for an allocation", lambda desk: PrintLabelsDialog(desk.db, allocation="CE5-INT-2025-01")),
    ("export", lambda desk: ExportDialog(desk.db, desk.operator.name)),
    ("handover sheet", lambda desk: HandoverSheetDialog(desk.db, "CE5-INT-2025-01")),
    ("import", lambda desk: ImportDialog(desk)),
    ("sign in", lambda desk: SignInDialog(desk.db, None, "Chen Jing")),
    ("unlock", lambda desk: UnlockDialog(desk, OperatorRow("Li Wei", "technician", datetime.now(UTC) + LOCK_TIME),
                                         list_operators(desk.db))),
    ("handover sheet", lambda desk: HandoverSheetDialog(desk.db, "CE5-INT-2025-01")),
    ("inventory discrepancies", lambda desk: DiscrepanciesDialog(desk.db)),
    ("photo folder", lambda desk: PhotoFolderDialog(desk)),
]


def _problems(widget: QWidget) -> list[str]:
    QApplication.processEvents()
    return overlaps(widget) + clipped_labels(widget) + mnemonic_clashes(widget)


def test_every_view_at_its_default_size_and_at_1280x720(window: MainWindow) -> None:
    window.open_code(PRIMARY)
    window.allocations.select("CE5-INT-2025-01")
    for size in (window.size(), SMALL_SCREEN):
        window.resize(*size) if isinstance(size, tuple) else window.resize(size)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            assert _problems(window) == [], (window.tabs.tabText(index), size)


@pytest.mark.parametrize(("name", "make"), [entry[:2] for entry in DIALOGS] + OTHER_DIALOGS,
                         ids=[entry[0] for entry in DIALOGS + OTHER_DIALOGS])  # type: ignore[operator]
def test_every_dialog_at_its_default_size_and_at_1280x720(desk: Desk, qtbot, name, make) -> None:  # type: ignore[no-untyped-def]
    dialog: QDialog = make(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _problems(dialog) == [], name
    dialog.resize(*SMALL_SCREEN)
    assert _problems(dialog) == [], name


def test_a_long_hand_over_refusal_is_shown_whole(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DIALOGS[7][1](desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.scan.edit, "CE6C0100YJFM00501")  # a primary sample: far over the approved mass
    qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return)
    assert "more than approved" in dialog.scan.message.text()
    assert _problems(dialog) == []


def test_at_1280x720_the_allocations_show_every_column(window: MainWindow) -> None:
    window.resize(*SMALL_SCREEN)
    window.tabs.setCurrentWidget(window.allocations)
    QApplication.processEvents()
    table = window.allocations.table
    for column in (COL_DUE, COL_STATUS):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert 0 <= table.columnViewportPosition(column) and right <= table.viewport().width(), column
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    assert not table.horizontalScrollBar().isVisible()


def test_tab_reaches_the_filter_and_leaves_every_table(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(window):
        window.activateWindow()
    window.tabs.setCurrentWidget(window.containers)
    window.containers.tree.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert window.containers.filter in seen and window.containers.table in seen
    assert seen.index(window.containers.filter) < seen.index(window.containers.table)  # filter, then table
    for table in (window.containers.table, window.allocations.table, window.sample.history):
        assert not table.tabKeyNavigation()


def test_the_split_dialog_tabs_from_top_to_bottom(desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DIALOGS[1][1](desk)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.count.setValue(3)
    rows = [[*pair, *place.widgets()] for pair, place in zip(dialog.child_rows(), dialog.places(), strict=True)]
    expected = [dialog.count] + [w for row in rows for w in row] + [dialog.loss, dialog.remaining, dialog.note]
    order = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    focus_of = [widget.focusProxy() or widget for widget in expected]
    assert [type(w).__name__ for w in order] and order[0] is dialog.count.findChild(QWidget) or order[0] is dialog.count
    assert order[1:] == focus_of[1:]
