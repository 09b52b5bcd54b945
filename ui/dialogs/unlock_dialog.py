"""Unlock an operator whom wrong PINs locked: an admin signs the unlock with their own PIN, at the desk
where the lock is reported (the sign-in dialog), as `curator operator unlock` does on the command line."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator.directory import unlock
from curator.operators import MAX_WRONG_PINS
from curator.permissions import OperatorAction, role_allows
from curator.rows import OperatorRow
from ui.desk import Desk
from ui.dialogs.base import MESSAGE_WIDTH, make_keyboard_safe
from ui.operation import Operation, Write, run_operation
from ui.text import label


def unlockers(operators: list[OperatorRow], locked: str) -> list[OperatorRow]:
    """Who may sign the unlock of ``locked``: operators whose role allows it (the domain's rule), not locked."""
    return [row for row in operators
            if role_allows(row.role, OperatorAction.UNLOCK) and row.locked_until is None and row.name != locked]


class UnlockDialog(QDialog):
    def __init__(self, desk: Desk, locked: OperatorRow, operators: list[OperatorRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.locked = desk, locked
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Unlock {name}").format(name=locked.name))
        until = locked.locked_until.astimezone().strftime("%H:%M:%S") if locked.locked_until else ""
        intro = QLabel(self.tr("{name} is locked after {count} wrong PINs until {time}. An admin unlocks them "
                               "with their own PIN; the unlock is recorded, signed by the admin.")
                       .format(name=locked.name, count=MAX_WRONG_PINS, time=until), self)
        intro.setWordWrap(True)
        intro.setMinimumWidth(MESSAGE_WIDTH)
        intro.setMinimumHeight(intro.heightForWidth(MESSAGE_WIDTH))  # wider needs fewer lines: never clipped
        self.admin = QComboBox(self)
        self.admin.setObjectName("unlockAdminCombo")
        for row in unlockers(operators, locked.name):
            self.admin.addItem(f"{row.name} ({label(row.role)})", row.name)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("unlockPinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("the admin's PIN or passphrase"))
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock"))
        self.ok_button.setToolTip(self.tr("Unlock (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Admin:"), self.admin)
        form.addRow(self.tr("Admin's PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never shorter than its wrapped intro
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self._opened = False
        if self.admin.count() == 0:
            self.ok_button.setEnabled(False)
            self.show_message(self.tr("No admin can unlock now; wait until the lock ends."), error=True)
        self.pin.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._opened:  # the button box makes OK default when shown: undo that (Enter never unlocks)
            self._opened = True
            make_keyboard_safe(self, self.buttons)
            self.pin.setFocus()

    def show_message(self, text: str, error: bool = False) -> None:
        """A refusal from the domain (a wrong admin PIN, a role that may not unlock), shown by run_operation."""
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)
        if error:
            self.pin.selectAll()
            self.pin.setFocus()

    def accept(self) -> None:
        if self.admin.count() == 0 or (self.operation is not None and not self.operation.done):
            return
        db, admin, pin, name = self.desk.db, str(self.admin.currentData()), self.pin.text(), self.locked.name
        write = Write(lambda: unlock(db, admin, pin, name),
                      lambda _row: self.tr("{name} unlocked by {admin}").format(name=name, admin=admin))
        self.operation = run_operation(self.desk, self, write, on_success=self._unlocked)

    def _unlocked(self, _row: OperatorRow) -> None:
        super().accept()
