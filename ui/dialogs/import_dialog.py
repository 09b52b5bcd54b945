"""File > Import…: a catalogue (.xlsx/.csv) is read and checked first, its rows and every bad row are
shown, and only a clean file can be imported (all rows in one transaction, off the GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.catalogue import ALL_MISSIONS, ImportPlan, PlannedSample, import_catalogue, read_catalogue
from curator.mass import format_mass
from curator.outputs.spreadsheets import mission_codes
from ui.desk import Desk
from ui.dialogs.file_row import file_row
from ui.operation import Progress, Write, run_operation
from ui.refusals import refusal_text, row_error_text
from ui.text import label
from ui.worker import ProgressTask

Index = QModelIndex | QPersistentModelIndex


class PlanModel(QAbstractTableModel):
    """The rows a catalogue will create, as read from the file."""

    HEADERS = (QT_TRANSLATE_NOOP("PlanModel", "Row"), QT_TRANSLATE_NOOP("PlanModel", "Sample number"),
               QT_TRANSLATE_NOOP("PlanModel", "Mission"), QT_TRANSLATE_NOOP("PlanModel", "Kind"),
               QT_TRANSLATE_NOOP("PlanModel", "Mass"), QT_TRANSLATE_NOOP("PlanModel", "Parent"),
               QT_TRANSLATE_NOOP("PlanModel", "Container"), QT_TRANSLATE_NOOP("PlanModel", "Position"))

    def __init__(self, samples: list[PlannedSample] | None = None) -> None:
        super().__init__()
        self.samples = samples or []

    def set_samples(self, samples: list[PlannedSample]) -> None:
        self.beginResetModel()
        self.samples = samples
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.samples)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        sample = self.samples[index.row()]
        return (str(sample.row), sample.number, sample.mission, label(sample.kind),
                format_mass(sample.mass_ug), sample.parent or "", sample.container or "",
                sample.position or "")[index.column()]


class ImportDialog(QDialog):
    """Check a catalogue, look at what it holds and what is wrong, then import it (or nothing)."""

    imported = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.db = desk, desk.db
        self.operator = desk.operator.name if desk.signed_in else ""
        self.plan: ImportPlan | None = None
        self.task: ProgressTask | None = None
        self.importing: Progress | None = None
        self.setWindowTitle(self.tr("Import a catalogue"))
        self.resize(760, 560)
        self.path, row = file_row(self, self.tr("catalogue.xlsx or catalogue.csv"), self.browse)
        self.mission = QComboBox(self)
        self.mission.setEditable(True)
        self.mission.addItem(self.tr("all (follow the Mission column)"), ALL_MISSIONS)
        for code in mission_codes(self.db):
            self.mission.addItem(code, code)
        self.check_button = QPushButton(self.tr("Check file"), self)
        self.check_button.clicked.connect(self.check)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Mission"), self.mission)
        form.addRow("", self.check_button)
        self.model = PlanModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.errors = QListWidget(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.errors)
        splitter.setSizes([360, 110])
        self.summary = QLabel(self.tr("Choose a file and check it."), self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def mission_choice(self) -> str:
        data = self.mission.currentData()
        text = self.mission.currentText().strip()
        return data if data and self.mission.itemText(self.mission.currentIndex()) == text else text

    @property
    def busy(self) -> bool:
        return self.importing is not None or (self.task is not None and not self.task.finished)

    @Slot()
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a catalogue"), self.path.text(),
                                              self.tr("Catalogues (*.xlsx *.csv)"))
        if path:
            self.path.setText(path)
            self.check()

    def _working(self) -> None:
        """Buttons off while a file is read or imported; the bar stays busy until a figure arrives."""
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _idle(self) -> None:
        self.check_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)

    @Slot()
    def cancel(self) -> None:
        if self.importing is not None:
            self.importing.cancel()  # the import stops at its next figure and rolls back
        elif self.task is not None:
            self.task.cancel()

    @Slot()
    def check(self) -> None:
        path, mission = Path(self.path.text().strip()), self.mission_choice()
        if not self.path.text().strip() or self.busy:
            return
        self._show_plan(None)  # a file that is refused must not leave the previous file's rows on show
        self.summary.setText(self.tr("Reading {name}…").format(name=path.name))
        self.task = ProgressTask(lambda _report: read_catalogue(self.db, path, mission))
        self.task.signals.done.connect(self._checked)
        self.task.signals.failed.connect(self._read_failed)
        self._working()
        self.task.start()

    def _show_plan(self, plan: ImportPlan | None) -> None:
        """Show ``plan``'s rows and bad rows, or nothing at all."""
        self.plan = plan
        self.model.set_samples(plan.samples if plan else [])
        self.errors.clear()
        self.errors.addItems([row_error_text(error) for error in plan.errors] if plan else [])

    @Slot(object)
    def _checked(self, plan: ImportPlan) -> None:
        self._show_plan(plan)
        self._idle()
        self.progress.setValue(0)
        if plan.errors:
            self.summary.setText(self.tr("%n bad row(s): fix the file and check it again; nothing will be "
                                         "imported until every row is right.", "", len(plan.errors)))
        elif not plan.samples:
            self.summary.setText(self.tr("Nothing to import: {summary}.").format(summary=plan.summary()))
        elif not self.operator:
            self.summary.setText(self.tr("Ready: {summary}. Sign in to import.").format(summary=plan.summary()))
        else:
            self.summary.setText(self.tr("Ready: {summary}.").format(summary=plan.summary()))
        self.import_button.setEnabled(plan.ok and bool(plan.samples) and bool(self.operator))

    @Slot()
    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok or self.busy:
            return
        self.summary.setText(self.tr("Importing %n sample(s)…", "", len(plan.samples)))
        db, operator, progress = self.db, self.operator, Progress(self)
        progress.moved.connect(self._progress)
        write = Write(lambda: import_catalogue(db, plan, operator, progress.report),
                      lambda count: self.tr("Imported %n sample(s).", "", count))
        self.importing = progress
        self._working()
        self.cancel_button.setEnabled(True)
        run_operation(self.desk, self, write, self._imported, progress).finished.connect(self._import_ended)

    @Slot()
    def _import_ended(self) -> None:
        self.importing = None
        self._idle()

    def _imported(self, count: int) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.plan = None
        self.summary.setText(self.tr("Imported %n sample(s).", "", count))
        self.imported.emit(count)

    @Slot(object, str)
    def _read_failed(self, exc: Exception, _details: str = "") -> None:
        self._idle()
        self.progress.setValue(0)
        self.summary.setText(refusal_text(exc))

    def show_message(self, text: str, error: bool = True) -> None:
        """The import's refusal, cancel or wait notice (from run_operation); the checked plan stays, to try again."""
        self.summary.setText(text)
        if error:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.import_button.setEnabled(self.plan is not None and self.plan.ok and bool(self.operator))
