"""What was done to a returned split: one check box per treatment (polished, coated, irradiated, exposed
to air, contaminated, none); "none" and the others exclude each other."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from curator.vocabulary import Treatment
from ui.text import label


class TreatmentBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Treatment, QCheckBox] = {}
        for index, treatment in enumerate(Treatment):
            box = QCheckBox(label(treatment), self)
            box.setObjectName(f"treatment_{treatment}")
            box.toggled.connect(lambda on, chosen=treatment: self._toggled(chosen, on))
            layout.addWidget(box, index // 3, index % 3)
            self.boxes[treatment] = box

    @Slot()
    def _toggled(self, treatment: Treatment, on: bool) -> None:
        if on:  # "none" clears the others; any other clears "none"
            for other, box in self.boxes.items():
                if (other == Treatment.NONE) != (treatment == Treatment.NONE):
                    box.setChecked(False)
        self.changed.emit()

    def chosen(self) -> list[str]:
        return [str(treatment) for treatment, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, words: list[str]) -> None:
        """Show ``words`` checked and the others not (without emitting ``changed``)."""
        self.blockSignals(True)
        for treatment, box in self.boxes.items():
            box.setChecked(treatment in words)
        self.blockSignals(False)
