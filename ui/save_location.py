"""Where the desk's save dialogs start and what they suggest: the folder last used (remembered in the
desk's settings), else the user's Documents folder, never the working folder; and a file name that says
what the file holds (``handover-CE5-2025-001.pdf``, ``allocations-2026-11-27.xlsx``), never ``print.pdf``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.backup_settings import desk_settings

LAST_FOLDER_KEY = "files/last_folder"
#: Characters a file name cannot hold on one of the desks' systems.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def start_folder(settings: QSettings) -> Path:
    """The folder a save dialog opens in: the last one used while it still exists, else Documents."""
    last = str(settings.value(LAST_FOLDER_KEY, "") or "")
    return Path(last) if last and Path(last).is_dir() else documents_folder()


def file_name(what: str, suffix: str, reference: str | None = None, today: date | None = None) -> str:
    """``what-REFERENCE.suffix`` for one allocation, else ``what-YYYY-MM-DD.suffix`` (today's date)."""
    tail = _NOT_IN_NAMES.sub("-", reference.strip()) if reference else (today or date.today()).isoformat()
    return f"{what}-{tail}.{suffix}"


def suggested_path(settings: QSettings, name: str) -> str:
    return str(start_folder(settings) / name)


def remember_folder(settings: QSettings, path: str) -> None:
    settings.setValue(LAST_FOLDER_KEY, str(Path(path).resolve().parent))


def settings_or_desk(settings: QSettings | None) -> QSettings:
    """The settings given (tests give a file of their own), else the desk's."""
    return settings if settings is not None else desk_settings()


def ask_save_path(parent: QWidget | None, title: str, start: str, file_filter: str,
                  settings: QSettings | None = None) -> str:
    """The save dialog at ``start`` (a bare file name starts in ``start_folder``); remembers the folder
    chosen. Returns "" if cancelled."""
    settings = settings_or_desk(settings)
    if Path(start).name == start:
        start = suggested_path(settings, start)
    path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    if path:
        remember_folder(settings, path)
    return path
