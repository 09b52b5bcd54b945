"""File > Print labels…: labels for any selection of samples or containers, with a template choice, a
true-size print preview (QPrintPreviewDialog) and the choice of a printer or a PDF file."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Signal, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from curator.errors import CuratorError
from curator.outputs.handover import handover_sheet
from curator.outputs.labels import DEFAULT_TEMPLATE, LabelData, LabelTemplate, get_template, label_data, templates
from curator.storage.db import Database
from ui.dialogs.base import MESSAGE_WIDTH, make_keyboard_safe
from ui.handover_print import PAGE_H, PAGE_W, render_handover
from ui.printing import render_labels, set_page, write_labels_pdf
from ui.refusals import refusal_text
from ui.save_location import ask_save_path, file_name, settings_or_desk
from ui.widgets.document_language import document_language_box
from ui.widgets.label_printer_row import LabelPrinterRow
from ui.worker import ProgressTask

#: The titles of the shipped label templates (resources/labels/*.json), marked for lupdate; another
#: template shows its own title.
TEMPLATE_TITLES = (
    QT_TRANSLATE_NOOP("PrintLabelsDialog", "2 x 1 inch direct thermal label (50.8 x 25.4 mm)"),
    QT_TRANSLATE_NOOP("PrintLabelsDialog", "62 x 29 mm label cut from 62 mm continuous tape"),
    QT_TRANSLATE_NOOP("PrintLabelsDialog", "62 x 40 mm label from 62 mm continuous tape, with a Code 128 barcode"),
    QT_TRANSLATE_NOOP("PrintLabelsDialog", "A4 sheet of 24 labels, 3 x 8, 70 x 37 mm each, with a Code 128 barcode"),
)


def label_printer(template: LabelTemplate) -> QPrinter:
    """A printer set to the template's paper, without margins, so labels come out at true size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_page(printer, template.page_width, template.page_height)
    return printer


def handover_preview(parent: QWidget | None, db: Database, reference: str,
                     bilingual: bool = False) -> QPrintPreviewDialog:
    """The true-size preview of an allocation's A4 handover sheet (print it, or print to PDF, from there)."""
    sheet = handover_sheet(db, reference)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_page(printer, PAGE_W, PAGE_H)
    printer.setDocName(file_name("handover", "pdf", reference))  # printing to a file suggests this name
    preview = QPrintPreviewDialog(printer, parent)
    title = QCoreApplication.translate("HandoverPreview", "Handover sheet {reference}")
    preview.setWindowTitle(title.format(reference=reference))
    preview.pages_drawn = 0  # type: ignore[attr-defined]

    def draw(device: QPrinter) -> None:
        preview.pages_drawn = render_handover(device, sheet, bilingual)  # type: ignore[attr-defined]

    preview.paintRequested.connect(draw)
    preview.printer_ = printer  # type: ignore[attr-defined]  # keep the printer alive with the dialog
    return preview


class PrintLabelsDialog(QDialog):
    """Type or scan IDs (one per line), or open with a selection or an allocation; preview, print or save a
    PDF. Opened for an allocation, it lists the allocation's splits and also prints its handover sheet."""

    printed = Signal(int)

    def __init__(self, db: Database, codes: list[str] | None = None, parent: QWidget | None = None,
                 allocation: str | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings_or_desk(settings)
        self.allocation = allocation
        self.pages_drawn = 0
        self.task: ProgressTask | None = None
        problem = ""
        if allocation and not codes:
            try:
                codes = [item.number for item in handover_sheet(db, allocation).items]
            except CuratorError as exc:  # e.g. nothing prepared yet: no labels, no sheet
                problem = refusal_text(exc)
        self.setWindowTitle(self.tr("Print labels"))
        self.template = QComboBox(self)
        for name, template in templates().items():
            self.template.addItem(f"{name} — {self.tr(template.title)}", name)
        self.template.setCurrentIndex(max(0, self.template.findData(DEFAULT_TEMPLATE)))
        self.codes = QPlainTextEdit(self)
        self.codes.setPlaceholderText(self.tr("Sample numbers or container barcodes, one per line"))
        self.codes.setPlainText("\n".join(codes or []))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(MESSAGE_WIDTH)
        form = QFormLayout()
        self.language = document_language_box(self, "labelLanguage")
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("IDs"), self.codes)
        self.label_printers = LabelPrinterRow(self, self.labels, self.chosen_template)
        form.addRow(self.tr("Label printer"), self.label_printers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = self.buttons.addButton(self.tr("Preview…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = self.buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.preview)
        self.bilingual: QCheckBox | None = None  # only for an allocation's handover sheet
        if allocation:
            self.bilingual = QCheckBox(self.tr("Chinese and English"), self)
            self.handover_button = self.buttons.addButton(self.tr("Handover sheet…"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
            self.handover_button.clicked.connect(self.preview_handover)
            self.handover_button.setEnabled(not problem)
            form.addRow(self.tr("Handover sheet"), self.bilingual)
        self.message.setText(problem)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never narrower than its labels
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        make_keyboard_safe(self, self.buttons)  # the IDs field takes scans: Enter there is a new line

    def chosen_template(self) -> LabelTemplate:
        return get_template(self.template.currentData())

    def code_list(self) -> list[str]:
        return [line.strip() for line in self.codes.toPlainText().splitlines() if line.strip()]

    def labels(self) -> list[LabelData] | None:
        """The labels to print, or None (with the reason shown) when an ID is unknown or none is given."""
        try:
            labels = label_data(self.db, self.code_list(), self.language.currentData())
        except CuratorError as exc:
            self.message.setText(refusal_text(exc))
            return None
        self.message.setText(self.tr("%n label(s)", "", len(labels)))
        return labels

    def draw_labels(self, printer: QPrinter, labels: list[LabelData]) -> None:
        self.pages_drawn = render_labels(printer, self.chosen_template(), labels)

    def make_preview(self) -> QPrintPreviewDialog | None:
        """The true-size preview of the labels (None when they cannot be made)."""
        labels = self.labels()
        if labels is None:
            return None
        printer = label_printer(self.chosen_template())
        printer.setDocName(file_name("labels", "pdf", self.allocation))  # print to file: not print.pdf
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Label preview"))
        preview.paintRequested.connect(lambda device: self.draw_labels(device, labels))
        preview.printer_ = printer  # type: ignore[attr-defined]  # keep the printer alive with the dialog
        return preview

    @Slot()
    def preview(self) -> None:
        dialog = self.make_preview()
        if dialog is not None:
            dialog.exec()

    @Slot()
    def print_(self) -> None:
        labels = self.labels()
        if labels is None:
            return
        printer = label_printer(self.chosen_template())
        printer.setDocName(file_name("labels", "pdf", self.allocation))  # print to file: not print.pdf
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.draw_labels(printer, labels)
            self.printed.emit(len(labels))

    @Slot()
    def save_pdf(self) -> None:
        labels = self.labels()
        if labels is None:
            return
        path = ask_save_path(self, self.tr("Save labels as PDF"), file_name("labels", "pdf", self.allocation),
                             self.tr("PDF (*.pdf)"), self.settings)
        if not path:
            return
        template = self.chosen_template()
        self.message.setText(self.tr("Writing {path}…").format(path=path))
        self.pdf_button.setEnabled(False)
        # QFileDialog asked before an existing file was chosen, so it may be replaced (never the database)
        self.task = ProgressTask(lambda report: write_labels_pdf(path, template, labels, True, self.db.path))
        self.task.signals.done.connect(lambda pages: self._saved(path, len(labels), pages))
        self.task.signals.failed.connect(self._save_failed)
        self.task.start()

    def _saved(self, path: str, count: int, pages: int) -> None:
        self.pdf_button.setEnabled(True)
        self.message.setText(self.tr("Wrote {path}: {labels} on {pages}.").format(
            path=path, labels=self.tr("%n label(s)", "", count), pages=self.tr("%n page(s)", "", pages)))
        self.printed.emit(count)

    @Slot(object)
    def _save_failed(self, exc: Exception, _details: str = "") -> None:
        self.pdf_button.setEnabled(True)
        self.message.setText(self.tr("Could not write the PDF: {error}").format(error=refusal_text(exc)))

    @Slot()
    def preview_handover(self) -> None:
        if self.allocation:
            bilingual = self.bilingual is not None and self.bilingual.isChecked()
            handover_preview(self, self.db, self.allocation, bilingual).exec()
