"""Operator sign-in at start: choose who you are and give your PIN. Wrong PINs are counted; the
dialog shows how many remain before the lock, and until when a locked operator must wait."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from curator.directory import list_operators, sign_in
from curator.errors import CuratorError
from curator.operators import MAX_WRONG_PINS
from curator.rows import OperatorRow
from curator.storage.db import Database
from ui.refusals import refusal_text
from ui.text import label


class SignInDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, current: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.operator: OperatorRow | None = None
        self.setWindowTitle(self.tr("Sign in to Curator"))
        self.operators = list_operators(db)
        self.who = QComboBox(self)
        self.who.setObjectName("operatorCombo")
        for row in self.operators:
            self.who.addItem(f"{row.name} ({label(row.role)})", row.name)
        if current:
            self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Operator:"), self.who)
        form.addRow(self.tr("PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every event you record is signed with your name."), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.who.currentIndexChanged.connect(self._chosen)
        self._chosen()
        if not self.operators:
            self.message.setText(self.tr("This database has no operators yet (see `curator operator add --help`)."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def chosen(self) -> OperatorRow | None:
        index = self.who.currentIndex()
        return self.operators[index] if 0 <= index < len(self.operators) else None

    @Slot()
    def _chosen(self) -> None:
        self.pin.clear()
        self.pin.setPlaceholderText(self.tr("your PIN or passphrase"))
        self.message.clear()
        row = self.chosen()
        if row is not None and row.locked_until is not None:
            until = row.locked_until.astimezone().strftime("%H:%M:%S")
            self.message.setText(self.tr("{name} is locked after {count} wrong PINs until {time}; an admin can unlock.")
                                 .format(name=row.name, count=MAX_WRONG_PINS, time=until))
        self.pin.setFocus()

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
