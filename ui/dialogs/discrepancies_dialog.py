"""Where the borrowers' yearly inventory answers disagree with the chain: one line per split (borrower,
loan, year, what differs). Read only: a borrower's word changes no mass; a curator records a correction
if the chain is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.inventory_check import Discrepancy, inventory_discrepancies
from curator.storage.db import Database
from curator.vocabulary import InventoryDiscrepancy
from ui.text import day, mass


class DiscrepanciesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inventory answers the chain contradicts"))
        self.found = inventory_discrepancies(db)
        self.summary = QLabel(self.tr("%n split(s) whose inventory answer disagrees with the chain. A borrower's "
                                      "word changes no mass: if the chain is wrong, a curator records a correction.",
                                      "", len(self.found)), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.found), 5, self)
        self.table.setObjectName("discrepancies")
        self.table.setHorizontalHeaderLabels([self.tr("Borrower"), self.tr("Loan"), self.tr("Year"),
                                              self.tr("Split"), self.tr("What differs")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, found in enumerate(self.found):
            for column, text in enumerate((found.institution, found.reference, str(found.year), found.number,
                                           self.differs(found))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 420)

    def differs(self, found: Discrepancy) -> str:
        said, back, when = mass(found.returned_ug), mass(found.chain_back_ug or 0), day(found.chain_day)
        if found.kind == InventoryDiscrepancy.NO_RETURN_RECORDED:
            return self.tr("the borrower says {said} was sent back; no return is recorded").format(said=said)
        if found.kind == InventoryDiscrepancy.OTHER_MASS_BACK:
            return self.tr("the borrower says {said} was sent back; {back} was weighed back on {day}").format(
                said=said, back=back, day=when)
        if found.kind == InventoryDiscrepancy.RECORDED_USED_UP:
            return self.tr("the borrower says {said} was sent back; it is recorded used up on {day}").format(
                said=said, day=when)
        return self.tr("came back on {day} with {back}, more than the {held} the borrower said it held at the end "
                       "of {year}").format(day=when, back=back, held=mass(found.held_ug), year=found.year)
