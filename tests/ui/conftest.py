"""Fixtures for the desk's tests: a signed-in desk on a copy of the demo database, the main window
with its settings in a temporary file, and patched modal boxes so nothing waits for a person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox

from curator.directory import sign_in
from curator.storage.db import Database
from tests.factories import DEMO_PINS
from ui.desk import Desk

CURATOR, TECHNICIAN = "Chen Jing", "Li Wei"
CURATOR_PIN, TECHNICIAN_PIN = DEMO_PINS[CURATOR], DEMO_PINS[TECHNICIAN]
#: A primary sample of the demo with splits, some of them on loan.
PRIMARY = "CE5C0100YJFM00503"


@pytest.fixture
def desk(demo_db: Database, qapp) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    """The demo database with the curator Chen Jing signed in."""
    yield Desk(demo_db, sign_in(demo_db, CURATOR, CURATOR_PIN))
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def tech_desk(demo_db: Database, qapp) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    """The demo database with the technician Li Wei signed in."""
    yield Desk(demo_db, sign_in(demo_db, TECHNICIAN, TECHNICIAN_PIN))
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture(autouse=True)
def private_dialog_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dialogs made without settings remember their last folder in a temporary file, not the user's."""
    import ui.instrument_settings
    import ui.save_location

    monkeypatch.setattr(ui.save_location, "desk_settings",
                        lambda: QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(ui.instrument_settings, "instrument_settings",
                        lambda: QSettings(str(tmp_path / "instruments.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.ini"


@pytest.fixture
def window(desk: Desk, settings_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from ui import main_window
    from ui.main_window import MainWindow

    monkeypatch.setattr(main_window, "STARTUP_CHECK_DELAY_MS", 0)  # no need to wait for a first paint here
    main = MainWindow(desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    # the integrity check at start has reported once its outcome is in the status bar
    qtbot.waitUntil(lambda: "checking" not in main.integrity_label.text(), timeout=10_000)
    yield main
    main.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.warning/critical/information record their text instead of blocking."""
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    """Whether a dialog was closed (one opened by a view is deleted when it closes)."""
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def press_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Click a recording dialog's OK and wait for the database's answer (writes run off the GUI thread)."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.writing, timeout=10_000)
