"""File > Export…: the allocation workbook (.xlsx), filtered by mission and dates, written off the GUI
thread with a progress bar and a Cancel button."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from curator.outputs.spreadsheets import ExportCancelled, ExportOptions, ExportResult, export_workbook, mission_codes
from curator.storage.db import Database
from ui.dialogs.file_row import file_row
from ui.refusals import refusal_text
from ui.save_location import ask_save_path, file_name, remember_folder, settings_or_desk, suggested_path
from ui.text import date_format
from ui.widgets.document_language import document_language_box
from ui.worker import ProgressTask


class ExportDialog(QDialog):
    """Choose where and what to export; Export runs in the background and reports when the file is written."""

    exported = Signal(str)

    def __init__(self, db: Database, operator: str = "", parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.db, self.operator = db, operator
        self.settings = settings_or_desk(settings)
        self.task: ProgressTask | None = None
        self.export_result: ExportResult | None = None
        self.confirmed_path = ""  # a file the save dialog asked about replacing (typed names are never replaced)
        self.setWindowTitle(self.tr("Export allocations"))
        self.setMinimumWidth(520)
        self.path, row = file_row(self, self.tr("allocations.xlsx"), self.browse)
        self.path.setText(suggested_path(self.settings, file_name("allocations", "xlsx")))  # Documents, dated
        self.mission = QComboBox(self)
        self.mission.addItem(self.tr("All missions"), None)
        for code in mission_codes(db):
            self.mission.addItem(code, code)
        self.use_from, self.date_from = self._date_row(QDate(QDate.currentDate().year(), 1, 1))
        self.use_to, self.date_to = self._date_row(QDate.currentDate())
        self.language = document_language_box(self, "workbookLanguage")
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Mission"), self.mission)
        form.addRow(self._pair(self.use_from, self.date_from, self.tr("Requested from")))
        form.addRow(self._pair(self.use_to, self.date_to, self.tr("Requested to")))
        form.addRow(self.tr("Language"), self.language)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _date_row(self, initial: QDate) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(self)
        edit = QDateEdit(initial, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _pair(self, check: QCheckBox, edit: QDateEdit, text: str) -> QHBoxLayout:
        check.setText(text)
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(edit)
        return row

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.finished

    def options(self) -> ExportOptions:
        return ExportOptions(
            self.mission.currentData(),
            _day(self.date_from.date()) if self.use_from.isChecked() else None,
            _day(self.date_to.date()) if self.use_to.isChecked() else None,
            self.operator,
            self.language.currentData(),
        )

    @Slot()
    def browse(self) -> None:
        path = ask_save_path(self, self.tr("Export allocations"), self.path.text().strip()
                             or file_name("allocations", "xlsx"), self.tr("Excel workbook (*.xlsx)"), self.settings)
        if path:
            # QFileDialog asked before choosing an existing file; a name it did not see is not replaced
            self.confirmed_path = path if path.lower().endswith(".xlsx") else ""
            self.path.setText(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    @Slot()
    def start(self) -> None:
        target = self.path.text().strip()
        if not target:
            self.status.setText(self.tr("Choose a file to write first."))
            return
        if self.running:
            return
        options, replace = self.options(), target == self.confirmed_path
        self.task = ProgressTask(lambda report: export_workbook(self.db, Path(target), options, report, replace))
        self.task.signals.progress.connect(self._progress)
        self.task.signals.done.connect(self._done)
        self.task.signals.failed.connect(self._failed)
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first figure arrives
        self.status.setText(self.tr("Exporting…"))
        self.task.start()

    @Slot()
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _done(self, result: ExportResult) -> None:
        self.export_result = result
        remember_folder(self.settings, str(result.path))  # a path typed in the field counts as used too
        self._idle()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Wrote {path}: {allocations} allocations, {samples} samples handed over.").format(
            path=result.path, allocations=result.allocations, samples=result.samples))
        self.exported.emit(str(result.path))

    @Slot(object)
    def _failed(self, exc: Exception, _details: str = "") -> None:
        self._idle()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.status.setText(self.tr("Export failed: {error}").format(error=refusal_text(exc)))

    def _idle(self) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Closing while exporting cancels the export first."""
        self.cancel()
        super().reject()


def _day(value: QDate) -> date:
    """A QDate as a date (PySide6 types ``QDate.toPython`` as ``object``)."""
    return date(value.year(), value.month(), value.day())
