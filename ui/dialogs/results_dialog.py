"""A loan's results: the publications and data sets recorded (by DOI), one more added, and the word
that its results are all in (a loan whose material is back or used up then closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QWidget

from curator.errors import ValidationError
from curator.loan_results import loan_closed, loan_results, normalise_doi, record_result
from curator.loans import allocation_rows
from curator.vocabulary import ResultKind
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.text import label


class ResultsDialog(RecordDialog):
    def __init__(self, desk: Desk, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Results of {reference}").format(reference=reference), parent)
        self.reference = reference
        self.doi = QLineEdit(self)
        self.doi.setObjectName("resultDoi")
        self.doi.setPlaceholderText(self.tr("e.g. 10.1038/s41586-021-04100-2"))
        self.kind = QComboBox(self)
        for kind in ResultKind:
            self.kind.addItem(label(kind), str(kind))
        self.title = QLineEdit(self)
        self.complete = QCheckBox(self.tr("The results of this loan are all in"), self)
        self.recorded = QListWidget(self)
        self.recorded.setMaximumHeight(110)
        self.form.addRow(self.tr("DOI:"), self.doi)
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("Title:"), self.title)
        self.form.addRow(self.complete)
        self.form.addRow(self.tr("Recorded:"), self.recorded)
        known = loan_results(desk.db, reference)
        status = allocation_rows(desk.db, reference=reference)[0].status
        self.state = QLabel(self.tr("This loan is closed: its material is back or used up and its results are in.")
                            if loan_closed(status, known) else
                            self.tr("This loan stays open until its material is back or used up and its results "
                                    "are in."), self)
        self.state.setObjectName("loanState")
        self.state.setWordWrap(True)
        self.form.addRow(self.state)
        for result in known.results:
            self.recorded.addItem(f"{label(result.kind)}: {result.doi}  {result.title}".rstrip())
        if known.complete:
            self.complete.setChecked(True)
            self.complete.setEnabled(False)
        self.doi.textChanged.connect(self.revalidate)
        self.complete.toggled.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        if self.doi.text().strip():
            try:
                normalise_doi(self.doi.text())
            except ValidationError:
                return self.tr("not a DOI: write it as 10.NNNN/suffix")
            return ""
        if self.complete.isChecked() and self.complete.isEnabled():
            return ""
        return self.tr("give a DOI, or tick that the results are all in")

    def write(self) -> Write:
        db, operator, reference = self.desk.db, self.desk.operator.name, self.reference
        doi = self.doi.text().strip() or None
        kind, title = str(self.kind.currentData()), self.title.text()
        complete = self.complete.isChecked() and self.complete.isEnabled()
        text = self.tr("result recorded for {reference}").format(reference=reference)
        return Write(lambda: record_result(db, operator, reference, doi, kind, title, complete), lambda _result: text)
