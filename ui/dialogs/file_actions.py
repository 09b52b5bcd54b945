"""File > Export…, Import…, Print labels… and Handover sheet… in the main window (added through
``add_file_action``).

Print labels takes what is selected in the current view: the chosen sample in the Containers view or the
Sample detail, or the chosen allocation (its splits, plus its handover sheet) in the Allocations view; with
the focus in the storage tree or map, the chosen location's contents (its positions and containers).
Handover sheet takes the allocation chosen in the Allocations view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from curator.errors import CuratorError
from curator.occupancy import label_codes
from ui.models.samples_model import COL_NUMBER

# lupdate reads translate("Context", "literal") calls; the context must be a literal too.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.handover_dialog import HandoverSheetDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.print_dialog import PrintLabelsDialog
    from ui.main_window import MainWindow


def _operator(window: MainWindow) -> str:
    return window.desk.operator.name if window.desk.signed_in else ""


def selection(window: MainWindow) -> tuple[list[str], str | None]:
    """(sample numbers, allocation reference) selected in the current view."""
    view = window.tabs.currentWidget()
    if view is window.allocations:
        row = window.allocations.selected()
        return [], row.reference if row else None
    if view is window.sample and window.sample.number:
        return [window.sample.number], None
    if view is window.containers and (place := window.containers.location_to_label()) is not None:
        try:
            return label_codes(window.desk.db, place), None
        except CuratorError:  # the place went away meanwhile: an empty dialog, where IDs can be typed
            return [], None
    if view is window.containers and window.containers.table.selectionModel() is not None:
        rows = window.containers.table.selectionModel().selectedRows(COL_NUMBER)
        return [str(index.data()) for index in rows if index.data()], None
    return [], None


def open_export(window: MainWindow) -> ExportDialog:
    from ui.dialogs.export_dialog import ExportDialog  # openpyxl loads on first use, not at start-up

    dialog = ExportDialog(window.desk.db, _operator(window), window, window.settings)
    dialog.open()
    return dialog


def open_import(window: MainWindow) -> ImportDialog:
    from ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window.desk, window)  # the import publishes what it changed itself
    dialog.open()
    return dialog


def open_print(window: MainWindow) -> PrintLabelsDialog:
    from ui.dialogs.print_dialog import PrintLabelsDialog

    codes, allocation = selection(window)
    dialog = PrintLabelsDialog(window.desk.db, codes, window, allocation=allocation, settings=window.settings)
    dialog.open()
    return dialog


def open_handover(window: MainWindow) -> HandoverSheetDialog | None:
    """The handover sheet of the allocation chosen in the Allocations view (which shows if none is)."""
    from ui.dialogs.handover_dialog import HandoverSheetDialog

    row = window.allocations.selected()
    if row is None:
        window.tabs.setCurrentWidget(window.allocations)
        window.statusBar().showMessage(
            translate("MainWindow", "Choose an allocation first, then File > Handover sheet…"), 8000)
        return None
    dialog = HandoverSheetDialog(window.desk.db, row.reference, window, window.settings)
    dialog.open()
    return dialog


def install_file_actions(window: MainWindow) -> dict[str, QAction]:
    """Add Export…, Import…, Print labels… and Handover sheet… to the window's File menu; returns them by name."""
    actions = {}
    for name, text, opener, shortcut in (
        ("export", translate("MainWindow", "&Export allocations…"), open_export, "Ctrl+Shift+E"),
        ("import", translate("MainWindow", "&Import catalogue…"), open_import, "Ctrl+I"),
        ("print", translate("MainWindow", "&Print labels…"), open_print, QKeySequence.StandardKey.Print),
        ("handover", translate("MainWindow", "&Handover sheet…"), open_handover, None),
    ):
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, open_=opener: open_(window))
        window.add_file_action(action)
        actions[name] = action
    window.file_menu.insertSeparator(window.sign_in_action)
    return actions
