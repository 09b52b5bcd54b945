"""The sentences of the rarer domain refusals (PIN strength, corrections, storage, loans), marked for lupdate
in context "Refusal"; ui/refusals.py says them. Each {placeholder} is a parameter the domain gives."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from curator.errors import Refusal

RULE_SENTENCES: dict[Refusal, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Refusal.UNKNOWN_CHOICE: QT_TRANSLATE_NOOP("Refusal", "{value} is not one of {known}"),
    Refusal.REASON_NEEDED: QT_TRANSLATE_NOOP("Refusal", "give a reason"),
    Refusal.UNKNOWN_EVENT: QT_TRANSLATE_NOOP("Refusal", "no event {event}"),
    Refusal.NOTE_EMPTY: QT_TRANSLATE_NOOP("Refusal", "a note needs some text"),
    Refusal.IMAGES_NOT_HERE: QT_TRANSLATE_NOOP(
        "Refusal", "images are attached to photographed and inspected events, not to {kind}"),
    Refusal.ATMOSPHERE_NEEDED: QT_TRANSLATE_NOOP(
        "Refusal", "say in which atmosphere it was {kind} (e.g. nitrogen, air)"),
    Refusal.PIN_EMPTY: QT_TRANSLATE_NOOP(
        "Refusal", "the PIN is empty: give at least {digits} digits or a passphrase of {characters} characters"),
    Refusal.PIN_SPACES: QT_TRANSLATE_NOOP("Refusal", "the PIN starts or ends with a space: leave the spaces out"),
    Refusal.PIN_TOO_SHORT: QT_TRANSLATE_NOOP(
        "Refusal", "a PIN needs at least {digits} digits (or a passphrase of {characters} characters)"),
    Refusal.PIN_TRIVIAL: QT_TRANSLATE_NOOP(
        "Refusal", "that PIN is too easy to guess (one digit repeated, a run such as 123456 or 987654, or a "
                   "repeated pattern): choose another"),
    Refusal.PASSPHRASE_TOO_SHORT: QT_TRANSLATE_NOOP(
        "Refusal", "a passphrase needs at least {characters} characters (or give {digits} digits)"),
    Refusal.PASSPHRASE_TRIVIAL: QT_TRANSLATE_NOOP(
        "Refusal", "that passphrase is too easy to guess: use more different characters"),
    Refusal.TRUE_MASS_NEGATIVE: QT_TRANSLATE_NOOP("Refusal", "the true mass {mass} is negative"),
    Refusal.CORRECTION_LOAN_EVENT: QT_TRANSLATE_NOOP(
        "Refusal", "event {event} ({kind}) is accounted in its loan: its mass cannot be corrected here (give only "
                   "a reason)"),
    Refusal.CORRECTION_NO_MASS: QT_TRANSLATE_NOOP(
        "Refusal", "event {event} ({kind}) states no mass of a sample, so a mass cannot be corrected (give only "
                   "a reason)"),
    Refusal.CORRECTION_NEGATIVE_NOW: QT_TRANSLATE_NOOP(
        "Refusal", "correcting event {event} to {mass} would leave {number} with {left}: impossible"),
    Refusal.CORRECTION_AFTER_LOAN: QT_TRANSLATE_NOOP(
        "Refusal", "the mass of {number} was accounted to a loan at event {event} ({kind}), after the corrected "
                   "event: the loan's masses cannot shift"),
    Refusal.CORRECTION_NEGATIVE_LATER: QT_TRANSLATE_NOOP(
        "Refusal", "the correction would leave {number} with {left} at event {event} ({kind}): that later state "
                   "could not have happened"),
    Refusal.NOT_PRISTINE: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} asks for pristine material; {number} is {condition} (since event "
                   "{event})"),
    Refusal.UNKNOWN_LOCATION: QT_TRANSLATE_NOOP("Refusal", "no location {code} (give its path or scan its barcode)"),
    Refusal.LOCATION_NEEDS_PARENT: QT_TRANSLATE_NOOP("Refusal", "a {kind} must be inside another location"),
    Refusal.LOCATION_RETIRED: QT_TRANSLATE_NOOP("Refusal", "{path} is retired: nothing new goes into it"),
    Refusal.LOCATION_NESTING: QT_TRANSLATE_NOOP("Refusal", "a {kind} cannot be inside a {parent_kind}"),
    Refusal.NO_GRID_HERE: QT_TRANSLATE_NOOP(
        "Refusal", "a {kind} holds no grid of positions (shelves, racks and cabinets do)"),
    Refusal.ALREADY_RETIRED: QT_TRANSLATE_NOOP("Refusal", "{what} is already retired"),
    Refusal.LOCATION_NOT_EMPTY: QT_TRANSLATE_NOOP(
        "Refusal", "{path} is not empty: container {barcode} stands at {position} ({count} in all); move them out "
                   "first"),
    Refusal.NO_FREE_POSITION: QT_TRANSLATE_NOOP("Refusal", "{path} has no free position"),
    Refusal.BARCODE_TWICE: QT_TRANSLATE_NOOP("Refusal", "the same barcode is given twice"),
    Refusal.CONTAINER_EXISTS: QT_TRANSLATE_NOOP("Refusal", "a container with barcode {barcode} already exists"),
    Refusal.CONTAINER_NOT_EMPTY: QT_TRANSLATE_NOOP(
        "Refusal", "container {barcode} still holds {numbers}: empty it first"),
    Refusal.CONTAINER_RETIRED: QT_TRANSLATE_NOOP("Refusal", "container {barcode} is retired"),
    Refusal.CONTAINER_FULL: QT_TRANSLATE_NOOP(
        "Refusal", "{kind} {barcode} already holds {number}: one sample per container, unless it is a box"),
    Refusal.GRID_MALFORMED: QT_TRANSLATE_NOOP("Refusal", "grid {grid} is not rows x columns, e.g. 4x6"),
    Refusal.GRID_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Refusal", "grid {grid}: rows and columns must each be between 1 and {most}"),
    Refusal.BATCH_SIZE: QT_TRANSLATE_NOOP("Refusal", "a batch holds 1 to {most} codes ({count} asked)"),
    Refusal.NO_PLACE_FOR: QT_TRANSLATE_NOOP(
        "Refusal", "no free position for {barcode}: {where} is full; say where it goes"),
    Refusal.RECEIVE_NEEDS_CONTAINER: QT_TRANSLATE_NOOP(
        "Refusal", "a position needs a container: name the container the sample is received in"),
    Refusal.POSITION_NEEDS_CONTAINER: QT_TRANSLATE_NOOP(
        "Refusal", "a position needs a container (Container column)"),
    Refusal.CONTAINER_TWICE: QT_TRANSLATE_NOOP(
        "Refusal", "container {barcode} is also on row {first}: one sample per container, unless it is a box"),
    Refusal.NOT_FOUND: QT_TRANSLATE_NOOP("Refusal", "no {what} {value}"),
    Refusal.TOO_LONG: QT_TRANSLATE_NOOP("Refusal", "{what} is longer than {limit} characters"),
    Refusal.UNKNOWN_OPERATOR: QT_TRANSLATE_NOOP("Refusal", "no operator called {name}"),
    Refusal.OPERATOR_RETIRED: QT_TRANSLATE_NOOP("Refusal", "operator {name} is retired and cannot sign new events"),
    Refusal.OPERATOR_EXISTS: QT_TRANSLATE_NOOP("Refusal", "an operator called {name} already exists"),
    Refusal.ADMIN_ADDS_OPERATORS: QT_TRANSLATE_NOOP(
        "Refusal", "only the first operator registers itself: an admin adds the others"),
    Refusal.LAST_ADMIN: QT_TRANSLATE_NOOP(
        "Refusal", "{name} is the last admin: add another admin before retiring them"),
    Refusal.NOT_LOCKED: QT_TRANSLATE_NOOP("Refusal", "{name} is not locked"),
    Refusal.INSTITUTION_EXISTS: QT_TRANSLATE_NOOP("Refusal", "institution {name} already exists"),
    Refusal.NEAR_DUPLICATE: QT_TRANSLATE_NOOP(
        "Refusal", "{name} looks like {similar}, already listed: the same borrower? Save it only if it is another "
                   "institution"),
    Refusal.NOTHING_TO_CHANGE: QT_TRANSLATE_NOOP("Refusal", "nothing to change: {name} already reads so"),
    Refusal.PI_LISTED: QT_TRANSLATE_NOOP("Refusal", "{name} is already listed at {institution}"),
    Refusal.UNKNOWN_PI: QT_TRANSLATE_NOOP("Refusal", "no investigator {name} at {institution}"),
    Refusal.NOT_A_COUNTRY: QT_TRANSLATE_NOOP(
        "Refusal", "{code} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, JP)"),
    Refusal.HOLDS_NO_SAMPLE: QT_TRANSLATE_NOOP("Refusal", "{what} {code} holds no sample"),
    Refusal.HOLDS_MANY: QT_TRANSLATE_NOOP("Refusal", "{what} {code} holds {count} samples: scan the sample itself"),
    Refusal.MISSION_FULL: QT_TRANSLATE_NOOP(
        "Refusal", "{mission} returned {returned}; {received} is already received, so {adding} more would exceed it"),
    Refusal.NO_CHILD: QT_TRANSLATE_NOOP("Refusal", "a split needs at least one child"),
    Refusal.CHILD_MASS_ZERO: QT_TRANSLATE_NOOP(
        "Refusal", "every child needs a mass above zero and the loss cannot be negative"),
    Refusal.SAME_CHILD_NUMBER: QT_TRANSLATE_NOOP("Refusal", "two children of the split have the same number"),
    Refusal.END_BEFORE_START: QT_TRANSLATE_NOOP("Refusal", "the end is before the start"),
    Refusal.EXCURSION_NEEDED: QT_TRANSLATE_NOOP("Refusal", "say what went out of range"),
    Refusal.EXCURSION_KIND: QT_TRANSLATE_NOOP("Refusal", "an excursion is recorded as an excursion, not as {kind}"),
    Refusal.FILE_TOO_LARGE: QT_TRANSLATE_NOOP("Refusal", "{name} is larger than {mb} MB"),
    Refusal.CANNOT_READ: QT_TRANSLATE_NOOP("Refusal", "cannot read {path}: {detail}"),
    Refusal.NOT_AN_IMAGE: QT_TRANSLATE_NOOP("Refusal", "{name} is not a JPEG, PNG or TIFF image"),
    Refusal.PHOTO_FOLDER_RELATIVE: QT_TRANSLATE_NOOP(
        "Refusal", "the photo folder must be a full path that every desk reaches, not {path}"),
    Refusal.PHOTO_FOLDER_SAME: QT_TRANSLATE_NOOP("Refusal", "images are already kept there"),
    Refusal.PHOTO_FOLDER_UNWRITABLE: QT_TRANSLATE_NOOP(
        "Refusal", "cannot write into the photo folder {path}: {detail}"),
    Refusal.IMAGE_MISSING: QT_TRANSLATE_NOOP("Refusal", "image {image} is missing or altered"),
    Refusal.SCAN_FILE_NOT_TEXT: QT_TRANSLATE_NOOP(
        "Refusal", "{name} is not UTF-8 text (a scanner's file holds one code a line)"),
}
