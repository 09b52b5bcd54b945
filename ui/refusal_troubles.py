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
    Refusal.BALANCE_UNSTABLE: QT_TRANSLATE_NOOP(
        "Refusal", "the balance gave no stable value within {seconds} s (last {last}, moving): shield it from draught "
                   "and vibration, then read again"),
    Refusal.BALANCE_CANCELLED: QT_TRANSLATE_NOOP("Refusal", "reading the balance was cancelled"),
    Refusal.BALANCE_NEGATIVE: QT_TRANSLATE_NOOP(
        "Refusal", "the balance reads {value}, below zero: take the sample off, zero the empty balance (or tare the "
                   "empty container), then weigh again"),
    Refusal.BALANCE_LOST: QT_TRANSLATE_NOOP("Refusal", "lost the balance at {where}: {detail}"),
    Refusal.BALANCE_SILENT: QT_TRANSLATE_NOOP(
        "Refusal", "the balance at {where} did not answer within {seconds} s: is it on, connected, and set to this "
                   "protocol, baud rate and framing?"),
    Refusal.BALANCE_CANNOT_OPEN: QT_TRANSLATE_NOOP("Refusal", "cannot open the balance at {where}: {detail}"),
    Refusal.BALANCE_SYNTAX_ERROR: QT_TRANSLATE_NOOP(
        "Refusal", "the balance did not understand the command (ES, syntax error): is it set to MT-SICS?"),
    Refusal.BALANCE_GARBLED: QT_TRANSLATE_NOOP(
        "Refusal", "the balance received a garbled command (ET, transmission error): check the baud rate and framing"),
    Refusal.BALANCE_CANNOT_NOW: QT_TRANSLATE_NOOP("Refusal", "the balance cannot do that now (EL, logical error)"),
    Refusal.BALANCE_EMPTY_LINE: QT_TRANSLATE_NOOP("Refusal", "the balance sent an empty line"),
    Refusal.BALANCE_WRONG_REPLY: QT_TRANSLATE_NOOP(
        "Refusal", "the balance sent {line} where a {header} reply was due: is it set to MT-SICS?"),
    Refusal.BALANCE_OVERLOAD: QT_TRANSLATE_NOOP(
        "Refusal", "the balance is overloaded ({line}): take the load off the pan"),
    Refusal.BALANCE_UNDERLOAD: QT_TRANSLATE_NOOP(
        "Refusal", "the balance reads below its range ({line}, underload): is the pan in place? Zero it empty"),
    Refusal.BALANCE_BUSY: QT_TRANSLATE_NOOP("Refusal", "the balance is busy and cannot answer now ({line}): try again"),
    Refusal.BALANCE_ERROR: QT_TRANSLATE_NOOP("Refusal", "the balance reports error {error} ({line}): see its manual"),
    Refusal.BALANCE_UNREADABLE: QT_TRANSLATE_NOOP(
        "Refusal", "the balance sent {line}, which holds no value Curator can read"),
    Refusal.BALANCE_UNIT: QT_TRANSLATE_NOOP(
        "Refusal", "the balance shows {unit}, not a mass in g or mg: set its unit to g (reply {line})"),
    Refusal.BALANCE_TOO_FINE: QT_TRANSLATE_NOOP(
        "Refusal", "the balance reads {value}, finer than one microgram, which Curator cannot store exactly: set it "
                   "to a resolution of 1 µg or coarser"),
    Refusal.PRINTER_TIMEOUT: QT_TRANSLATE_NOOP(
        "Refusal", "the label printer at {where} did not take the job within {seconds} s; nothing was printed"),
    Refusal.PRINTER_REFUSED: QT_TRANSLATE_NOOP(
        "Refusal", "the label printer at {where} refused the connection (is it on, and is this its address?); nothing "
                   "was printed"),
    Refusal.PRINTER_UNREACHABLE: QT_TRANSLATE_NOOP(
        "Refusal", "cannot reach the label printer at {where}: {detail}; nothing was printed"),
    Refusal.URI_SCHEME: QT_TRANSLATE_NOOP("Refusal", "{uri} is not an instrument address (schemes: {schemes})"),
    Refusal.URI_MALFORMED: QT_TRANSLATE_NOOP("Refusal", "{uri}: {detail}"),
    Refusal.URI_SETTING_VALUE: QT_TRANSLATE_NOOP("Refusal", "{uri}: {setting} is not one of {known}"),
    Refusal.URI_UNKNOWN_SETTING: QT_TRANSLATE_NOOP("Refusal", "{uri}: unknown setting {setting} (known: {known})"),
    Refusal.URI_TCP_BALANCE: QT_TRANSLATE_NOOP("Refusal", "{uri}: a TCP balance is {form}"),
    Refusal.URI_SERIAL_PORT: QT_TRANSLATE_NOOP(
        "Refusal", "{uri}: name the serial port, e.g. {form} (a balance on the network is {tcp})"),
    Refusal.URI_PRINTER: QT_TRANSLATE_NOOP(
        "Refusal", "{uri}: a network printer is {scheme}://HOST:9100, a local one {scheme}:///dev/usb/lp0"),
}
