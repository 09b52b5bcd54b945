"""`python main.py` / `curator gui` start the desk: open the database, sign in, show the window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
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


def test_translations_for_the_locale_are_installed(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from PySide6.QtCore import QCoreApplication, QLocale

    source = tmp_path / "curator_zh_CN.ts"
    source.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                      "<context><name>SampleView</name><message><source>Properties</source>"
                      "<translation>属性</translation></message></context></TS>", encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(source), "-qm", str(tmp_path / "curator_zh_CN.qm")], check=True,
                   capture_output=True)
    installed = app.install_translators(qapp, QLocale("zh_CN"), tmp_path)
    try:
        assert QCoreApplication.translate("SampleView", "Properties") == "属性"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("SampleView", "Properties") == "Properties"
