"""The label printers of this desk (Tools > Instruments) in the print dialog, beside the system printers:
pick one, print the labels straight to it, or send a test label. Drawing and sending run off the GUI
thread; a printer that cannot be reached is one line and nothing counts as printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from curator.outputs.labels import LabelData, LabelTemplate
from ui.instrument_settings import saved_printers
from ui.label_printers import print_labels
from ui.refusals import refusal_text
from ui.worker import Task

TEST_CODE = "CURATOR-TEST"


def test_label() -> LabelData:
    today = date.today().isoformat()
    return LabelData(TEST_CODE, {"id": TEST_CODE, "mission": "Curator", "kind": "test label", "mass": "0 mg",
                                 "container": "—", "date": today})


class LabelPrinterRow(QWidget):
    """``labels()`` gives the labels to print (None when the form has a problem, already said)."""

    printed = Signal(int)

    def __init__(self, parent: QWidget, labels: Callable[[], list[LabelData] | None],
                 template: Callable[[], LabelTemplate]) -> None:
        super().__init__(parent)
        self.labels, self.template = labels, template
        self.task: Task | None = None
        self.printer = QComboBox(self)
        self.printer.addItems(saved_printers())
        self.print_button = QPushButton(self.tr("Print on label printer"), self)
        self.test_button = QPushButton(self.tr("Test print"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.printer, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.print_button.clicked.connect(self.print_labels)
        self.test_button.clicked.connect(self.test_print)
        if not self.printer.count():
            for widget in (self.printer, self.print_button, self.test_button):
                widget.setEnabled(False)
            self.status.setText(self.tr("No label printer set up on this desk: Tools > Instruments…"))

    @Slot()
    def print_labels(self) -> None:
        labels = self.labels()
        if labels:
            self._send(labels)

    @Slot()
    def test_print(self) -> None:
        self._send([test_label()])

    def _send(self, labels: list[LabelData]) -> None:
        if self.task is not None and not self.task.finished:
            return
        uri, template, count = self.printer.currentText(), self.template(), len(labels)
        self.status.setStyleSheet("color: #555;")
        self.status.setText(self.tr("sending to {printer}…").format(printer=uri))
        self.task = Task(lambda _cancelled: print_labels(uri, template, labels))
        self.task.signals.done.connect(lambda _address: self._sent(uri, count))
        self.task.signals.failed.connect(self._failed)
        self.task.start()

    def _sent(self, uri: str, count: int) -> None:
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(self.tr("%n label(s) sent to {printer}", "", count).format(printer=uri))
        self.printed.emit(count)

    def _failed(self, exc: Exception, _details: str) -> None:
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(refusal_text(exc))
