"""The scan field: a barcode scanner types a code and Enter; the field says inline what it found."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)


class ScanField(QWidget):
    """A line edit plus an inline message; ``scanned`` carries the code when Enter is pressed."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None, placeholder: str | None = None, stacked: bool = False) -> None:
        """``stacked``: the message goes under the field and wraps (in a dialog, where a refusal is long)."""
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("scanEdit")
        self.edit.setPlaceholderText(placeholder or self.tr("Scan or type a sample number or barcode"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(300)
        self.message = QLabel(self)
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(stacked)
        layout = QVBoxLayout(self) if stacked else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 0 if stacked else 2)
        layout.addWidget(self.message, 0 if stacked else 1)
        self.stacked = stacked
        if stacked:  # as tall as its text, never stretched, and no empty line under the field
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            self.message.hide()
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(lambda _text: self.show_message(""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Enter scans, and is consumed: it never reaches a dialog's default button."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code = self.edit.text().strip()
            if code:
                self.scanned.emit(code)
            return True
        return False

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #2e7d32;")
        self.message.setText(text)
        if self.stacked:
            self.message.setVisible(bool(text))

    def refuse(self, text: str) -> None:
        """The code names nothing usable: say why, and select it so the next scan replaces it."""
        self.show_message(text, error=True)
        self.edit.selectAll()

    def done(self, text: str = "") -> None:
        """The code was used: clear the field for the next scan."""
        self.edit.clear()
        self.show_message(text)

    def take_focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()


_TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


class ScanCapture(QObject):
    """An application event filter: printable keys typed while no text field has focus go to the scan
    field, so a barcode scanner works from any view without clicking first."""

    def __init__(self, field: ScanField, window: QWidget) -> None:
        super().__init__(field)
        self.field = field
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or isinstance(watched, _TEXT_WIDGETS):
            return False
        if watched.window() is not self.window:
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, _TEXT_WIDGETS) and focus is not self.field.edit:
            return False
        text = event.text()
        if not text or not text.isprintable() or text.isspace() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        self.field.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.edit.insert(text)
        return True
