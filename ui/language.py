"""The desk's language: the system's by default, or the one chosen in Tools > Language (kept in the desk's
settings, applied at the next start) or given as ``curator gui --language zh_CN`` (this start only).

Qt's own translations (qtbase_zh_CN.qm: OK, Cancel, the file dialogs) load with Curator's (curator_zh_CN.qm)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from resources import resource_path
from ui.text import forget_labels

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TRANSLATIONS_DIR = resource_path("translations")
LANGUAGE_KEY = "desk/language"
#: The choices of Tools > Language: the setting's value and its name, each language named in itself.
CHOICES = (("", QT_TRANSLATE_NOOP("Language", "System language")), ("zh_CN", "中文"), ("en", "English"))


def desk_locale(settings: QSettings, override: str | None = None) -> QLocale:
    """The locale the desk speaks: ``--language`` if given, else the saved choice, else the system's."""
    choice = override if override is not None else str(settings.value(LANGUAGE_KEY, "") or "")
    return QLocale(choice) if choice else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale | None = None,
                        folder: Path | None = None) -> list[QTranslator]:
    """Qt's own and Curator's translations for the locale (default: the system's), e.g. curator_zh_CN.qm.
    Returns the translators installed."""
    locale = locale or QLocale.system()
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in (("qtbase", qt_dir), ("curator", str(folder or TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
    forget_labels()
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    """Undo install_translators (tests do, so that the next test speaks English again)."""
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    forget_labels()


def install_language_menu(window: MainWindow) -> QActionGroup:
    """Tools > Language: system / 中文 / English, remembered in the window's settings for the next start."""
    menu = window.tools_menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(window)
    saved = str(window.settings.value(LANGUAGE_KEY, "") or "")
    for value, name in CHOICES:
        action = QAction(QCoreApplication.translate("Language", str(name)) if not value else str(name), group)
        action.setCheckable(True)
        action.setChecked(value == saved)
        action.setData(value)
        action.setProperty("verbatim", bool(value))  # each language named in itself, never translated
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(window, str(action.data())))
    return group


def _choose(window: MainWindow, value: str) -> None:
    window.settings.setValue(LANGUAGE_KEY, value)
    window.settings.sync()
    window.statusBar().showMessage(QCoreApplication.translate(
        "Language", "The desk will speak the chosen language when Curator starts next."), 15_000)
