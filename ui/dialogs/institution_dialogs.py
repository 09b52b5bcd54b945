"""Add or edit a borrowing institution, or one of its principal investigators. A name like one already
listed is said as you type and must be confirmed before it is saved (it would split one borrower's loans)."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from curator.countries import country_choices
from curator.institutions import (
    InstitutionRow,
    InvestigatorRow,
    add_institution,
    add_investigator,
    edit_institution,
    edit_investigator,
    similar_institutions,
)
from ui.desk import Desk
from ui.dialogs.base import RecordDialog
from ui.operation import Write
from ui.widgets.document_language import desk_document_language


class InstitutionDialog(RecordDialog):
    """A new institution (``existing`` None) or changes to one."""

    def __init__(self, desk: Desk, existing: InstitutionRow | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("New institution") if existing is None else \
            self.tr("Edit {name}").format(name=existing.name)
        super().__init__(desk, title, parent)
        self.existing = existing
        self.force = False  # the person confirmed a name like one already listed
        self.similar: list[str] = []
        self.name = QLineEdit(existing.name if existing else "", self)
        self.country = QComboBox(self)
        self.country.addItem(self.tr("(choose)"), "")
        collator = QCollator(QLocale())  # 中文 by pinyin on a Chinese desk
        for code, name in sorted(country_choices(desk_document_language()), key=lambda c: collator.sortKey(c[1])):
            self.country.addItem(f"{name} ({code})", code)
        if existing is not None:
            self.country.setCurrentIndex(self.country.findData(existing.country))
        self.city = QLineEdit(existing.city if existing else "", self)
        self.contact = QLineEdit(existing.contact if existing else "", self)
        self.contact.setPlaceholderText(self.tr("e-mail or address of the sample office"))
        for text, widget in ((self.tr("Name:"), self.name), (self.tr("Country:"), self.country),
                             (self.tr("City:"), self.city), (self.tr("Contact:"), self.contact)):
            self.form.addRow(text, widget)
        self.name.textChanged.connect(self._name_changed)
        for signal in (self.country.currentIndexChanged, self.city.textChanged, self.contact.textChanged):
            signal.connect(self.revalidate)
        self._name_changed()

    def _name_changed(self) -> None:
        name = self.name.text().strip()
        self.similar = similar_institutions(self.desk.db, name, self.existing.name if self.existing else None) \
            if name else []
        self.force = False
        self.revalidate()

    def _values(self) -> dict[str, str]:
        return {"name": " ".join(self.name.text().split()), "country": str(self.country.currentData()),
                "city": self.city.text().strip(), "contact": self.contact.text().strip()}

    def _changed(self) -> dict[str, str]:
        values = self._values()
        if self.existing is None:
            return values
        return {key: value for key, value in values.items() if getattr(self.existing, key) != value}

    def problem(self) -> str:
        values = self._values()
        if not values["name"]:
            return self.tr("give the institution's name")
        if not values["country"]:
            return self.tr("choose the country")
        if not self._changed():
            return self.tr("nothing changed")
        return ""

    def hint(self) -> str:
        if not self.similar:
            return ""
        return self.tr("Looks like {names}, already listed: the same borrower? You will be asked to confirm.").format(
            names=", ".join(self.similar))

    def accept(self) -> None:
        if self.similar and not self.force and not self.problem() and not self.writing:
            answer = QMessageBox.question(
                self, self.tr("A borrower like this one is listed"),
                self.tr("{name} looks like {names}. Two names for one borrower split its loans and totals.\n\n"
                        "Save {name} as another institution?").format(name=self._values()["name"],
                                                                     names=", ".join(self.similar)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.force = True
        super().accept()

    def write(self) -> Write:
        db, operator, force, values = self.desk.db, self.desk.operator.name, self.force, self._values()
        if self.existing is None:
            text = self.tr("institution {name} added").format(name=values["name"])
            return Write(lambda: add_institution(db, operator, values["name"], values["country"], values["city"],
                                                 values["contact"], force=force), lambda _result: text)
        old, changed = self.existing.name, self._changed()
        text = self.tr("institution {name} saved").format(name=values["name"])
        return Write(lambda: edit_institution(db, operator, old, new_name=changed.get("name"),
                                              country=changed.get("country"), city=changed.get("city"),
                                              contact=changed.get("contact"), force=force),
                     lambda _result: text)


class InvestigatorDialog(RecordDialog):
    """A new principal investigator at ``institution`` (``existing`` None) or changes to one."""

    def __init__(self, desk: Desk, institution: str, existing: InvestigatorRow | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("New principal investigator at {institution}") if existing is None else \
            self.tr("Edit {name} at {institution}")
        super().__init__(desk, title.format(institution=institution, name=existing.name if existing else ""), parent)
        self.institution, self.existing = institution, existing
        self.name = QLineEdit(existing.name if existing else "", self)
        self.email = QLineEdit(existing.email if existing else "", self)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("E-mail:"), self.email)
        self.name.textChanged.connect(self.revalidate)
        self.email.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        name, email = " ".join(self.name.text().split()), self.email.text().strip()
        if not name:
            return self.tr("give the investigator's name")
        if self.existing is not None and (name, email) == (self.existing.name, self.existing.email):
            return self.tr("nothing changed")
        return ""

    def write(self) -> Write:
        db, operator, institution = self.desk.db, self.desk.operator.name, self.institution
        name, email = " ".join(self.name.text().split()), self.email.text().strip()
        text = self.tr("{name} saved at {institution}").format(name=name, institution=institution)
        if self.existing is None:
            return Write(lambda: add_investigator(db, operator, institution, name, email), lambda _result: text)
        old = self.existing
        return Write(lambda: edit_investigator(db, operator, institution, old.name,
                                               new_name=name if name != old.name else None,
                                               email=email if email != old.email else None),
                     lambda _result: text)
