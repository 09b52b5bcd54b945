"""File > Export…, Import… and Print labels… in the main window, with the current view's selection."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.ui.conftest import PRIMARY
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.print_dialog import PrintLabelsDialog
from ui.main_window import VIEW_ALLOCATIONS, MainWindow


def opened(window: MainWindow, kind: type) -> QDialog:
    dialogs = [child for child in window.findChildren(kind) if child.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_file_menu_has_the_three_actions_before_switch_operator(window: MainWindow) -> None:
    texts = [action.text().replace("&", "") for action in window.file_menu.actions()]
    assert texts.index("Export allocations…") < texts.index("Import catalogue…") < texts.index("Print labels…")
    assert texts.index("Print labels…") < texts.index("Switch operator…")


def test_export_and_import_open_with_the_signed_in_operator(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.file_actions["export"].trigger()
    export = opened(window, ExportDialog)
    assert export.operator == "Chen Jing" and export.db is window.desk.db
    export.close()
    window.file_actions["import"].trigger()
    assert opened(window, ImportDialog).operator == "Chen Jing"


def test_print_labels_takes_the_current_sample(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.desk.open_sample(PRIMARY)
    qtbot.waitUntil(lambda: window.sample.number == PRIMARY)
    window.file_actions["print"].trigger()
    assert opened(window, PrintLabelsDialog).code_list() == [PRIMARY]


def test_print_labels_from_an_allocation_offers_its_handover_sheet(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(VIEW_ALLOCATIONS)
    view = window.allocations
    qtbot.waitUntil(lambda: view.proxy.rowCount() > 0)
    view.table.selectRow(0)
    reference = view.selected().reference
    window.file_actions["print"].trigger()
    dialog = opened(window, PrintLabelsDialog)
    assert dialog.allocation == reference and dialog.handover_button.isVisible()
