"""The base of every recording dialog: a form checked as you type, OK enabled only when it is valid,
one service call on OK, and the domain's refusal shown inline (the dialog stays open)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from curator.errors import CuratorError
from ui.desk import Desk


class RecordDialog(QDialog):
    """Subclasses fill ``form``, override ``problem()`` and ``submit()``, and call ``revalidate()``."""

    def __init__(self, desk: Desk, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.signed = QLabel(self.tr("Signed by {name}").format(name=desk.operator.name), self)
        self.signed.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.signed)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):  # type: ignore[no-untyped-def]
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problem(self) -> str:
        """Why the form cannot be recorded yet ("" when it can)."""
        return ""

    def submit(self) -> str:
        """Record through one service call; returns a line for the status bar."""
        raise NotImplementedError

    def hint(self) -> str:
        """A non-blocking remark shown when the form is valid (e.g. a weighing off the expected mass)."""
        return ""

    @Slot()
    def revalidate(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.show_message(problem or self.hint(), error=bool(problem))

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #8d6e00;")
        self.message.setText(text)

    def accept(self) -> None:
        if self.problem():
            return
        try:
            self.result_text = self.submit()
        except CuratorError as exc:
            self.show_message(str(exc), error=True)
            return
        self.desk.notify_changed()
        super().accept()
