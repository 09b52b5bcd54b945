"""The sentences of the catalogue import's refusals (its bad rows and files) and of files that cannot be read,
marked for lupdate in context "Refusal"; ui/refusals.py says them (a bad row with its row number)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from curator.errors import Refusal

FILE_SENTENCES: dict[Refusal, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Refusal.UNKNOWN_MISSION: QT_TRANSLATE_NOOP("Refusal", "unknown mission {mission}"),
    Refusal.MISSION_COLUMN: QT_TRANSLATE_NOOP("Refusal", "all missions at once needs a Mission column in the file"),
    Refusal.NO_MISSION_GIVEN: QT_TRANSLATE_NOOP("Refusal", "no mission given (empty Mission cell)"),
    Refusal.MISSING_ID: QT_TRANSLATE_NOOP("Refusal", "missing ID (sample number)"),
    Refusal.ID_TOO_LONG: QT_TRANSLATE_NOOP("Refusal", "ID {start}... is longer than {most} characters"),
    Refusal.DUPLICATE_ID: QT_TRANSLATE_NOOP("Refusal", "duplicate ID {number} (also on row {first})"),
    Refusal.SAMPLE_EXISTS: QT_TRANSLATE_NOOP("Refusal", "sample {number} already exists"),
    Refusal.ID_TAKEN: QT_TRANSLATE_NOOP(
        "Refusal", "ID {number} is already used by a sample, container or location in the database"),
    Refusal.UNKNOWN_KIND: QT_TRANSLATE_NOOP("Refusal", "unknown kind {value}"),
    Refusal.MISSING_KIND: QT_TRANSLATE_NOOP("Refusal", "missing kind (type)"),
    Refusal.MISSING_MASS: QT_TRANSLATE_NOOP("Refusal", "missing mass"),
    Refusal.MASS_NO_UNIT: QT_TRANSLATE_NOOP(
        "Refusal", "mass {raw} has no unit: name it in the header, e.g. Weight (g), or the cell"),
    Refusal.MASS_OVER_MISSION: QT_TRANSLATE_NOOP("Refusal", "mass {mass} is more than {mission} returned ({returned})"),
    Refusal.UNKNOWN_SAMPLING: QT_TRANSLATE_NOOP("Refusal", "unknown sampling {value} (scooped or drilled)"),
    Refusal.UNKNOWN_PARENT: QT_TRANSLATE_NOOP(
        "Refusal", "unknown parent {parent}: not in the file nor in the database"),
    Refusal.PARENT_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Refusal", "parent {parent} is {status}: a split cannot take mass from it now"),
    Refusal.KIND_DIFFERS: QT_TRANSLATE_NOOP(
        "Refusal", "kind {kind} differs from the kind {parent_kind} of its parent {parent} (a split keeps its "
                   "parent's kind)"),
    Refusal.CHILDREN_TOO_HEAVY: QT_TRANSLATE_NOOP(
        "Refusal", "children of {parent} in the file take {total} by this row, more than {parent} holds ({holds})"),
    Refusal.MISSION_TOTAL: QT_TRANSLATE_NOOP(
        "Refusal", "{mission} returned {returned}; primary samples would hold {total} by this row"),
    Refusal.CHANGED_MEANWHILE: QT_TRANSLATE_NOOP(
        "Refusal", "{number} changed meanwhile (now {mass}, {status}): nothing imported"),
    Refusal.PARENT_LOOP: QT_TRANSLATE_NOOP("Refusal", "row {row}: the parents of {number} form a loop"),
    Refusal.BAD_ROWS: QT_TRANSLATE_NOOP("Refusal", "{count} bad row(s) in {source}: nothing imported"),
    Refusal.ADDED_MEANWHILE: QT_TRANSLATE_NOOP("Refusal", "sample {number} was added meanwhile: nothing imported"),
    Refusal.IMPORT_CANCELLED: QT_TRANSLATE_NOOP("Refusal", "import cancelled: nothing was imported"),
    Refusal.NO_FILE: QT_TRANSLATE_NOOP("Refusal", "no file {path}"),
    Refusal.FILE_EMPTY: QT_TRANSLATE_NOOP("Refusal", "{name} is empty"),
    Refusal.NOT_A_CATALOGUE: QT_TRANSLATE_NOOP("Refusal", "{name}: a catalogue must be an .xlsx or a .csv file"),
    Refusal.NO_HEADER_ROW: QT_TRANSLATE_NOOP(
        "Refusal", "{name}: no header row with columns for {columns} in its first {rows} rows"),
    Refusal.MISSING_COLUMNS: QT_TRANSLATE_NOOP(
        "Refusal", "{name}: no column for {missing} (headers on row {row}: {headers})"),
    Refusal.CSV_ROW: QT_TRANSLATE_NOOP("Refusal", "{name}: row {row} cannot be read as CSV: {detail}"),
    Refusal.NOT_XLSX: QT_TRANSLATE_NOOP("Refusal", "{name} cannot be read as an .xlsx workbook: {detail}"),
    Refusal.XLSX_TOO_BIG: QT_TRANSLATE_NOOP(
        "Refusal", "{name} would unpack to {unpacked} bytes from {size}: refused unread (a workbook may unpack to "
                   "at most {ratio} times its size and {mb} MB)"),
    Refusal.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "Refusal", "unknown encoding {value} (e.g. utf-8, utf-16, gb18030, gbk, cp1252)"),
    Refusal.TEXT_UNKNOWN: QT_TRANSLATE_NOOP(
        "Refusal", "{name}: the byte at offset {offset} cannot be read: the file is not UTF-8, UTF-16 or GB18030 "
                   "text; choose its encoding"),
    Refusal.TEXT_INVALID: QT_TRANSLATE_NOOP("Refusal", "{name}: the byte at offset {offset} is not valid {codec} text"),
    Refusal.TEXT_HAS_NUL: QT_TRANSLATE_NOOP(
        "Refusal", "{name}: the byte at offset {offset} is not text (UTF-16 without a byte order mark?)"),
    Refusal.IDENTIFIER_EMPTY: QT_TRANSLATE_NOOP("Refusal", "{what} is empty"),
    Refusal.HIDDEN_CHARACTER: QT_TRANSLATE_NOOP(
        "Refusal", "{what} {value} contains an invisible or control character: retype it"),
    Refusal.LOOKALIKE_LETTER: QT_TRANSLATE_NOOP(
        "Refusal", "{what} {value} contains {letter}, which looks like a Latin letter: type it with Latin letters"),
    Refusal.MIXED_SCRIPTS: QT_TRANSLATE_NOOP(
        "Refusal", "location name {value} mixes Latin letters with {letter}: type it in one script"),
    Refusal.CODE_USED: QT_TRANSLATE_NOOP(
        "Refusal", "{what} {value} is already used by {holder_kind} {holder}: sample numbers, barcodes and location "
                   "paths must all differ"),
    Refusal.OPERATOR_LOOKALIKE: QT_TRANSLATE_NOOP(
        "Refusal", "operator name {value} looks the same as the existing operator {existing} (they differ only by "
                   "lookalike or invisible characters)"),
    Refusal.OUTPUT_INCOMPLETE: QT_TRANSLATE_NOOP(
        "Refusal", "cannot write {path}: it came out incomplete (is the disk full?); nothing was written"),
    Refusal.OUTPUT_ON_DATABASE: QT_TRANSLATE_NOOP(
        "Refusal", "{path} belongs to a database: an output never replaces it"),
    Refusal.OUTPUT_FOLDER: QT_TRANSLATE_NOOP("Refusal", "{path} is a folder: choose a file name"),
    Refusal.OUTPUT_EXISTS: QT_TRANSLATE_NOOP("Refusal", "{path} already exists: choose another name"),
    Refusal.OUTPUT_DISK_FULL: QT_TRANSLATE_NOOP(
        "Refusal", "cannot write {path}: the disk is full; nothing was written"),
    Refusal.OUTPUT_FAILED: QT_TRANSLATE_NOOP("Refusal", "cannot write {path}: {detail}; nothing was written"),
    Refusal.EXPORT_CANCELLED: QT_TRANSLATE_NOOP("Refusal", "export cancelled; no file was written"),
    Refusal.VERIFY_CANCELLED: QT_TRANSLATE_NOOP("Refusal", "verification cancelled before the end of the chain"),
    Refusal.BARCODE_EMPTY: QT_TRANSLATE_NOOP("Refusal", "a Code 128 barcode needs some text"),
    Refusal.BARCODE_CHARACTER: QT_TRANSLATE_NOOP("Refusal", "Code 128 (set B) cannot carry {character}"),
    Refusal.NO_LABEL_IDS: QT_TRANSLATE_NOOP(
        "Refusal", "name at least one sample number or container barcode (no empty ones)"),
    Refusal.TEMPLATE_MALFORMED: QT_TRANSLATE_NOOP("Refusal", "label template {name} is malformed: {detail}"),
    Refusal.NOT_A_STATEMENT: QT_TRANSLATE_NOOP(
        "Refusal", "{name} is not an inventory statement written by Curator, filled in"),
    Refusal.STATEMENT_CELL: QT_TRANSLATE_NOOP("Refusal", "{where}: {detail}"),
    Refusal.HELD_EMPTY: QT_TRANSLATE_NOOP(
        "Refusal", "{where}: the mass held now is empty (write 0 if nothing is left)"),
    Refusal.NOT_A_YEAR: QT_TRANSLATE_NOOP("Refusal", "{name}: the year {year} is not a year"),
    Refusal.BACKUP_FAILED: QT_TRANSLATE_NOOP("Refusal", "cannot back up to {path}: {detail}"),
    Refusal.NUL_CHARACTER: QT_TRANSLATE_NOOP("Refusal", "{what} contains a NUL character, which cannot be stored"),
}
