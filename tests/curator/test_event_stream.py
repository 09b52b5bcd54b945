"""verify's fast walk (curator/event_stream.py) hashes exactly as the chain was written (curator/events.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from curator.event_stream import EventRow, row_hash, stream_events, utc_iso
from curator.events import compute_hash
from curator.integrity import verify
from curator.storage.db import Database
from curator.storage.models import Event

ids = st.one_of(st.none(), st.integers(min_value=0, max_value=2**62))
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))


@settings(max_examples=200, deadline=None)
@given(ids, ids, st.text(), st.text(), moments, st.booleans())
def test_the_fast_hash_is_the_chain_hash(sample_id, mass_ug, note, details, moment, whole_second) -> None:  # type: ignore[no-untyped-def]
    moment = moment.replace(microsecond=0) if whole_second else moment
    columns = dict(id=7, kind="weighed", operator_id=1, sample_id=sample_id, container_id=None, allocation_id=3,
                   mass_ug=mass_ug, from_location_id=None, to_location_id=2, corrects_event_id=None, note=note,
                   details=details, prev_hash="ab" * 32)
    written = compute_hash(SimpleNamespace(**columns, occurred_at=moment.replace(tzinfo=UTC)))  # type: ignore[arg-type]
    stored = moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLite keeps it
    for raw in (stored, moment):  # SQLite's text, a server's naive UTC datetime
        assert row_hash(EventRow(**columns, occurred_at=utc_iso(raw), hash="")) == written


def test_the_stream_reads_every_event_as_stored(demo_db: Database) -> None:
    with demo_db.read() as session:
        streamed = list(stream_events(session))
        stored = session.execute(select(Event.id, Event.hash).order_by(Event.id)).all()
    assert [(event.id, event.hash) for event in streamed] == [tuple(row) for row in stored]
    assert all(row_hash(event) == event.hash for event in streamed)
    assert verify(demo_db) == []


def test_a_time_that_is_no_time_is_kept_and_fails_its_hash() -> None:
    assert utc_iso("yesterday") == "yesterday"
    assert utc_iso("2026-11-27 10:00:00") == "2026-11-27T10:00:00+00:00"
    assert utc_iso(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(microseconds=5)) == "2026-01-01T00:00:00.000005+00:00"
