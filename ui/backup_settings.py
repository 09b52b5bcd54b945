"""The desk's choice of backup folder (Tools > Backup folder…), kept in QSettings, and the hourly check
that a desk left open for days still makes its daily backup (curator.storage.backups does the copying)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from curator.storage import backups
from curator.storage.db import Database

FOLDER_KEY = "backups/folder"
HOURLY_MS = 60 * 60 * 1000


def desk_settings() -> QSettings:
    """The settings every desk window uses (the same as MainWindow's default)."""
    return QSettings("Curator", "Curator desk")


def apply_saved_folder(settings: QSettings) -> None:
    """Point automatic backups at the folder chosen earlier (call before opening the database)."""
    folder = str(settings.value(FOLDER_KEY, "") or "")
    backups.configure(folder=folder or None)


def choose_folder(parent: QWidget, settings: QSettings, db: Database) -> str | None:
    """Ask for the backup folder; remember and apply it. Returns the folder, or None if cancelled."""
    start = str(backups.backup_folder(db.path)) if db.path else ""
    title = QCoreApplication.translate("BackupSettings", "Folder for automatic backups")
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    if not folder:
        return None
    settings.setValue(FOLDER_KEY, folder)
    backups.configure(folder=folder)
    return folder


def keep_daily_backups(parent: QWidget, db: Database) -> QTimer | None:
    """An hourly timer that makes today's backup if there is none yet (SQLite desks only)."""
    if db.path is None:
        return None
    path = db.path
    timer = QTimer(parent)
    timer.setInterval(HOURLY_MS)
    timer.timeout.connect(lambda: backups.daily_backup_quietly(path))
    timer.start()
    return timer
