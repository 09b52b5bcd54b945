"""The sentences of refusals that come from outside the domain's rules (the database, files, instruments),
marked for lupdate in context "Refusal"; ui/refusals.py says them. {detail} is the driver's or system's own
words, kept as they are."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from curator.errors import Refusal

TROUBLE_SENTENCES: dict[Refusal, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Refusal.DB_BUSY: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the database is busy: another desk kept it locked too long; try again ({detail})"),
    Refusal.DB_DISK_FULL: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the disk is full: nothing was saved; free some space and try again ({detail})"),
    Refusal.DB_READ_ONLY: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the database file is read-only: nothing can be saved (check the file's permissions)"),
    Refusal.DB_DAMAGED: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the database file is damaged: restore it from a backup ({detail})"),
    Refusal.DB_CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the database file cannot be opened (check that it exists and may be read)"),
    Refusal.DB_DISK_IO: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the disk could not be read or written: nothing was saved ({detail})"),
    Refusal.DB_FAILED: QT_TRANSLATE_NOOP("Refusal", "{where}: database error: {detail}"),
    Refusal.DB_BAD_URL: QT_TRANSLATE_NOOP("Refusal", "cannot use database URL {url}: {detail}"),
    Refusal.DB_GONE: QT_TRANSLATE_NOOP(
        "Refusal", "the database file {path} is gone (deleted or moved): nothing can be saved or read until it is "
                   "back"),
    Refusal.DB_UNREACHABLE: QT_TRANSLATE_NOOP("Refusal", "the database file {path} cannot be reached ({detail})"),
    Refusal.DB_REPLACED: QT_TRANSLATE_NOOP(
        "Refusal", "the database file {path} was replaced by another file while it was open: nothing can be saved; "
                   "restart the desk to open the new file"),
    Refusal.DB_UNREADABLE: QT_TRANSLATE_NOOP(
        "Refusal", "the database file {path} cannot be read (check the file's permissions)"),
    Refusal.DB_FILE_READ_ONLY: QT_TRANSLATE_NOOP(
        "Refusal", "the database file {path} is read-only: nothing can be saved (check the file's permissions)"),
    Refusal.DB_MISSING: QT_TRANSLATE_NOOP("Refusal", "no database at {path}"),
    Refusal.DB_FOLDER: QT_TRANSLATE_NOOP("Refusal", "{path} is a folder, not a database file"),
    Refusal.DB_CANNOT_CREATE: QT_TRANSLATE_NOOP("Refusal", "cannot create the database file {path}: {detail}"),
    Refusal.DB_NOT_CURATOR: QT_TRANSLATE_NOOP("Refusal", "{name} is not a Curator database; it was left untouched"),
    Refusal.DB_NEWER: QT_TRANSLATE_NOOP(
        "Refusal", "{name} was written by a newer version of Curator (schema {revision}); update Curator to open "
                   "it. The file was left untouched."),
    Refusal.WRITE_ABANDONED: QT_TRANSLATE_NOOP("Refusal", "you stopped waiting for the database: nothing was recorded"),
    Refusal.RECORD_CHANGED: QT_TRANSLATE_NOOP(
        "Refusal", "the record was changed by someone else in the meantime: reload it"),
    Refusal.CONNECTION_LOST: QT_TRANSLATE_NOOP(
        "Refusal", "lost the connection to {where}, or cannot reach it ({detail}): nothing half-done was saved; try "
                   "again (Curator reconnects by itself)"),
    Refusal.CONNECTION_LOST_SAVING: QT_TRANSLATE_NOOP(
        "Refusal", "the connection to {where} was lost while saving ({detail}): the change may or may not have been "
                   "saved; look before doing it again"),
    Refusal.NOTIFICATIONS_LOST: QT_TRANSLATE_NOOP("Refusal", "lost the server's notifications ({detail})"),
}
