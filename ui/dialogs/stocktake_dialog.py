"""Stocktake at the desk: choose a location, scan every container found there; the dialog shows what is
expected, found, unexpected and missing as you scan, records the stocktake as an event on OK, and prints
the location's content list (PDF)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator.errors import CuratorError
from curator.facility_events import event_locations
from curator.stocktake import Stocktake, compare, record_stocktake
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.models.samples_model import short_location
from ui.operation import Write
from ui.refusals import refusal_text
from ui.save_location import ask_save_path, file_name, settings_or_desk


class StocktakeDialog(RecordDialog):
    def __init__(self, desk: Desk, location: str | None = None, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(desk, self.tr("Stocktake"), parent)
        self.settings = settings_or_desk(settings)
        self.scanned: list[str] = []
        self.taken: Stocktake | None = None
        self.location = QComboBox(self)
        self.location.addItem(self.tr("(choose)"), "")
        for path in event_locations(desk.db):
            self.location.addItem(path, path)
        self.scan = QLineEdit(self)
        self.scan.setObjectName("stocktakeScan")
        self.scan.setPlaceholderText(self.tr("scan each container found there (Enter after each)"))
        self.scan.returnPressed.connect(self.take_scan)
        self.form.addRow(self.tr("Location:"), self.location)
        self.form.addRow(self.tr("Scan:"), self.scan)
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        for index, key in enumerate(("expected", "found", "unexpected", "missing")):
            box = QGroupBox(self)
            self.lists[key] = QListWidget(box)
            self.lists[key].setObjectName(f"stocktake_{key}")
            QVBoxLayout(box).addWidget(self.lists[key])
            self.boxes[key] = box
            grid.addWidget(box, 0, index)
        self.form.addRow(grid)
        self.print_button = QPushButton(self.tr("&Print content list…"), self)
        self.print_button.clicked.connect(self.print_content_list)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.form.addRow(row)
        self.location.currentIndexChanged.connect(self.update_lists)
        if location:
            self.location.setCurrentIndex(max(0, self.location.findData(location)))
        self.update_lists()
        self.resize(860, 520)

    def first_input(self) -> QWidget | None:
        return self.scan if self.location.currentData() else self.location

    @Slot()
    def take_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if code and code.upper() not in {scanned.upper() for scanned in self.scanned}:
            self.scanned.append(code)
        self.update_lists()

    @Slot()
    def update_lists(self) -> None:
        path = self.location.currentData()
        try:
            self.taken = compare(self.desk.db, str(path), self.scanned) if path else None
        except CuratorError as exc:
            self.taken = None
            self.message.setText(refusal_text(exc))
        taken = self.taken
        elsewhere = taken.elsewhere if taken else {}
        lines = {"expected": [f"{line.barcode}  {line.position.rsplit(' / ', 1)[-1]}" for line in taken.expected]
                 if taken else [],
                 "found": taken.found if taken else [], "missing": taken.missing if taken else [],
                 "unexpected": [code + (f"  ({short_location(elsewhere[code])})" if elsewhere.get(code) else
                                        self.tr("  (recorded nowhere)") if code in elsewhere else
                                        self.tr("  (unknown)"))
                                for code in taken.unexpected] if taken else []}
        titles = {"expected": self.tr("Expected ({count})"), "found": self.tr("Found ({count})"),
                  "unexpected": self.tr("Unexpected ({count})"), "missing": self.tr("Missing ({count})")}
        for key, items in lines.items():
            self.lists[key].clear()
            self.lists[key].addItems(items)
            self.boxes[key].setTitle(titles[key].format(count=len(items)))
        self.print_button.setEnabled(taken is not None)
        self.revalidate()

    def problem(self) -> str:
        if not self.location.currentData():
            return self.tr("choose the location to count")
        if not self.scanned:
            return self.tr("scan every container found there")
        return ""

    @Slot()
    def print_content_list(self) -> None:
        if self.taken is None:
            return
        path = ask_save_path(self, self.tr("Save the content list as PDF"),
                             file_name("content-list", "pdf", self.taken.location.rsplit(" / ", 1)[-1]),
                             self.tr("PDF (*.pdf)"), self.settings)
        if not path:
            return
        from ui.stocktake_print import write_content_list_pdf

        try:
            write_content_list_pdf(path, self.taken, replace=True, database=self.desk.db.path)
        except (CuratorError, OSError) as exc:
            self.message.setText(refusal_text(exc))
            return
        self.message.setText(self.tr("content list saved: {path}").format(path=path))

    def write(self) -> Write:
        db, operator, path, scanned = self.desk.db, self.desk.operator.name, str(self.location.currentData()), \
            list(self.scanned)
        text = self.tr("stocktake of {place} recorded").format(place=path)
        return Write(lambda: record_stocktake(db, operator, path, scanned), lambda _result: text)
