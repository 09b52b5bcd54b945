"""Operator sign-in at start: choose who you are and give your PIN. Wrong PINs are counted; the
dialog shows how many remain before the lock, and until when a locked operator must wait, with an
Unlock… button by which an admin lifts the lock (ui/dialogs/unlock_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from curator.directory import list_operators, sign_in
from curator.errors import CuratorError
from curator.operators import MAX_WRONG_PINS
from curator.rows import OperatorRow
from curator.storage.db import Database
from ui.desk import Desk
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.refusals import refusal_text
from ui.text import label


class SignInDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, current: str = "",
                 desk: Desk | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk if desk is not None else Desk(db)  # the unlock is written through it
        self.operator: OperatorRow | None = None
        self.setWindowTitle(self.tr("Sign in to Curator"))
        self.operators: list[OperatorRow] = []
        self.who = QComboBox(self)
        self.who.setObjectName("operatorCombo")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.unlock_button = self.buttons.addButton(self.tr("&Unlock…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_dialog: UnlockDialog | None = None
        form = QFormLayout()
        form.addRow(self.tr("Operator:"), self.who)
        form.addRow(self.tr("PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every event you record is signed with your name."), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._read_operators(current)
        self.who.currentIndexChanged.connect(self._chosen)
        if not self.operators:
            self.message.setText(self.tr("This database has no operators yet (see `curator operator add --help`)."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _read_operators(self, current: str) -> None:
        """Fill the operator list (again, after an unlock), choosing ``current``."""
        self.operators = list_operators(self.db)
        self.who.blockSignals(True)
        self.who.clear()
        for row in self.operators:
            self.who.addItem(f"{row.name} ({label(row.role)})", row.name)
        if current:
            self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.who.blockSignals(False)
        self._chosen()

    def chosen(self) -> OperatorRow | None:
        index = self.who.currentIndex()
        return self.operators[index] if 0 <= index < len(self.operators) else None

    @Slot()
    def _chosen(self) -> None:
        self.pin.clear()
        self.pin.setPlaceholderText(self.tr("your PIN or passphrase"))
        self.message.clear()
        row = self.chosen()
        locked = row is not None and row.locked_until is not None
        if row is not None and row.locked_until is not None:
            until = row.locked_until.astimezone().strftime("%H:%M:%S")
            self.message.setText(self.tr("{name} is locked after {count} wrong PINs until {time}; an admin can unlock.")
                                 .format(name=row.name, count=MAX_WRONG_PINS, time=until))
        self.unlock_button.setVisible(locked)
        self.pin.setFocus()

    @Slot()
    def unlock(self) -> None:
        """An admin lifts the chosen operator's lock; afterwards they sign in with their own PIN."""
        row = self.chosen()
        if row is None or row.locked_until is None:
            return
        self.unlock_dialog = UnlockDialog(self.desk, row, self.operators, self)
        self.unlock_dialog.accepted.connect(lambda: self._unlocked(row.name))
        self.unlock_dialog.open()

    def _unlocked(self, name: str) -> None:
        self._read_operators(name)
        self.message.setText(self.tr("{name} was unlocked: sign in with your PIN.").format(name=name))

    def accept(self) -> None:
        row = self.chosen()
        if row is None:
            return
        try:
            self.operator = sign_in(self.db, row.name, self.pin.text())
        except CuratorError as exc:
            self.message.setText(refusal_text(exc))
            self.pin.selectAll()
            self.pin.setFocus()
            return
        super().accept()
