"""The filters above the allocations table: status, country, institution, mission, overdue only, and text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from curator.loan_filter import LoanFilter
from curator.rows import AllocationRow
from curator.vocabulary import SHOWN_LOAN_STATES
from ui.text import label
from ui.widgets.document_language import desk_country_name


class LoanFilterBar(QWidget):
    """``changed`` is emitted whenever the person changes a filter; ``current()`` is the filter now."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = self._combo("filterStatus")
        self.status.addItem(self.tr("Any status"), None)
        for status in SHOWN_LOAN_STATES:
            self.status.addItem(label(status), status)
        self.country = self._combo("filterCountry")
        self.institution = self._combo("filterInstitution")
        self.institution.setMinimumContentsLength(16)
        self.institution.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mission = self._combo("filterMission")
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.overdue.setObjectName("filterOverdue")
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Filter: reference, institution, PI…"))
        self.text.setClearButtonEnabled(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_choices([])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text, self.status, self.country, self.institution, self.mission, self.overdue):
            layout.addWidget(widget)
        for combo in (self.status, self.country, self.institution, self.mission):
            combo.currentIndexChanged.connect(self._changed)
        self.overdue.toggled.connect(self._changed)
        self.text.textChanged.connect(self._changed)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        return combo

    @Slot()
    def _changed(self) -> None:
        self.changed.emit()

    def set_choices(self, rows: Sequence[AllocationRow]) -> None:
        """Offer the countries, institutions and missions that ``rows`` hold, keeping what was chosen."""
        countries = {(desk_country_name(row.country, reported=True), row.country) for row in rows}
        choices = ((self.country, self.tr("Any country"), sorted(countries)),
                   (self.institution, self.tr("Any institution"), sorted({(row.institution,) * 2 for row in rows})),
                   (self.mission, self.tr("Any mission"), sorted({(row.mission,) * 2 for row in rows})))
        for combo, anything, values in choices:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, "")
            for shown, value in values:
                combo.addItem(shown, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)

    def current(self) -> LoanFilter:
        return LoanFilter(status=self.status.currentData(), country=self.country.currentData() or "",
                          institution=self.institution.currentData() or "", mission=self.mission.currentData() or "",
                          overdue_only=self.overdue.isChecked(), text=self.text.text())
