"""A line edit for a mass with its unit ("12.5 mg", "0.2 g"), checked as you type."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from curator.errors import ValidationError
from curator.mass import parse_mass
from ui.refusals import refusal_text

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; }"


class MassEdit(QLineEdit):
    """``value_ug`` is the mass in micrograms, or None while the text is not a mass."""

    #: Emitted on every edit with the new value (int micrograms or None).
    massChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, allow_zero: bool = False) -> None:
        super().__init__(parent)
        self.allow_zero = allow_zero
        self.value_ug: int | None = None
        self.error = ""
        self.setPlaceholderText(self.tr("e.g. 12.5 mg"))
        self.textChanged.connect(self._check)
        self._check("")

    @Slot(str)
    def _check(self, text: str) -> None:
        try:
            value = parse_mass(text)
            if value == 0 and not self.allow_zero:
                raise ValidationError(self.tr("mass must be above zero"))
            self.value_ug, self.error = value, ""
        except ValidationError as exc:
            self.value_ug = None
            self.error = refusal_text(exc) if text.strip() else self.tr("enter a mass")
        self.setStyleSheet("" if self.value_ug is not None or not text.strip() else INVALID_STYLE)
        self.setToolTip(self.error)
        self.massChanged.emit(self.value_ug)
