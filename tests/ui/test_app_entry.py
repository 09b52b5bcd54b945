"""`python main.py` / `curator gui` start the desk: open the database, sign in, show the window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import ui.errors
import ui.main_window
from ui import app


@pytest.fixture
def quiet_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """No blocking event loop, the log in a temporary folder, settings in a temporary file."""
    shown: list[object] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(ui.errors, "log_path", lambda: tmp_path / "desk.log")
    monkeypatch.setattr(QApplication, "exec", lambda self: shown.append(QApplication.activeWindow()) or 0)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return shown


def test_the_desk_opens_after_sign_in(demo_path: Path, quiet_start: list[object], monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from curator.directory import sign_in
    from tests.factories import DEMO_PINS

    def signed(_parent, desk):  # type: ignore[no-untyped-def]
        desk.set_operator(sign_in(desk.db, "Li Wei", DEMO_PINS["Li Wei"]))
        return True

    monkeypatch.setattr(ui.main_window, "sign_in_window", signed)
    assert app.run(str(demo_path)) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, ui.main_window.MainWindow) and w.isVisible()]
    assert windows and "Li Wei" in windows[-1].operator_label.text()
    assert sys.excepthook is ui.errors.handle_exception
    for window in windows:
        window.close()


def test_cancelling_sign_in_leaves_quietly(demo_path: Path, quiet_start: list[object], monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ui.main_window, "sign_in_window", lambda _parent, _desk: False)
    assert app.run(str(demo_path)) == 0
    assert quiet_start == []


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    assert app.run(str(bogus)) == 2
    assert "not a Curator database" in capsys.readouterr().err


def test_a_missing_database_is_not_created_by_the_desk(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.db"
    assert app.run(str(missing)) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_language_option_opens_the_chinese_desk(demo_path: Path, quiet_start: list[object], tmp_path: Path,
                                                monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    """`curator gui --language zh_CN`: Qt's and Curator's Chinese translations, the window in Chinese."""
    import build_translations
    import ui.language
    from curator.directory import sign_in
    from tests.factories import DEMO_PINS
    from ui.language import remove_translators

    monkeypatch.setattr(ui.language, "TRANSLATIONS_DIR", build_translations.compile_all(out=tmp_path)[0].parent)
    installed: list[QTranslator] = []
    monkeypatch.setattr(app, "install_translators", lambda *args: installed.extend(
        ui.language.install_translators(*args)) or installed)

    def signed(_parent, desk):  # type: ignore[no-untyped-def]
        desk.set_operator(sign_in(desk.db, "Li Wei", DEMO_PINS["Li Wei"]))
        return True

    monkeypatch.setattr(ui.main_window, "sign_in_window", signed)
    try:
        assert app.run(str(demo_path), language="zh_CN") == 0
        assert QLocale().name() == "zh_CN"
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ui.main_window.MainWindow) and w.isVisible())
        assert window.windowTitle().startswith("Curator — 月球样品工作台")
        assert "技术员" in window.operator_label.text()
        window.close()
    finally:
        remove_translators(installed)
        QLocale.setDefault(QLocale.system())
