"""Errors the domain raises. Each carries a message meant for the person at the desk."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Refusal(StrEnum):
    """Codes of the refusals the desk can meet: with its ``params`` the desk says one in its own language
    (ui/refusals.py, ui/refusal_rules.py); the message (str of the error) stays English for the command line.
    A test (tests/ui/test_refusal_codes.py) finds a refusal raised without a code."""

    STALE_MASS = "stale_mass"  # what, now, seen
    NOT_ENOUGH_MASS = "not_enough_mass"  # number, needed, holds
    OVER_APPROVED = "over_approved"  # reference, approved, total
    RETURN_IMPOSSIBLE = "return_impossible"  # number, left, returned
    UNKNOWN_SAMPLE = "unknown_sample"  # code
    UNKNOWN_CONTAINER = "unknown_container"  # code
    UNKNOWN_CODE = "unknown_code"  # code
    UNKNOWN_SCAN = "unknown_scan"  # code (no sample, container or location)
    NOTHING_SCANNED = "nothing_scanned"
    STATUS_FORBIDS = "status_forbids"  # action, number, status
    NOT_AVAILABLE = "not_available"  # number, status
    NOT_ON_LOAN = "not_on_loan"  # number, reference
    ROLE_NEEDED = "role_needed"  # role, action, name, has
    PIN_WRONG = "pin_wrong"  # name, left
    PIN_NOW_LOCKED = "pin_now_locked"  # name, count, minutes
    PIN_LOCKED = "pin_locked"  # name, count, until
    NO_PIN = "no_pin"  # name
    UNIT_SLIP = "unit_slip"  # measured, factor, expected
    OUT_OF_TOLERANCE = "out_of_tolerance"  # measured, difference, expected, tolerance
    POSITION_TAKEN = "position_taken"  # position, barcode
    NOT_A_POSITION = "not_a_position"  # path, kind
    MASS_EMPTY = "mass_empty"
    MASS_NOT_A_NUMBER = "mass_not_a_number"  # raw
    MASS_UNKNOWN_UNIT = "mass_unknown_unit"  # raw, unit, known
    MASS_NEGATIVE = "mass_negative"  # raw
    MASS_TOO_FINE = "mass_too_fine"  # raw
    MASS_TOO_LARGE = "mass_too_large"  # raw, limit
    MASS_AMBIGUOUS = "mass_ambiguous"  # raw, grouped, decimal
    UNKNOWN_CHOICE = "unknown_choice"  # value, known (a word the domain does not know)
    REASON_NEEDED = "reason_needed"
    UNKNOWN_EVENT = "unknown_event"  # event
    NOTE_EMPTY = "note_empty"
    IMAGES_NOT_HERE = "images_not_here"  # kind
    ATMOSPHERE_NEEDED = "atmosphere_needed"  # kind
    # PIN strength
    PIN_EMPTY = "pin_empty"  # digits, characters
    PIN_SPACES = "pin_spaces"
    PIN_TOO_SHORT = "pin_too_short"  # digits, characters
    PIN_TRIVIAL = "pin_trivial"
    PASSPHRASE_TOO_SHORT = "passphrase_too_short"  # digits, characters
    PASSPHRASE_TRIVIAL = "passphrase_trivial"
    # corrections
    TRUE_MASS_NEGATIVE = "true_mass_negative"  # mass
    CORRECTION_LOAN_EVENT = "correction_loan_event"  # event, kind
    CORRECTION_NO_MASS = "correction_no_mass"  # event, kind
    CORRECTION_NEGATIVE_NOW = "correction_negative_now"  # event, mass, number, left
    CORRECTION_AFTER_LOAN = "correction_after_loan"  # number, event, kind
    CORRECTION_NEGATIVE_LATER = "correction_negative_later"  # number, left, event, kind
    NOT_PRISTINE = "not_pristine"  # reference, number, condition, event
    # storage: locations, containers, positions
    UNKNOWN_LOCATION = "unknown_location"  # code
    LOCATION_NEEDS_PARENT = "location_needs_parent"  # kind
    LOCATION_RETIRED = "location_retired"  # path
    LOCATION_NESTING = "location_nesting"  # kind, parent
    NO_GRID_HERE = "no_grid_here"  # kind
    ALREADY_RETIRED = "already_retired"  # what
    LOCATION_NOT_EMPTY = "location_not_empty"  # path, barcode, position, count
    NO_FREE_POSITION = "no_free_position"  # path
    BARCODE_TWICE = "barcode_twice"
    CONTAINER_EXISTS = "container_exists"  # barcode
    CONTAINER_NOT_EMPTY = "container_not_empty"  # barcode, numbers
    CONTAINER_RETIRED = "container_retired"  # barcode
    CONTAINER_FULL = "container_full"  # kind, barcode, number
    GRID_MALFORMED = "grid_malformed"  # grid
    GRID_TOO_LARGE = "grid_too_large"  # grid, most
    BATCH_SIZE = "batch_size"  # most, count
    NO_PLACE_FOR = "no_place_for"  # barcode, where (new or returning material with no free position)
    POSITION_NEEDS_CONTAINER = "position_needs_container"
    RECEIVE_NEEDS_CONTAINER = "receive_needs_container"
    CONTAINER_TWICE = "container_twice"  # barcode, first (a catalogue naming one container on two rows)
    POSITION_CHOSEN = "position_chosen"  # position (given to another split returned in the same session)
    # loans
    NOTHING_TO_EDIT = "nothing_to_edit"
    PI_NEEDED = "pi_needed"
    REFERENCE_AND_PI_NEEDED = "reference_and_pi_needed"
    ALLOCATION_MASS_ZERO = "allocation_mass_zero"
    LESS_THAN_PREPARED = "less_than_prepared"  # reference, prepared, mass
    TERMS_FIXED = "terms_fixed"  # reference, status
    SAME_TERMS = "same_terms"  # reference
    EXTENSION_EARLIER = "extension_earlier"  # reference, due, date
    ALLOCATION_CHANGED = "allocation_changed"  # reference
    ALLOCATION_EXISTS = "allocation_exists"  # reference
    ALLOCATION_STATUS_FORBIDS = "allocation_status_forbids"  # action, reference, status
    OTHER_MISSION = "other_mission"  # number, mission, wanted
    RETURN_UNBALANCED = "return_unbalanced"  # number, left, back, consumed, total
    CONSUMED_TOO_MUCH = "consumed_too_much"  # number, left, consumed
    BORROWER_OVERDUE = "borrower_overdue"  # name, reference, due
    INVENTORY_LATE = "inventory_late"  # name, year, reference, due, days
    NOTHING_TO_HAND_OVER = "nothing_to_hand_over"  # reference
    NOT_ENOUGH_AVAILABLE = "not_enough_available"  # reference, mass, available, mission, held, reserved
    DUE_BEFORE_REQUEST = "due_before_request"  # due, requested
    DUE_TOO_LATE = "due_too_late"  # due, years, latest
    NOT_A_LOAN_YEAR = "not_a_loan_year"  # year
    NOT_AN_INVENTORY_YEAR = "not_an_inventory_year"  # year
    UNKNOWN_LOAN_OR_BORROWER = "unknown_loan_or_borrower"  # code
    HELD_NOTHING = "held_nothing"  # name, year
    INVENTORY_SILENT = "inventory_silent"  # reference, numbers
    NOT_OUT = "not_out"  # reference, status
    INVENTORY_UNBALANCED = "inventory_unbalanced"  # number, held, consumed, returned, total, out
    INVENTORY_CONFIRMED = "inventory_confirmed"  # year, reference, date
    NO_INVENTORY_YET = "no_inventory_yet"  # reference, year
    NOT_A_DOI = "not_a_doi"  # text
    DOI_NEEDED = "doi_needed"
    NO_RESULTS_YET = "no_results_yet"  # reference, status
    DOI_RECORDED = "doi_recorded"  # doi, reference
    TREATED_AND_UNTREATED = "treated_and_untreated"
    NOTHING_RETURNED = "nothing_returned"  # reference
    NOTHING_SCANNED_BACK = "nothing_scanned_back"  # reference
    LISTED_TWICE = "listed_twice"
    SCANNED_TWICE = "scanned_twice"  # number
    NOTHING_TO_REMIND = "nothing_to_remind"  # name, date
    # samples and the catalogue import (a bad row says its row number around its sentence)
    UNKNOWN_MISSION = "unknown_mission"  # mission
    MISSION_COLUMN = "mission_column"
    NO_MISSION_GIVEN = "no_mission_given"
    MISSING_ID = "missing_id"
    ID_TOO_LONG = "id_too_long"  # start, most
    DUPLICATE_ID = "duplicate_id"  # number, first
    SAMPLE_EXISTS = "sample_exists"  # number
    ID_TAKEN = "id_taken"  # number
    UNKNOWN_KIND = "unknown_kind"  # value
    MISSING_KIND = "missing_kind"
    MISSING_MASS = "missing_mass"
    MASS_NO_UNIT = "mass_no_unit"  # raw
    MASS_OVER_MISSION = "mass_over_mission"  # mass, mission, returned
    UNKNOWN_SAMPLING = "unknown_sampling"  # value
    UNKNOWN_PARENT = "unknown_parent"  # parent
    PARENT_UNAVAILABLE = "parent_unavailable"  # parent, status
    KIND_DIFFERS = "kind_differs"  # kind, parent, parent_kind
    CHILDREN_TOO_HEAVY = "children_too_heavy"  # parent, total, holds
    MISSION_TOTAL = "mission_total"  # mission, returned, total
    CHANGED_MEANWHILE = "changed_meanwhile"  # number, status, mass
    PARENT_LOOP = "parent_loop"  # row, number
    BAD_ROWS = "bad_rows"  # count, source
    ADDED_MEANWHILE = "added_meanwhile"  # number
    IMPORT_CANCELLED = "import_cancelled"
    # files read
    NO_FILE = "no_file"  # path
    FILE_EMPTY = "file_empty"  # name
    NOT_A_CATALOGUE = "not_a_catalogue"  # name
    NO_HEADER_ROW = "no_header_row"  # name, columns, rows
    MISSING_COLUMNS = "missing_columns"  # name, missing, row, headers
    CSV_ROW = "csv_row"  # name, row, detail
    NOT_XLSX = "not_xlsx"  # name, detail
    XLSX_TOO_BIG = "xlsx_too_big"  # name, unpacked, size, ratio, mb
    UNKNOWN_ENCODING = "unknown_encoding"  # value
    TEXT_UNKNOWN = "text_unknown"  # name, offset
    TEXT_INVALID = "text_invalid"  # name, offset, codec
    TEXT_HAS_NUL = "text_has_nul"  # name, offset
    # identifiers (what: the word for the kind of code, ui/refusals.py WHAT)
    IDENTIFIER_EMPTY = "identifier_empty"  # what
    HIDDEN_CHARACTER = "hidden_character"  # what, value
    LOOKALIKE_LETTER = "lookalike_letter"  # what, value, letter
    MIXED_SCRIPTS = "mixed_scripts"  # value, letter
    CODE_USED = "code_used"  # what, value, holder_kind, holder
    OPERATOR_LOOKALIKE = "operator_lookalike"  # value, existing
    # directory: operators, institutions, lookups
    NOT_FOUND = "not_found"  # what, value
    TOO_LONG = "too_long"  # what, limit
    UNKNOWN_OPERATOR = "unknown_operator"  # name
    OPERATOR_RETIRED = "operator_retired"  # name
    OPERATOR_EXISTS = "operator_exists"  # name
    ADMIN_ADDS_OPERATORS = "admin_adds_operators"
    LAST_ADMIN = "last_admin"  # name
    NOT_LOCKED = "not_locked"  # name
    INSTITUTION_EXISTS = "institution_exists"  # name
    NEAR_DUPLICATE = "near_duplicate"  # name, similar
    NOTHING_TO_CHANGE = "nothing_to_change"  # name
    PI_LISTED = "pi_listed"  # name, institution
    UNKNOWN_PI = "unknown_pi"  # name, institution
    NOT_A_COUNTRY = "not_a_country"  # code
    HOLDS_NO_SAMPLE = "holds_no_sample"  # what, code
    HOLDS_MANY = "holds_many"  # what, code, count
    # samples, splits, facility events, photos, scanner files
    MISSION_FULL = "mission_full"  # mission, returned, received, adding
    NO_CHILD = "no_child"
    CHILD_MASS_ZERO = "child_mass_zero"
    SAME_CHILD_NUMBER = "same_child_number"
    END_BEFORE_START = "end_before_start"
    EXCURSION_NEEDED = "excursion_needed"
    EXCURSION_KIND = "excursion_kind"  # kind
    FILE_TOO_LARGE = "file_too_large"  # name, mb
    CANNOT_READ = "cannot_read"  # path, detail
    NOT_AN_IMAGE = "not_an_image"  # name
    PHOTO_FOLDER_RELATIVE = "photo_folder_relative"  # path
    PHOTO_FOLDER_SAME = "photo_folder_same"  # path
    PHOTO_FOLDER_UNWRITABLE = "photo_folder_unwritable"  # path, detail
    IMAGE_MISSING = "image_missing"  # image
    SCAN_FILE_NOT_TEXT = "scan_file_not_text"  # name
    # instruments: balances and label printers (line: the balance's reply as it came)
    BALANCE_UNSTABLE = "balance_unstable"  # seconds, last
    BALANCE_CANCELLED = "balance_cancelled"
    BALANCE_NEGATIVE = "balance_negative"  # value
    BALANCE_LOST = "balance_lost"  # where, detail
    BALANCE_SILENT = "balance_silent"  # where, seconds
    BALANCE_CANNOT_OPEN = "balance_cannot_open"  # where, detail
    BALANCE_SYNTAX_ERROR = "balance_syntax_error"
    BALANCE_GARBLED = "balance_garbled"
    BALANCE_CANNOT_NOW = "balance_cannot_now"
    BALANCE_EMPTY_LINE = "balance_empty_line"
    BALANCE_WRONG_REPLY = "balance_wrong_reply"  # line, header
    BALANCE_OVERLOAD = "balance_overload"  # line
    BALANCE_UNDERLOAD = "balance_underload"  # line
    BALANCE_BUSY = "balance_busy"  # line
    BALANCE_ERROR = "balance_error"  # error, line
    BALANCE_UNREADABLE = "balance_unreadable"  # line
    BALANCE_UNIT = "balance_unit"  # unit, line
    BALANCE_TOO_FINE = "balance_too_fine"  # value
    PRINTER_TIMEOUT = "printer_timeout"  # where, seconds
    PRINTER_REFUSED = "printer_refused"  # where
    PRINTER_UNREACHABLE = "printer_unreachable"  # where, detail
    URI_SCHEME = "uri_scheme"  # uri, schemes
    URI_MALFORMED = "uri_malformed"  # uri, detail
    URI_SETTING_VALUE = "uri_setting_value"  # uri, setting, known
    URI_UNKNOWN_SETTING = "uri_unknown_setting"  # uri, setting, known
    URI_TCP_BALANCE = "uri_tcp_balance"  # uri, form
    URI_SERIAL_PORT = "uri_serial_port"  # uri, form, tcp
    URI_PRINTER = "uri_printer"  # uri, scheme
    # outputs: files written for people, labels, statements read back
    OUTPUT_INCOMPLETE = "output_incomplete"  # path
    OUTPUT_ON_DATABASE = "output_on_database"  # path
    OUTPUT_FOLDER = "output_folder"  # path
    OUTPUT_EXISTS = "output_exists"  # path
    OUTPUT_DISK_FULL = "output_disk_full"  # path
    OUTPUT_FAILED = "output_failed"  # path, detail
    EXPORT_CANCELLED = "export_cancelled"
    VERIFY_CANCELLED = "verify_cancelled"
    BARCODE_EMPTY = "barcode_empty"
    BARCODE_CHARACTER = "barcode_character"  # character
    NO_LABEL_IDS = "no_label_ids"
    TEMPLATE_MALFORMED = "template_malformed"  # name, detail
    NOT_A_STATEMENT = "not_a_statement"  # name
    STATEMENT_CELL = "statement_cell"  # where, detail
    HELD_EMPTY = "held_empty"  # where
    NOT_A_YEAR = "not_a_year"  # name, year
    BACKUP_FAILED = "backup_failed"  # path, detail
    NUL_CHARACTER = "nul_character"  # what
    # the database (detail: the driver's or system's own words)
    DB_BUSY = "db_busy"  # where, detail
    DB_DISK_FULL = "db_disk_full"  # where, detail
    DB_READ_ONLY = "db_read_only"  # where, detail
    DB_DAMAGED = "db_damaged"  # where, detail
    DB_CANNOT_OPEN = "db_cannot_open"  # where, detail
    DB_DISK_IO = "db_disk_io"  # where, detail
    DB_FAILED = "db_failed"  # where, detail
    DB_BAD_URL = "db_bad_url"  # url, detail
    DB_GONE = "db_gone"  # path
    DB_UNREACHABLE = "db_unreachable"  # path, detail
    DB_REPLACED = "db_replaced"  # path
    DB_UNREADABLE = "db_unreadable"  # path
    DB_FILE_READ_ONLY = "db_file_read_only"  # path
    DB_MISSING = "db_missing"  # path
    DB_FOLDER = "db_folder"  # path
    DB_CANNOT_CREATE = "db_cannot_create"  # path, detail
    DB_NOT_CURATOR = "db_not_curator"  # name
    DB_NEWER = "db_newer"  # name, revision
    WRITE_ABANDONED = "write_abandoned"
    RECORD_CHANGED = "record_changed"
    CONNECTION_LOST = "connection_lost"  # where, detail
    CONNECTION_LOST_SAVING = "connection_lost_saving"  # where, detail
    NOTIFICATIONS_LOST = "notifications_lost"  # detail


class CuratorError(Exception):
    """Base of every error a user can be shown as is. A refusal the desk translates also has a ``code``
    and its ``params`` (text, masses as format_mass writes them: one format in every language)."""

    def __init__(self, message: str = "", *, code: Refusal | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = {key: str(value) for key, value in (params or {}).items()}


class ValidationError(CuratorError):
    """Input that can never be right: a malformed mass, an unknown kind, a missing field."""


class NotFoundError(CuratorError):
    """A sample, container, location, operator or allocation that does not exist."""


class RuleViolation(CuratorError):
    """A domain rule refused the change: unbalanced split, negative mass, occupied position..."""


class PermissionDenied(CuratorError):
    """The operator's role does not allow the action."""


class ConflictError(CuratorError):
    """Someone else changed the record since it was loaded: reload and try again."""


class DatabaseError(CuratorError):
    """The database cannot be opened or used: not a Curator file, corrupt, newer schema, read-only."""


class WriteAbandoned(DatabaseError):
    """The person stopped waiting for another desk's write lock; the transaction never began."""


class ConnectionLost(DatabaseError):
    """The database server could not be reached or dropped the connection.

    ``retry_safe`` is True when the failed transaction certainly saved nothing (it did not reach its
    commit), so doing the same step again is safe.
    """

    def __init__(self, message: str, retry_safe: bool = True, *, code: Refusal | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.retry_safe = retry_safe


class InstrumentError(CuratorError):
    """A balance or label printer that cannot be reached, stays silent, or answers with a refusal or a
    state that gives no usable value (overload, underload, an error code); the message says which."""
