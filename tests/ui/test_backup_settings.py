"""Tools > Backup folder…: the chosen folder is remembered, and the next start sends backups there."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from curator.storage import backups
from ui.backup_settings import FOLDER_KEY, apply_saved_folder

pytestmark = pytest.mark.sqlite_file  # automatic backups are copies of a desk's SQLite file


@pytest.fixture(autouse=True)
def default_backup_folder():  # type: ignore[no-untyped-def]
    yield
    backups.configure()  # leave the process-wide choice as other tests expect it


def test_the_chosen_folder_is_used_and_remembered(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    chosen = tmp_path / "vault"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(chosen))
    window.choose_backup_folder()
    assert window.settings.value(FOLDER_KEY) == str(chosen)
    assert "vault" in window.statusBar().currentMessage()
    source = Path(window.desk.db.path)
    assert backups.backup_folder(source) == chosen
    copy = backups.daily_backup(source)
    assert copy is not None and copy.parent == chosen

    backups.configure()  # a new start of the desk reads the choice back
    apply_saved_folder(window.settings)
    assert backups.backup_folder(source) == chosen


def test_cancelling_changes_nothing(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: "")
    window.choose_backup_folder()
    assert window.settings.value(FOLDER_KEY) is None


def test_a_fresh_desk_uses_the_default_folder(tmp_path: Path) -> None:
    apply_saved_folder(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    assert backups.backup_folder(tmp_path / "desk.db") == tmp_path / "desk-backups"
