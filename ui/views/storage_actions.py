"""The storage tree's actions: add a location or containers, rename, retire, print labels; each write goes
through ui.operation and then shows the place it made or changed. Print labels… opens the print dialog
with the labels of the chosen location's contents (itself, the locations and positions below it and the
containers standing there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QWidget

from curator.containers import retire_container
from curator.errors import CuratorError
from curator.locations import retire_location
from curator.occupancy import label_codes
from ui.desk import Desk
from ui.dialogs.storage_dialogs import ContainersDialog, LocationDialog, RenameLocationDialog, kinds_inside
from ui.operation import Write, run_operation
from ui.refusals import refusal_text


class StorageActions(QObject):
    """Actions on the chosen storage node: ``node()`` gives its (path, kind), (None, None) for all storage;
    ``show_place(path)`` rebuilds the tree and chooses ``path`` after a change."""

    def __init__(self, desk: Desk, owner: QWidget, node: Callable[[], tuple[str | None, str | None]],
                 show_place: Callable[[str | None], None]) -> None:
        super().__init__(owner)
        self.desk, self.owner, self.node, self.show_place = desk, owner, node, show_place
        self.add_location = self._action(self.tr("Add &location…"), self.new_location)
        self.add_containers = self._action(self.tr("Add &containers…"), self.new_containers)
        self.rename = self._action(self.tr("Re&name…"), self.rename_location)
        self.retire = self._action(self.tr("Ret&ire…"), self.retire_location)
        self.retire_container = self._action(self.tr("Retire an empty &container…"), self.retire_empty_container)
        self.print_labels = self._action(self.tr("&Print labels…"), self.print_chosen)
        self.print_labels.setToolTip(self.tr("Labels of the chosen location, the positions below it and the "
                                             "containers standing there (Ctrl+P in the tree)"))
        self.print_dialog: QDialog | None = None

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.owner)
        action.triggered.connect(slot)
        return action

    def update(self) -> None:
        """Enable what the chosen node allows."""
        path, kind = self.node()
        self.add_location.setEnabled(bool(kinds_inside(kind)) or path is None)
        self.rename.setEnabled(path is not None)
        self.retire.setEnabled(path is not None)
        self.print_labels.setEnabled(path is not None)

    def menu(self, at: QPoint) -> None:
        self.update()
        menu = QMenu(self.owner)
        for action in (self.add_location, self.add_containers, self.rename, self.retire, self.retire_container):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.print_labels)
        menu.exec(at)

    @Slot()
    def print_chosen(self) -> None:
        self.print_labels_of(self.node()[0])

    def print_labels_of(self, path: str | None) -> QDialog | None:
        """The print dialog, opened with the labels of ``path``'s contents (None: nothing chosen, no dialog)."""
        if path is None:
            return None
        from ui.dialogs.print_dialog import PrintLabelsDialog

        try:
            codes = label_codes(self.desk.db, path)
        except CuratorError as exc:  # the place went away meanwhile
            QMessageBox.warning(self.owner, self.tr("Print labels"), refusal_text(exc))
            return None
        self.print_dialog = PrintLabelsDialog(self.desk.db, codes, self.owner)
        self.print_dialog.open()
        return self.print_dialog

    def _dialog(self, dialog: QDialog, then: Callable[[], str | None]) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_place(then())

    @Slot()
    def new_location(self) -> None:
        path, kind = self.node()
        dialog = LocationDialog(self.desk, path, kind, self.owner)
        self._dialog(dialog, lambda: path)

    @Slot()
    def new_containers(self) -> None:
        path, _kind = self.node()
        self._dialog(ContainersDialog(self.desk, path, self.owner), lambda: path)

    @Slot()
    def rename_location(self) -> None:
        path, _kind = self.node()
        if path is not None:
            dialog = RenameLocationDialog(self.desk, path, self.owner)
            self._dialog(dialog, lambda: dialog.new_path or path)

    @Slot()
    def retire_location(self) -> None:
        path = self.node()[0]
        if path is None:
            return
        answer = QMessageBox.question(
            self.owner, self.tr("Retire a location"),
            self.tr("Retire {path} and everything inside it? It must be empty; it stays in the history.").format(
                path=path), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, operator = self.desk.db, self.desk.operator.name
        parent = path.rsplit(" / ", 1)[0] if " / " in path else None
        run_operation(self.desk, self.owner, Write(lambda: retire_location(db, operator, path),
                                                   lambda done: self.tr("retired {path}").format(path=done)),
                      on_success=lambda _done: self.show_place(parent))

    @Slot()
    def retire_empty_container(self) -> None:
        barcode, ok = QInputDialog.getText(self.owner, self.tr("Retire a container"),
                                           self.tr("Scan or type the barcode of the empty container:"))
        if not ok or not barcode.strip():
            return
        db, operator, path = self.desk.db, self.desk.operator.name, self.node()[0]
        run_operation(self.desk, self.owner, Write(lambda: retire_container(db, operator, barcode.strip()),
                                                   lambda done: self.tr("retired {barcode}").format(barcode=done)),
                      on_success=lambda _done: self.show_place(path))

