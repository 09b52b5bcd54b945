"""The demo's borrowers: every institution has its principal investigators registered (signed facts, with an
.example address), and every demo loan names one of its borrower's investigators as its PI."""

from __future__ import annotations

from curator.institutions import institution_rows
from curator.loans import allocation_rows
from curator.storage.db import Database


def test_every_demo_loan_names_a_registered_investigator_of_its_borrower(demo_db: Database) -> None:
    people = {row.name: {person.name: person.email for person in row.investigators}
              for row in institution_rows(demo_db)}
    assert all(people.values()), [name for name, listed in people.items() if not listed]
    assert all(email.endswith(".example") for listed in people.values() for email in listed.values())
    loans = allocation_rows(demo_db)
    assert loans and [(loan.reference, loan.pi) for loan in loans if loan.pi not in people[loan.institution]] == []
    assert len(people["Osaka University"]) == 2  # a borrower with a choice of PI for a new loan
