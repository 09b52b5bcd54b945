"""The language choice of a document the desk writes (workbook, labels): English, Chinese or both,
starting in the desk's own language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QWidget


def desk_document_language() -> str:
    """The language a document starts in: Chinese ("zh") on a Chinese desk, else English ("en")."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


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
