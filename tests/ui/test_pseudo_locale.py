"""The pseudo-locale check: with a translation that wraps every string of the .ts in ⟦ ⟧ and makes it 40%
longer, every view and dialog shows only wrapped text (a string without the markers escaped tr()) and
every label still fits (a translation longer than English does not get cut)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

import build_translations
from tests.ui.conftest import PRIMARY
from tests.ui.layout_checks import clipped_labels, overlaps
from tests.ui.test_layouts import OTHER_DIALOGS
from tests.ui.test_scanner_safe_dialogs import DIALOGS
from ui.desk import Desk
from ui.dialogs.borrowers_dialog import BorrowersDialog
from ui.dialogs.institution_dialogs import InstitutionDialog, InvestigatorDialog
from ui.dialogs.reminder_dialog import ReminderDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.dialogs.terms_dialog import TermsDialog
from ui.main_window import MainWindow
from ui.text import forget_labels

OPEN, CLOSE = "⟦", "⟧"
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", re.S)
#: Words of English left outside the markers: a string that escaped tr(). Data (sample numbers, names,
#: masses) shows inside the markers when it fills a placeholder, or in widgets and actions the desk marks
#: with the property "verbatim" (shown as they are: a value, a language's own name).
ENGLISH = re.compile(r"\b[a-z]{3,}\b|\b[A-Z][a-z]{3,}\b")


#: Dialogs of the loans' life besides those of test_layouts.
LOAN_DIALOGS = [
    ("borrowers", lambda desk: BorrowersDialog(desk)),
    ("new institution", lambda desk: InstitutionDialog(desk)),
    ("new investigator", lambda desk: InvestigatorDialog(desk, "Osaka University")),
    ("reminder", lambda desk: ReminderDialog(desk, "Peking University")),
    ("results", lambda desk: ResultsDialog(desk, "CE5-2021-B1-03")),
    ("terms", lambda desk: TermsDialog(desk, "CE5-INT-2025-01")),
]


def pseudo(text: str) -> str:
    """⟦text····⟧: 40% longer, placeholders, %n and the & shortcut kept."""
    return f"{OPEN}{text}{'·' * math.ceil(len(text) * 0.4)}{CLOSE}"


def pseudo_ts(out: Path) -> Path:
    tree = ET.parse(build_translations.ts_file("zh_CN"))
    for message in tree.iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        for element in forms or [translation]:
            element.text = pseudo(source)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


@pytest.fixture(scope="module")
def pseudo_locale(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("pseudo")
    qm = folder / "curator_pseudo.qm"
    build_translations.compile_ts(pseudo_ts(folder / "curator_pseudo.ts"), qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    forget_labels()
    yield
    QCoreApplication.removeTranslator(translator)
    forget_labels()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a person reads in a window: title, menus, tabs, buttons, labels, group
    boxes, placeholders and table headers."""
    texts = [("window title", root.windowTitle())]
    for bar in root.findChildren(QMenuBar):
        texts += [("menu", action.text()) for action in bar.actions()]
    for menu in root.findChildren(QMenu):
        texts += [("menu item", action.text()) for action in menu.actions()
                  if not action.isSeparator() and not action.property("verbatim")]
    for tabs in root.findChildren(QTabBar):
        if tabs.isVisible():
            texts += [("tab", tabs.tabText(index)) for index in range(tabs.count())]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.property("verbatim") or qt_standard_button(widget):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append((type(widget).__name__, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append(("group box", widget.title()))
        elif isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            texts += [("header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                      for column in range(model.columnCount())]
    return texts


def qt_standard_button(widget: QWidget) -> bool:
    """OK, Cancel, Close...: Qt's own words, translated by qtbase_zh_CN.qm."""
    box = widget.parent()
    return (isinstance(box, QDialogButtonBox) and isinstance(widget, QPushButton)
            and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton)


def unmarked(text: str) -> str:
    """What is left of a text without its translated parts (a translation may hold another one)."""
    while INNERMOST.search(text):
        text = INNERMOST.sub("", text)
    return text


def escaped(root: QWidget) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        rest = unmarked(text)
        if ENGLISH.search(rest):
            found.append(f"{where}: {text!r}")
    return found


def _problems(widget: QWidget) -> list[str]:
    QApplication.processEvents()
    return escaped(widget) + clipped_labels(widget) + overlaps(widget)


def test_every_view_shows_only_translated_text_that_fits(pseudo_locale, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_code(PRIMARY)
    window.allocations.select("CE5-INT-2025-01")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert _problems(window) == [], window.tabs.tabText(index)


@pytest.mark.parametrize(("name", "make"), [entry[:2] for entry in DIALOGS] + OTHER_DIALOGS + LOAN_DIALOGS,
                         ids=[entry[0] for entry in DIALOGS + OTHER_DIALOGS + LOAN_DIALOGS])  # type: ignore[operator]
def test_every_dialog_shows_only_translated_text_that_fits(pseudo_locale, desk: Desk, qtbot, name, make) -> None:  # type: ignore[no-untyped-def]
    dialog: QDialog = make(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _problems(dialog) == [], name
