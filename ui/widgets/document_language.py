"""The language choice of a document the desk writes (workbook, labels): English, Chinese or both,
starting in the desk's own language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from curator.countries import country_name, reported_country_name


def desk_document_language() -> str:
    """The language a document starts in: Chinese ("zh") on a Chinese desk, else English ("en")."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def desk_country_name(code: str, reported: bool = False) -> str:
    """A country's name in the desk's language (中国 on a Chinese desk, as the charts say it): the institution's
    own country, or with ``reported`` the one figures per country count it under ("China (Macao)"). Tables
    show it; the ISO code stays the data (filters, sorting by code, exports)."""
    language = desk_document_language()
    return reported_country_name(code, language) if reported else country_name(code, language)


def document_language_box(parent: QWidget, name: str) -> QComboBox:
    """A combo box of "en", "zh" and "both" (its items' data), set to the desk's language."""
    box = QComboBox(parent)
    box.setObjectName(name)
    for value, text in (("en", QCoreApplication.translate("DocumentLanguage", "English")),
                        ("zh", QCoreApplication.translate("DocumentLanguage", "Chinese (中文)")),
                        ("both", QCoreApplication.translate("DocumentLanguage", "English and Chinese"))):
        box.addItem(text, value)
    box.setCurrentIndex(box.findData(desk_document_language()))
    return box
