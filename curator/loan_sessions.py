"""Several splits of a loan handed over or returned in one scanning session (at the desk, or from a
scanner's file on the command line): checked first, every refusal naming its split, then all recorded in
one transaction, or none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from curator.allocations import check_addable, return_split, signed_allocation
from curator.directory import sample_number_for
from curator.errors import CuratorError, Refusal, ValidationError
from curator.loan_returns import check_treatment
from curator.lookup import get_allocation, get_sample
from curator.mass import format_mass, parse_mass
from curator.material_places import homes_on_return, return_homes
from curator.permissions import AllocationAction
from curator.storage.db import Database
from curator.vocabulary import AllocationItemStatus


@dataclass(frozen=True)
class SplitBack:
    """One split scanned back: its number, the mass weighed back, the mass it left with as the desk showed
    it (refused if that changed meanwhile), what the borrower says it consumed (None: what did not come
    back), what was done to it (Treatment words), the balance reading the mass back came from (None: typed)
    and where its container goes back (a position, or a shelf, rack or cabinet: its next free one; None:
    where it left from if free, else the free position nearest it)."""

    number: str
    returned_ug: int
    left_with_ug: int
    consumed_ug: int | None = None
    treatment: tuple[str, ...] = ()
    balance: dict[str, object] | None = None
    position: str | None = None


def record_returns(db: Database, operator: str, reference: str, splits: Sequence[SplitBack], note: str = "",
                   at: datetime | None = None) -> int:
    """Record each split's return (what did not come back counts as consumed), each container back in
    storage (curator.material_places.return_homes: a split going to its default place never takes a
    position named for another, nor the one another left from); returns how many."""
    if not splits:
        raise ValidationError(f"no split of {reference} was scanned back", code=Refusal.NOTHING_SCANNED_BACK,
                              params={"reference": reference})
    if len({split.number for split in splits}) != len(splits):
        raise ValidationError("a split is listed twice", code=Refusal.LISTED_TWICE)
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.RECORD_RETURN)
        homes = return_homes(session, allocation.id, {split.number: split.position for split in splits})
        for split in splits:
            home = homes[split.number]
            if isinstance(home, CuratorError):
                raise home
            return_split(session, signer, allocation, split.number, split.returned_ug, note, at,
                         expected_ug=split.left_with_ug, consumed_ug=split.consumed_ug, treatment=split.treatment,
                         position=home.path if home is not None else None, balance=split.balance)
    return len(splits)


@dataclass(frozen=True)
class ScannedReturn:
    """A line of a return session's file: the code scanned, and what the borrower's form says of it (mass
    back, None: all it left with; mass consumed, None: what did not come back; treatment words; where its
    container goes back, None: its default place)."""

    code: str
    returned_ug: int | None = None
    consumed_ug: int | None = None
    treatment: tuple[str, ...] = ()
    position: str | None = None


def scanned_returns(rows: Sequence[Sequence[str]]) -> tuple[list[ScannedReturn], list[str]]:
    """Each row (code, then optionally mass back, mass consumed, treatment words separated by "+" or ";",
    and the position its container goes back to) as a ScannedReturn; and a problem line for each row that
    is not one."""
    found: list[ScannedReturn] = []
    problems: list[str] = []
    for line, row in enumerate(rows, 1):
        code, *fields = [field.strip() for field in row] + ["", "", "", ""]
        try:
            masses = [parse_mass(field) if field else None for field in fields[:2]]
        except CuratorError as exc:
            problems.append(f"line {line} ({code}): {exc}")
            continue
        words = tuple(word for word in fields[2].replace(";", "+").split("+") if word.strip())
        found.append(ScannedReturn(code, masses[0], masses[1], words, fields[3] or None))
    return found, problems


@dataclass(frozen=True)
class ReturnPlan:
    """What a return session would record, or why it cannot: ``problems`` (one line each, naming the split);
    ``homes``: the position each split's container goes back to ("" when it stands somewhere)."""

    reference: str
    splits: tuple[SplitBack, ...]
    still_out: tuple[str, ...]
    problems: tuple[str, ...]
    homes: dict[str, str]


def plan_returns(db: Database, reference: str, scans: Sequence[ScannedReturn]) -> ReturnPlan:
    """Check a return session before recording it: every code names a split on loan under ``reference``,
    once; back and consumed add up to what it left with; the treatment words are known; each container has
    a free position to go back to (the one named, or its default place)."""
    with db.read() as session:
        allocation = get_allocation(session, reference)
        on_loan = {item.sample.number: item.mass_ug for item in allocation.items
                   if item.status == AllocationItemStatus.HANDED_OVER}
        reference = allocation.reference
    splits: list[SplitBack] = []
    problems: list[str] = []
    seen: set[str] = set()
    for scan in scans:
        try:
            number = sample_number_for(db, scan.code)
            if number in seen:
                raise ValidationError(f"{number} is scanned twice", code=Refusal.SCANNED_TWICE,
                                      params={"number": number})
            seen.add(number)
            if number not in on_loan:
                raise ValidationError(f"{number} is not on loan under {reference}", code=Refusal.NOT_ON_LOAN,
                                      params={"number": number, "reference": reference})
            splits.append(_split_back(number, on_loan[number], scan))
        except CuratorError as exc:
            problems.append(str(exc))
    homes = homes_on_return(db, reference, {split.number: split.position for split in splits}) if splits else {}
    problems += [f"{number}: {home.problem}" for number, home in homes.items() if home.problem is not None]
    scanned = {split.number for split in splits}
    return ReturnPlan(reference, tuple(splits), tuple(sorted(set(on_loan) - scanned)), tuple(problems),
                      {number: home.path for number, home in homes.items()})


def _split_back(number: str, left_ug: int, scan: ScannedReturn) -> SplitBack:
    back = scan.returned_ug if scan.returned_ug is not None else left_ug - (scan.consumed_ug or 0)
    consumed = scan.consumed_ug if scan.consumed_ug is not None else left_ug - back
    left = format_mass(left_ug)
    if back > left_ug:
        raise ValidationError(f"{number} left with {left}; a return of {format_mass(back)} is impossible",
                              code=Refusal.RETURN_IMPOSSIBLE,
                              params={"number": number, "left": left, "returned": format_mass(back)})
    if back < 0:
        raise ValidationError(f"{number} left with {left}; {format_mass(consumed)} cannot have been consumed",
                              code=Refusal.CONSUMED_TOO_MUCH,
                              params={"number": number, "left": left, "consumed": format_mass(consumed)})
    if back + consumed != left_ug:
        raise ValidationError(f"{number} left with {left}; {format_mass(back)} back and {format_mass(consumed)} "
                              f"consumed make {format_mass(back + consumed)}", code=Refusal.RETURN_UNBALANCED,
                              params={"number": number, "left": left, "back": format_mass(back),
                                      "consumed": format_mass(consumed), "total": format_mass(back + consumed)})
    try:
        treatment = tuple(check_treatment(scan.treatment))
    except ValidationError as exc:
        raise ValidationError(f"{number}: {exc}", code=exc.code, params=exc.params) from None
    return SplitBack(number, back, left_ug, consumed, treatment, position=scan.position)


@dataclass(frozen=True)
class HandoverPlan:
    """What a hand-over session would hand over: the prepared splits (every one scanned) and the splits
    scanned besides; or why it cannot (``problems``, one line each)."""

    reference: str
    prepared: tuple[tuple[str, int], ...]
    added: tuple[tuple[str, int], ...]
    approved_ug: int
    problems: tuple[str, ...]

    @property
    def total_ug(self) -> int:
        return sum(mass for _number, mass in self.prepared + self.added)


def plan_handover(db: Database, reference: str, codes: Sequence[str]) -> HandoverPlan:
    """Check a hand-over session as the desk does while scanning: every code names a sample, once; every
    prepared split is scanned; a split scanned besides may be added (mission, status, pristine); the total
    stays within the approved mass."""
    numbers: list[str] = []
    problems: list[str] = []
    for code in codes:
        try:
            number = sample_number_for(db, code)
        except CuratorError as exc:
            problems.append(str(exc))
            continue
        if number in numbers:
            problems.append(f"{number} is scanned twice")
        else:
            numbers.append(number)
    with db.read() as session:
        allocation = get_allocation(session, reference)
        prepared = tuple((item.sample.number, item.sample.mass_ug) for item in allocation.items
                         if item.status == AllocationItemStatus.PREPARED)
        added: list[tuple[str, int]] = []
        for number in numbers:
            if any(number == ready for ready, _mass in prepared):
                continue
            sample = get_sample(session, number)
            try:
                check_addable(session, allocation, sample)
            except CuratorError as exc:
                problems.append(str(exc))
                continue
            added.append((sample.number, sample.mass_ug))
        problems += [f"{number} is prepared for {allocation.reference} but was not scanned"
                     for number, _mass in prepared if number not in numbers]
        plan = HandoverPlan(allocation.reference, prepared, tuple(added), allocation.approved_mass_ug, ())
    if plan.total_ug > plan.approved_ug:
        problems.append(f"{plan.reference} approves {format_mass(plan.approved_ug)}; the splits scanned add up "
                        f"to {format_mass(plan.total_ug)}, more than approved")
    if not plan.prepared and not plan.added and not problems:
        problems.append(f"no split of {plan.reference} was scanned")
    return HandoverPlan(plan.reference, plan.prepared, plan.added, plan.approved_ug, tuple(problems))
