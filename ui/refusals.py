"""Domain refusals in the desk's language: a CuratorError with a code (curator.errors.Refusal) is said from
its parameters; any other keeps its English message (as the command line always does)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from curator.errors import CuratorError, Refusal
from ui.refusal_files import FILE_SENTENCES
from ui.refusal_loans import LOAN_SENTENCES
from ui.refusal_rules import RULE_SENTENCES
from ui.refusal_troubles import TROUBLE_SENTENCES
from ui.text import label

if TYPE_CHECKING:
    from curator.catalogue import RowError

#: The sentence of each refusal, marked for lupdate (context "Refusal"); {params} as the domain gives them.
SENTENCES: dict[Refusal, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Refusal.STALE_MASS: QT_TRANSLATE_NOOP(
        "Refusal", "{what} changed since you opened it: it now holds {now}, you saw {seen}. Reload and try again"),
    Refusal.NOT_ENOUGH_MASS: QT_TRANSLATE_NOOP(
        "Refusal", "the split of {number} does not balance: children and loss are {needed}, the sample holds {holds}"),
    Refusal.OVER_APPROVED: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} approves {approved}; these splits add up to {total}, more than approved"),
    Refusal.RETURN_IMPOSSIBLE: QT_TRANSLATE_NOOP(
        "Refusal", "{number} left with {left}: a return of {returned} is impossible"),
    Refusal.UNKNOWN_SAMPLE: QT_TRANSLATE_NOOP("Refusal", "no sample {code}"),
    Refusal.UNKNOWN_CONTAINER: QT_TRANSLATE_NOOP("Refusal", "no container with barcode {code}"),
    Refusal.UNKNOWN_CODE: QT_TRANSLATE_NOOP("Refusal", "unknown code {code}: no sample or container has it"),
    Refusal.UNKNOWN_SCAN: QT_TRANSLATE_NOOP("Refusal", "unknown code {code}: no sample, container or location has it"),
    Refusal.NOTHING_SCANNED: QT_TRANSLATE_NOOP("Refusal", "nothing was scanned"),
    Refusal.STATUS_FORBIDS: QT_TRANSLATE_NOOP("Refusal", "cannot {action} {number}: it is {status}"),
    Refusal.NOT_AVAILABLE: QT_TRANSLATE_NOOP("Refusal", "{number} is {status}, not available"),
    Refusal.NOT_ON_LOAN: QT_TRANSLATE_NOOP("Refusal", "{number} is not on loan under allocation {reference}"),
    Refusal.ROLE_NEEDED: QT_TRANSLATE_NOOP("Refusal", "only a {role} may do this; {name} is a {has}"),
    Refusal.PIN_WRONG: QT_TRANSLATE_NOOP("Refusal", "wrong PIN for {name} ({left} more and it is locked)"),
    Refusal.PIN_NOW_LOCKED: QT_TRANSLATE_NOOP(
        "Refusal", "wrong PIN for {name}: {count} in a row, locked for {minutes} minutes"),
    Refusal.PIN_LOCKED: QT_TRANSLATE_NOOP(
        "Refusal", "{name} is locked after {count} wrong PINs until {until}; an admin can unlock"),
    Refusal.NO_PIN: QT_TRANSLATE_NOOP("Refusal", "{name} has no PIN yet: an admin must set one"),
    Refusal.UNIT_SLIP: QT_TRANSLATE_NOOP(
        "Refusal", "{measured} is more than {factor} times off the expected {expected}: a unit slip? "
                   "Check the unit and weigh again"),
    Refusal.OUT_OF_TOLERANCE: QT_TRANSLATE_NOOP(
        "Refusal", "{measured} is {difference} from the expected {expected}, beyond the balance tolerance of "
                   "{tolerance}: check the balance, or confirm the weighing with a reason"),
    Refusal.POSITION_TAKEN: QT_TRANSLATE_NOOP("Refusal", "position {position} already holds container {barcode}"),
    Refusal.POSITION_CHOSEN: QT_TRANSLATE_NOOP("Refusal", "position {position} is already chosen for another split"),
    Refusal.NOT_A_POSITION: QT_TRANSLATE_NOOP("Refusal", "{path} is a {kind}: containers stand in positions only"),
    Refusal.MASS_EMPTY: QT_TRANSLATE_NOOP("Refusal", "mass is empty: enter a number with a unit, e.g. 12.5 mg"),
    Refusal.MASS_NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "Refusal", "mass {raw} is not a number with a unit (e.g. 12.5 mg, 0.2 g; digits grouped by spaces)"),
    Refusal.MASS_UNKNOWN_UNIT: QT_TRANSLATE_NOOP(
        "Refusal", "mass {raw} has an unknown unit {unit} (use one of {known})"),
    Refusal.MASS_NEGATIVE: QT_TRANSLATE_NOOP("Refusal", "mass {raw} is negative: a mass must be zero or more"),
    Refusal.MASS_TOO_FINE: QT_TRANSLATE_NOOP("Refusal", "mass {raw} is finer than one microgram"),
    Refusal.MASS_TOO_LARGE: QT_TRANSLATE_NOOP("Refusal", "mass {raw} is more than {limit}, more than could be stored"),
    Refusal.MASS_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Refusal", "mass {raw} is ambiguous: the comma may group thousands or mark decimals; write {grouped} "
                   "or {decimal}"),
    **RULE_SENTENCES,
    **LOAN_SENTENCES,
    **FILE_SENTENCES,
    **TROUBLE_SENTENCES,
}
#: The actions a sample's or allocation's status may forbid (curator.permissions), as verbs.
ACTIONS: dict[str, object] = {
    "weigh": QT_TRANSLATE_NOOP("Refusal", "weigh"), "split": QT_TRANSLATE_NOOP("Refusal", "split"),
    "move": QT_TRANSLATE_NOOP("Refusal", "move"), "open": QT_TRANSLATE_NOOP("Refusal", "open"),
    "seal": QT_TRANSLATE_NOOP("Refusal", "seal"), "inspect": QT_TRANSLATE_NOOP("Refusal", "inspect"),
    "photograph": QT_TRANSLATE_NOOP("Refusal", "photograph"), "note": QT_TRANSLATE_NOOP("Refusal", "note"),
    "correct": QT_TRANSLATE_NOOP("Refusal", "correct"),
    # an allocation's (curator.permissions.AllocationAction)
    "approve": QT_TRANSLATE_NOOP("Refusal", "approve"), "prepare": QT_TRANSLATE_NOOP("Refusal", "prepare"),
    "hand over": QT_TRANSLATE_NOOP("Refusal", "hand over"),
    "record a return on": QT_TRANSLATE_NOOP("Refusal", "record a return on"),
    "record consumption on": QT_TRANSLATE_NOOP("Refusal", "record consumption on"),
    "cancel": QT_TRANSLATE_NOOP("Refusal", "cancel"), "edit": QT_TRANSLATE_NOOP("Refusal", "edit"),
}
#: The words the domain names a kind of code or record by in a refusal's "what" (or "holder_kind").
WHAT: dict[str, object] = {
    "barcode": QT_TRANSLATE_NOOP("Refusal", "barcode"), "ID": QT_TRANSLATE_NOOP("Refusal", "ID"),
    "sample number": QT_TRANSLATE_NOOP("Refusal", "sample number"),
    "barcode prefix": QT_TRANSLATE_NOOP("Refusal", "barcode prefix"),
    "operator name": QT_TRANSLATE_NOOP("Refusal", "operator name"),
    "location name": QT_TRANSLATE_NOOP("Refusal", "location name"),
    "location path": QT_TRANSLATE_NOOP("Refusal", "location path"),
    "sample": QT_TRANSLATE_NOOP("Refusal", "sample"), "container": QT_TRANSLATE_NOOP("Refusal", "container"),
    "location": QT_TRANSLATE_NOOP("Refusal", "location"),
    "institution name": QT_TRANSLATE_NOOP("Refusal", "institution name"),
    "investigator's name": QT_TRANSLATE_NOOP("Refusal", "investigator's name"),
    "city": QT_TRANSLATE_NOOP("Refusal", "city"), "contact": QT_TRANSLATE_NOOP("Refusal", "contact"),
    "e-mail": QT_TRANSLATE_NOOP("Refusal", "e-mail"), "measured value": QT_TRANSLATE_NOOP("Refusal", "measured value"),
    "mission": QT_TRANSLATE_NOOP("Refusal", "mission"), "institution": QT_TRANSLATE_NOOP("Refusal", "institution"),
    "allocation": QT_TRANSLATE_NOOP("Refusal", "allocation"),
}
#: Parameters that hold a member of a domain vocabulary (shown by its word, ui.text.label).
VOCABULARY_PARAMS = ("status", "role", "has", "kind", "parent_kind", "condition")


def refusal_text(error: BaseException) -> str:
    """What the desk says about a refusal: its sentence in the desk's language when it has a code and the
    desk speaks another language than English, else the domain's own (English) message."""
    if not isinstance(error, CuratorError):
        return str(error)
    return said(error.code, error.params, str(error))


def said(code: Refusal | None, given: Mapping[str, object], english: str) -> str:
    """The sentence of ``code`` with its parameters in the desk's language; ``english`` (the domain's own
    message) on an English desk, for a code without a sentence, or when the translation does not fit."""
    if code not in SENTENCES:
        return english
    sentence = str(SENTENCES[code])
    translated = QCoreApplication.translate("Refusal", sentence)
    if translated == sentence:  # English desk: the domain's message says more (the CLI's words)
        return english
    params = {key: str(value) for key, value in given.items()}
    for key in VOCABULARY_PARAMS:
        if key in params:
            params[key] = label(params[key])
    for key in ("what", "holder_kind"):
        if params.get(key) in WHAT:
            params[key] = QCoreApplication.translate("Refusal", str(WHAT[params[key]]))
    if params.get("action") in ACTIONS:
        params["action"] = QCoreApplication.translate("Refusal", str(ACTIONS[params["action"]]))
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation naming a parameter the domain did not give
        return english


def row_error_text(error: RowError) -> str:
    """A bad row of a catalogue, with its row number, in the desk's language."""
    sentence = said(error.code, error.params, error.message)
    return QCoreApplication.translate("Refusal", "row {row}: {message}").format(row=error.row, message=sentence)
