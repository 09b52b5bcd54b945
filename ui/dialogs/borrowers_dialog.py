"""The borrowers: every institution with its country, city, contact and principal investigators; add or
edit an institution or an investigator from here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.changes import Changes
from curator.institutions import InstitutionRow, InvestigatorRow, institution_rows
from ui.desk import Desk
from ui.dialogs.institution_dialogs import InstitutionDialog, InvestigatorDialog
from ui.widgets.actions import button_row, open_dialog
from ui.widgets.document_language import desk_country_name

ROW_ROLE = Qt.ItemDataRole.UserRole


class BorrowersDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Borrowers"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("borrowersTree")
        self.tree.setHeaderLabels([self.tr("Institution / principal investigator"), self.tr("Country"),
                                   self.tr("City"), self.tr("Contact")])
        for column in range(3):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumSize(900, 360)
        self.count = QLabel(self)
        bar, self.buttons = button_row(self, (
            ("add", self.tr("&New institution…"), self.add_institution),
            ("add_pi", self.tr("New &PI…"), self.add_investigator),
            ("edit", self.tr("&Edit…"), self.edit)))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.tree.currentItemChanged.connect(self._enable)
        self.tree.itemDoubleClicked.connect(lambda *_args: self.edit())
        desk.changed.connect(self._changed)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        chosen = keep or self._chosen_name()
        self.tree.clear()
        rows = institution_rows(self.desk.db)
        for row in rows:
            country = f"{desk_country_name(row.country)} ({row.country})"
            item = QTreeWidgetItem([row.name, country, row.city, row.contact])
            item.setData(0, ROW_ROLE, row)
            for person in row.investigators:
                child = QTreeWidgetItem([person.name, "", "", person.email])
                child.setData(0, ROW_ROLE, person)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            if row.name == chosen:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self.count.setText(self.tr("%n institution(s)", "", len(rows)))
        self._enable()

    def _chosen_name(self) -> str | None:
        institution = self.chosen_institution()
        return institution.name if institution else None

    def chosen_institution(self) -> InstitutionRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        row = (item.parent() or item).data(0, ROW_ROLE)
        return row if isinstance(row, InstitutionRow) else None

    def chosen_investigator(self) -> InvestigatorRow | None:
        item = self.tree.currentItem()
        row = item.data(0, ROW_ROLE) if item is not None else None
        return row if isinstance(row, InvestigatorRow) else None

    @Slot()
    def _enable(self) -> None:
        chosen = self.chosen_institution() is not None
        self.buttons["add_pi"].setEnabled(chosen)
        self.buttons["edit"].setEnabled(chosen)

    @Slot(Changes)
    def _changed(self, _changes: Changes) -> None:
        self.reload()

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = open_dialog(dialog)
        return dialog

    @Slot()
    def add_institution(self) -> QDialog:
        return self._open(InstitutionDialog(self.desk, None, self))

    @Slot()
    def add_investigator(self) -> QDialog | None:
        institution = self.chosen_institution()
        return self._open(InvestigatorDialog(self.desk, institution.name, None, self)) if institution else None

    @Slot()
    def edit(self) -> QDialog | None:
        institution, person = self.chosen_institution(), self.chosen_investigator()
        if institution is None:
            return None
        if person is not None:
            return self._open(InvestigatorDialog(self.desk, institution.name, person, self))
        return self._open(InstitutionDialog(self.desk, institution, self))
