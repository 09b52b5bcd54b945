"""File > Handover sheet…: the selected allocation's A4 handover sheet, previewed at true size, printed,
or saved as a PDF named after the allocation in the Documents folder (or the last folder used)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from curator.errors import CuratorError
from curator.mass import format_mass
from curator.outputs.handover import HandoverSheet, handover_sheet
from curator.storage.db import Database
from ui.dialogs.print_dialog import handover_preview
from ui.handover_print import PAGE_H, PAGE_W, render_handover, write_handover_pdf
from ui.printing import set_page
from ui.refusals import refusal_text
from ui.save_location import ask_save_path, file_name, settings_or_desk
from ui.worker import ProgressTask


class HandoverSheetDialog(QDialog):
    """What the sheet holds in one line, the language choice, and Preview / Print / Save PDF."""

    saved = Signal(str)

    def __init__(self, db: Database, reference: str, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.db, self.reference = db, reference
        self.settings = settings_or_desk(settings)
        self.task: ProgressTask | None = None
        self.pages_drawn = 0
        self.setWindowTitle(self.tr("Handover sheet {reference}").format(reference=reference))
        self.setMinimumWidth(460)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.bilingual = QCheckBox(self.tr("&Chinese and English"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.preview_button = self.buttons.addButton(self.tr("Pre&view…"), role)
        self.print_button = self.buttons.addButton(self.tr("&Print…"), role)
        self.pdf_button = self.buttons.addButton(self.tr("&Save PDF…"), role)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.bilingual, self.message, self.buttons):
            layout.addWidget(widget)
        self.sheet = self._load()

    def _load(self) -> HandoverSheet | None:
        """The sheet's content, or None (the reason shown, the buttons off) when there is nothing to hand over."""
        try:
            sheet = handover_sheet(self.db, self.reference)
        except CuratorError as exc:
            self.summary.setText(refusal_text(exc))
            for button in (self.preview_button, self.print_button, self.pdf_button):
                button.setEnabled(False)
            return None
        self.summary.setText(self.tr("{reference}: {institution} ({country}), %n split(s), {total}", "",
                                 len(sheet.items)).format(
            reference=sheet.reference, institution=sheet.institution, country=sheet.country_code,
            total=format_mass(sheet.total_ug)))
        return sheet

    def default_name(self) -> str:
        return file_name("handover", "pdf", self.reference)

    @Slot()
    def preview(self) -> None:
        handover_preview(self, self.db, self.reference, self.bilingual.isChecked()).exec()

    @Slot()
    def print_(self) -> None:
        if self.sheet is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page(printer, PAGE_W, PAGE_H)
        printer.setDocName(self.default_name())
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.pages_drawn = render_handover(printer, self.sheet, self.bilingual.isChecked())

    @Slot()
    def save_pdf(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        path = ask_save_path(self, self.tr("Save the handover sheet as PDF"), self.default_name(),
                             self.tr("PDF (*.pdf)"), self.settings)
        if not path:
            return
        bilingual, database = self.bilingual.isChecked(), self.db.path
        self.message.setText(self.tr("Writing {path}…").format(path=path))
        self.pdf_button.setEnabled(False)
        # off the GUI thread; QFileDialog asked before an existing file was chosen, so it may be replaced
        # (never the database: curator.safe_output refuses it)
        self.task = ProgressTask(lambda report: write_handover_pdf(path, sheet, bilingual, True, database))
        self.task.signals.done.connect(lambda pages: self._saved(path, pages))
        self.task.signals.failed.connect(self._save_failed)
        self.task.start()

    def _saved(self, path: str, pages: int) -> None:
        self.pdf_button.setEnabled(True)
        self.pages_drawn = pages
        self.message.setText(self.tr("Wrote {path} (%n page(s)).", "", pages).format(path=path))
        self.saved.emit(path)

    @Slot(object)
    def _save_failed(self, exc: Exception, _details: str = "") -> None:
        self.pdf_button.setEnabled(True)
        self.message.setText(self.tr("Could not write the PDF: {error}").format(error=refusal_text(exc)))
