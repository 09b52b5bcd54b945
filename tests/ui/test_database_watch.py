"""A desk that knows its database is gone: the file deleted or made read-only under a running desk is
said in one line in the status bar and in the dialog that tried to write; no empty file is created, and
the integrity state never says "verified" for a file the desk cannot read."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.curator.safety_support import as_a_user
from tests.ui.conftest import PRIMARY, press_ok

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_file  # a file that goes away; a server database has none


def _note_dialog(qtbot, window, text: str):  # type: ignore[no-untyped-def]
    """The Record > note dialog on the primary sample, filled in and ready for OK."""
    window.show_sample(PRIMARY)
    qtbot.mouseClick(window.sample.buttons["inspect"], Qt.MouseButton.LeftButton)
    dialog = window.sample.dialog
    dialog.kind.setCurrentIndex(dialog.KINDS.index("note"))
    qtbot.keyClicks(dialog.note, text)
    assert dialog.ok_button.isEnabled()
    return dialog


def test_a_deleted_database_is_said_and_never_recreated(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = window.desk.db.path
    assert "verified" in window.integrity_label.text()
    dialog = _note_dialog(qtbot, window, "written after the file went")
    path.unlink()
    # the periodic check notices on its own, within a few seconds
    qtbot.waitUntil(lambda: "gone" in window.db_label.text(), timeout=8000)
    assert "verified" not in window.integrity_label.text()
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "gone (deleted or moved)" in dialog.message.text()
    assert len(window.db_label.text().splitlines()) == 1
    window.check_integrity(True)  # Tools > Verify integrity on a file that is not there
    window.desk.check_database()
    assert "verified" not in window.integrity_label.text()
    assert "not known" in window.integrity_label.text()
    assert not path.exists(), "an empty database file was created"


def test_the_database_coming_back_is_checked_again(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = window.desk.db.path
    aside = tmp_path / "aside.db"
    path.rename(aside)
    window.desk.check_database()
    assert "gone" in window.db_label.text() and "verified" not in window.integrity_label.text()
    aside.rename(path)
    window.desk.check_database()
    assert "gone" not in window.db_label.text()
    qtbot.waitUntil(lambda: "verified" in window.integrity_label.text(), timeout=10_000)


DESK_ON_A_FILE_MADE_READ_ONLY = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from curator.storage.db import open_database
    from curator.directory import sign_in
    from ui.desk import Desk
    from ui.main_window import MainWindow

    app = QApplication([])
    path, settings = sys.argv[1], sys.argv[2]
    db = open_database(path, create=False, auto_backup=False)
    desk = Desk(db, sign_in(db, "Chen Jing", "246813"))
    window = MainWindow(desk, QSettings(settings, QSettings.Format.IniFormat))
    window.show_sample(sys.argv[3])
    window.sample.buttons["inspect"].click()
    dialog = window.sample.dialog
    dialog.kind.setCurrentIndex(dialog.KINDS.index("note"))
    dialog.note.setPlainText("written to a read-only file")
    os.chmod(path, 0o444)
    desk.check_database()  # what the window's timer does every few seconds
    print("status:", window.db_label.text())
    dialog.ok_button.click()
    if dialog.writing:  # the write runs off the GUI thread: wait for its answer
        from PySide6.QtCore import QEventLoop
        loop = QEventLoop()
        dialog.operation.finished.connect(loop.quit)
        loop.exec()
    print("dialog:", dialog.message.text(), "| open:", dialog.isVisible())
    window.close()
""")


def test_a_database_made_read_only_is_said_at_once(sqlite_demo_path: Path, tmp_path: Path) -> None:
    events_before = _count_events(sqlite_demo_path)
    child = subprocess.run(
        [sys.executable, "-c", DESK_ON_A_FILE_MADE_READ_ONLY, str(sqlite_demo_path), str(tmp_path / "desk.ini"),
         PRIMARY], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
             "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}, **as_a_user())
    assert child.returncode == 0, child.stderr
    status = next(line for line in child.stdout.splitlines() if line.startswith("status:"))
    dialog = next(line for line in child.stdout.splitlines() if line.startswith("dialog:"))
    assert "read-only" in status
    assert "read-only" in dialog and "open: True" in dialog
    sqlite_demo_path.chmod(0o644)
    assert _count_events(sqlite_demo_path) == events_before


def _count_events(path: Path) -> int:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
