"""A database with loans whose masses have odd micrograms, for the workbook tests."""

from __future__ import annotations

from curator import allocations, inventory
from curator.institutions import add_institution
from curator.inventory import ChildSpec
from curator.storage.db import Database
from tests.factories import ADMIN, CURATOR, TECH, sample, seed


def odd_loans(db: Database) -> None:
    """Two borrowers, masses with odd micrograms, one loan partly returned and one requested only; and
    borrowers in China and Hong Kong, whose loans count under China per country."""
    seed(db)
    sample(db, mass_ug=900_000_001)
    numbers = inventory.split(db, TECH, "CE5C0400YJFM00505",
                              [ChildSpec(1_234_567), ChildSpec(7_654_321), ChildSpec(333_333)])
    allocations.create(db, TECH, "OS-1", "Osaka University", "CE5", "Prof. K", 9_000_001)
    allocations.approve(db, CURATOR, "OS-1")
    allocations.hand_over(db, CURATOR, "OS-1", numbers[:2])
    allocations.record_return(db, TECH, "OS-1", numbers[1], 4_000_007)
    allocations.create(db, TECH, "BR-1", "Brown University", "CE5", "Prof. J", 333_333)
    allocations.approve(db, CURATOR, "BR-1")
    allocations.hand_over(db, CURATOR, "BR-1", numbers[2:])
    allocations.create(db, TECH, "BR-2", "Brown University", "CE5", "Prof. J", 5_000)
    add_institution(db, ADMIN, "Peking University", "CN", "Beijing")
    add_institution(db, ADMIN, "The University of Hong Kong", "HK", "Hong Kong")
    for reference, institution, mass_ug in (("PK-1", "Peking University", 1_000_001),
                                            ("HK-1", "The University of Hong Kong", 2_000_003)):
        allocations.create(db, TECH, reference, institution, "CE5", "Prof. L", mass_ug)
        allocations.approve(db, CURATOR, reference)
