"""The sentences of the loan refusals (allocations, terms, returns, yearly inventories, results, reminders),
marked for lupdate in context "Refusal"; ui/refusals.py says them. Each {placeholder} is a parameter the domain
gives; masses come as format_mass writes them, dates as ISO dates."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from curator.errors import Refusal

LOAN_SENTENCES: dict[Refusal, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Refusal.NOTHING_TO_EDIT: QT_TRANSLATE_NOOP(
        "Refusal", "nothing to edit: give a due date, a mass, an institution, a PI or a purpose"),
    Refusal.PI_NEEDED: QT_TRANSLATE_NOOP("Refusal", "an allocation needs a principal investigator"),
    Refusal.REFERENCE_AND_PI_NEEDED: QT_TRANSLATE_NOOP(
        "Refusal", "an allocation needs a reference and a principal investigator"),
    Refusal.ALLOCATION_MASS_ZERO: QT_TRANSLATE_NOOP("Refusal", "an allocation needs a mass above zero"),
    Refusal.LESS_THAN_PREPARED: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} has {prepared} prepared; {mass} is less"),
    Refusal.TERMS_FIXED: QT_TRANSLATE_NOOP(
        "Refusal", "cannot change the mass or borrower of allocation {reference}: it is {status}"),
    Refusal.SAME_TERMS: QT_TRANSLATE_NOOP("Refusal", "allocation {reference} already has these terms"),
    Refusal.EXTENSION_EARLIER: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} is due {due}: an extension moves it later, {date} is not"),
    Refusal.ALLOCATION_CHANGED: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} was changed by someone else since you opened it: reload it"),
    Refusal.ALLOCATION_EXISTS: QT_TRANSLATE_NOOP("Refusal", "allocation {reference} already exists"),
    Refusal.ALLOCATION_STATUS_FORBIDS: QT_TRANSLATE_NOOP(
        "Refusal", "cannot {action} allocation {reference}: it is {status}"),
    Refusal.OTHER_MISSION: QT_TRANSLATE_NOOP("Refusal", "{number} is from {mission}, not {wanted}"),
    Refusal.RETURN_UNBALANCED: QT_TRANSLATE_NOOP(
        "Refusal", "{number} left with {left}; {back} back and {consumed} consumed make {total}"),
    Refusal.CONSUMED_TOO_MUCH: QT_TRANSLATE_NOOP(
        "Refusal", "{number} left with {left}; {consumed} cannot have been consumed"),
    Refusal.BORROWER_OVERDUE: QT_TRANSLATE_NOOP(
        "Refusal", "{name} has an overdue loan ({reference}, due {due}): a curator must override with a reason"),
    Refusal.INVENTORY_LATE: QT_TRANSLATE_NOOP(
        "Refusal", "{name} has not confirmed its {year} inventory of {reference} (due {due}, more than {days} days "
                   "late): a curator must override with a reason"),
    Refusal.NOTHING_TO_HAND_OVER: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} has no splits to hand over: scan or prepare some"),
    Refusal.NOT_ENOUGH_AVAILABLE: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} asks {mass} but only {available} of {mission} is available ({held} held, "
                   "{reserved} reserved by approved allocations)"),
    Refusal.DUE_BEFORE_REQUEST: QT_TRANSLATE_NOOP("Refusal", "due date {due} is before the request ({requested})"),
    Refusal.DUE_TOO_LATE: QT_TRANSLATE_NOOP(
        "Refusal", "due date {due} is more than {years} years out (latest {latest})"),
    Refusal.NOT_A_LOAN_YEAR: QT_TRANSLATE_NOOP("Refusal", "{year} is not a year of lunar sample loans"),
    Refusal.NOT_AN_INVENTORY_YEAR: QT_TRANSLATE_NOOP(
        "Refusal", "{year} is not a year whose inventory can be confirmed"),
    Refusal.UNKNOWN_LOAN_OR_BORROWER: QT_TRANSLATE_NOOP("Refusal", "no allocation or borrower called {code}"),
    Refusal.HELD_NOTHING: QT_TRANSLATE_NOOP("Refusal", "{name} held no material at the end of {year}"),
    Refusal.INVENTORY_SILENT: QT_TRANSLATE_NOOP(
        "Refusal", "the inventory of {reference} says nothing about {numbers}"),
    Refusal.NOT_OUT: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} is {status}: only a loan out has an inventory to confirm"),
    Refusal.INVENTORY_UNBALANCED: QT_TRANSLATE_NOOP(
        "Refusal", "{number}: held {held} + consumed {consumed} + returned {returned} is {total}, not the {out} "
                   "handed over"),
    Refusal.INVENTORY_CONFIRMED: QT_TRANSLATE_NOOP(
        "Refusal", "the {year} inventory of {reference} was confirmed on {date}"),
    Refusal.NO_INVENTORY_YET: QT_TRANSLATE_NOOP(
        "Refusal", "{reference} was handed over after {year}: no {year} inventory"),
    Refusal.NOT_A_DOI: QT_TRANSLATE_NOOP(
        "Refusal", "{text} is not a DOI (10.NNNN/suffix, e.g. 10.1038/s41586-021-04100-2)"),
    Refusal.DOI_NEEDED: QT_TRANSLATE_NOOP("Refusal", "give a result's DOI, or say that the results are complete"),
    Refusal.NO_RESULTS_YET: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} is {status}: results come from material handed over"),
    Refusal.DOI_RECORDED: QT_TRANSLATE_NOOP("Refusal", "{doi} is already recorded for {reference}"),
    Refusal.TREATED_AND_UNTREATED: QT_TRANSLATE_NOOP(
        "Refusal", "a split treated in some way cannot also be untreated (\"none\")"),
    Refusal.NOTHING_RETURNED: QT_TRANSLATE_NOOP(
        "Refusal", "allocation {reference} has no split back or used up yet: there is no return to put on a form"),
    Refusal.NOTHING_SCANNED_BACK: QT_TRANSLATE_NOOP("Refusal", "no split of {reference} was scanned back"),
    Refusal.LISTED_TWICE: QT_TRANSLATE_NOOP("Refusal", "a split is listed twice"),
    Refusal.SCANNED_TWICE: QT_TRANSLATE_NOOP("Refusal", "{number} is scanned twice"),
    Refusal.NOTHING_TO_REMIND: QT_TRANSLATE_NOOP("Refusal", "{name} has nothing to be reminded of on {date}"),
}
