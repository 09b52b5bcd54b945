"""What a loan produced: publications and data sets, each named by its DOI, recorded against the loan as
"result" events; and the word that its results are all in. A loan is closed when all its material is
back or used up and its results are in."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import append_event
from curator.lookup import get_allocation
from curator.operators import find_operator
from curator.storage.db import Database
from curator.storage.models import Event
from curator.vocabulary import AllocationStatus, EventKind, LoanState, ResultKind, choices

#: A DOI: "10." + a registrant code of 4 to 9 digits (dot-separated parts allowed) + "/" + a suffix.
DOI_PATTERN = re.compile(r"10\.\d{4,9}(\.\d+)*/\S+")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
#: Loans that can have results: the material went out.
WITH_RESULTS = (AllocationStatus.HANDED_OVER, AllocationStatus.RETURNED, AllocationStatus.CONSUMED)


def normalise_doi(text: str) -> str:
    """The DOI in ``text`` ("doi:10.1000/xyz", "https://doi.org/10.1000/XYZ"), as "10.1000/xyz"; refused
    with the expected form when it is not one."""
    doi = text.strip()
    for prefix in DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix):].strip()
    if not DOI_PATTERN.fullmatch(doi):
        raise ValidationError(f"{text.strip()!r} is not a DOI (10.NNNN/suffix, e.g. 10.1038/s41586-021-04100-2)",
                              code=Refusal.NOT_A_DOI, params={"text": text.strip()})
    return doi.lower()  # DOIs are case-insensitive


@dataclass(frozen=True)
class LoanResult:
    kind: ResultKind
    doi: str
    title: str
    recorded: datetime


@dataclass
class LoanResults:
    results: list[LoanResult] = field(default_factory=list)
    #: Someone said the results are all in.
    complete: bool = False

    @property
    def dois(self) -> str:
        return "; ".join(result.doi for result in self.results)


def results_by_allocation(session: Session) -> dict[int, LoanResults]:
    """allocation id -> its results, in the order recorded."""
    found: dict[int, LoanResults] = defaultdict(LoanResults)
    rows = session.execute(select(Event.allocation_id, Event.details, Event.occurred_at)
                           .where(Event.kind == EventKind.RESULT).order_by(Event.id))
    for allocation_id, details, occurred_at in rows:
        facts = json.loads(details)
        results = found[allocation_id or 0]
        if "doi" in facts:
            results.results.append(LoanResult(ResultKind(facts["kind"]), facts["doi"], facts.get("title", ""),
                                              occurred_at))
        results.complete = results.complete or bool(facts.get("complete"))
    return found


def loan_closed(status: str, results: LoanResults | None) -> bool:
    """All material back or used up, and the results in."""
    return status in (AllocationStatus.RETURNED, AllocationStatus.CONSUMED) and results is not None \
        and results.complete


def loan_state(status: str, results: LoanResults | None) -> AllocationStatus | LoanState:
    """What a loan reads as: closed once ``loan_closed``, else its status."""
    return LoanState.CLOSED if loan_closed(status, results) else AllocationStatus(status)


def loan_results(db: Database, reference: str) -> LoanResults:
    with db.read() as session:
        allocation = get_allocation(session, reference)
        return results_by_allocation(session).get(allocation.id, LoanResults())


def record_result(db: Database, operator: str, reference: str, doi: str | None = None,
                  kind: str = ResultKind.PUBLICATION, title: str = "", complete: bool = False,
                  at: datetime | None = None) -> None:
    """Record a publication or data set (its DOI) of the loan, and/or (``complete``) that its results are in."""
    if doi is None and not complete:
        raise ValidationError("give a result's DOI, or say that the results are complete", code=Refusal.DOI_NEEDED)
    facts: dict[str, object] = {"complete": True} if complete else {}
    if doi is not None:
        try:
            facts.update(kind=ResultKind(kind.strip().lower().replace(" ", "")), doi=normalise_doi(doi),
                         title=title.strip())
        except ValueError:
            raise ValidationError(f"unknown result kind {kind!r} (known: {choices(ResultKind)})",
                                  code=Refusal.UNKNOWN_CHOICE, params={"value": kind, "known": choices(ResultKind)}
                                  ) from None
    with db.write() as session:
        signer = find_operator(session, operator)
        allocation = get_allocation(session, reference)
        if allocation.status not in WITH_RESULTS:
            raise RuleViolation(f"allocation {allocation.reference} is {allocation.status.replace('_', ' ')}: "
                                "results come from material handed over", code=Refusal.NO_RESULTS_YET,
                                params={"reference": allocation.reference, "status": allocation.status})
        known = results_by_allocation(session).get(allocation.id, LoanResults())
        if doi is not None and facts["doi"] in {result.doi for result in known.results}:
            raise RuleViolation(f"{facts['doi']} is already recorded for {allocation.reference}",
                                code=Refusal.DOI_RECORDED, params={"doi": facts["doi"],
                                                                   "reference": allocation.reference})
        append_event(session, EventKind.RESULT, signer, at=at, allocation_id=allocation.id, details=facts)
