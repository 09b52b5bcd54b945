"""Behaviour that must not depend on the backend (SQLite file under `make test`, server under `make test-pg`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from curator import allocations, handling, inventory
from curator.errors import ValidationError
from curator.events import chain_head_code
from curator.integrity import verify
from curator.reports import ReportFilter, mass_report, report_total
from curator.storage.models import Event, Location
from tests.factories import CURATOR, SHELF, TECH, sample, seed


def test_a_text_longer_than_its_column_is_refused_alike(db) -> None:
    seed(db)
    with pytest.raises(ValidationError, match="name is limited to 100 characters"):
        inventory.add_location(db, TECH, SHELF, "position", "P" * 101)
    with db.read() as session:
        assert session.execute(select(Location).where(Location.kind == "position")).scalars().all() != []
        assert not session.execute(select(Location).where(Location.name.startswith("PPPP"))).first()


def test_a_nul_character_is_refused_alike_and_records_nothing(db) -> None:
    seed(db)
    number = sample(db)
    with db.read() as session:
        before = chain_head_code(session)
    with pytest.raises(ValidationError, match="note contains a NUL character"):
        handling.record_observation(db, TECH, "note", number, "pasted from a scanner\x00")
    with db.read() as session:
        assert chain_head_code(session) == before
    assert verify(db) == []


def test_times_come_back_aware_in_utc_to_the_microsecond(db) -> None:
    seed(db)
    sample(db)
    with db.read() as session:
        last_id, occurred = session.execute(select(Event.id, Event.occurred_at).order_by(Event.id.desc())).first()
        code = chain_head_code(session)
    assert occurred.tzinfo is UTC and code.startswith(f"{last_id}-")


def test_report_dates_are_whole_utc_days(db) -> None:
    seed(db)
    sample(db, mass_ug=5_000_000)
    late_evening = datetime(2026, 3, 31, 23, 59, 59, 999_999, tzinfo=UTC)
    allocations.create(db, CURATOR, "CE5-A", "Osaka University", "CE5", "Dr. Ito", 100, at=late_evening)
    allocations.approve(db, CURATOR, "CE5-A", at=late_evening)
    allocations.create(db, CURATOR, "CE5-B", "Brown University", "CE5", "Dr. Lee", 200,
                       at=datetime(2026, 4, 1, tzinfo=UTC))
    allocations.approve(db, CURATOR, "CE5-B", at=datetime(2026, 4, 1, tzinfo=UTC))

    def allocated(first: date | None, last: date | None) -> int:
        return report_total(mass_report(db, "country", ReportFilter(date_from=first, date_to=last))).allocated_ug

    assert allocated(date(2026, 3, 31), date(2026, 3, 31)) == 100
    assert allocated(date(2026, 4, 1), None) == 200
    assert allocated(None, date(2026, 4, 1)) == 300
    assert [row.key for row in mass_report(db, "year")] == ["2026"]
