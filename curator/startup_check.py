"""The desk's integrity check at start: from the last point this desk verified, not the whole chain again.

A full walk (`curator verify`: every hash, the mass replay, every table against the chain) marks the head
it found consistent in this desk's witness log (curator/witness.py). At the next start, if that was less
than a day ago, the desk checks only what came since: the event at that point still has the hash it had
(so nothing before it was rewritten without the chain showing it), each later event follows the one
before and matches its hash, the chain head names the last one, and every head this desk saw is
unchanged. Otherwise, or when that finds a problem, the full walk runs (in the background, as before).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from curator.errors import Refusal
from curator.event_stream import row_hash, stream_events
from curator.integrity import VerifyCancelled
from curator.problems import Problem
from curator.storage.db import Database
from curator.storage.models import ChainHead
from curator.witness import SeenHead, check, last_verified, verify_with_witnesses, witness_current_head

#: How often the start-up check walks the whole chain at most.
FULL_WALK_EVERY = timedelta(days=1)


def startup_check(db: Database, cancelled: Callable[[], bool] = lambda: False,
                  now: datetime | None = None) -> list[Problem]:
    """Problems found (empty: consistent); a full walk when this desk has none verified within a day."""
    point = last_verified(db)
    if point is None or (now or datetime.now(UTC)) - datetime.fromisoformat(point.seen_at) > FULL_WALK_EVERY:
        return verify_with_witnesses(db, cancelled=cancelled)
    problems = chain_since(db, point, cancelled) + check(db)
    if problems:
        return verify_with_witnesses(db, cancelled=cancelled)  # the full walk names every problem
    witness_current_head(db)
    return problems


def chain_since(db: Database, point: SeenHead, cancelled: Callable[[], bool] = lambda: False) -> list[Problem]:
    """The chain from ``point`` (a verified head) to the current head: links, hashes, the head row."""
    with db.read() as session:
        previous_id, previous_hash, seen = point.event_id, point.hash, False
        for event in stream_events(session, after=point.event_id - 1):
            if event.id % 5000 == 1 and cancelled():
                raise VerifyCancelled("verification cancelled before the end of the chain",
                                      code=Refusal.VERIFY_CANCELLED)
            if event.id == point.event_id:
                seen = True
                if event.hash != point.hash:
                    return [Problem("history was rewritten since this desk last verified it", event.id)]
                continue
            if event.id != previous_id + 1 or event.prev_hash != previous_hash or row_hash(event) != event.hash:
                return [Problem("the chain changed behind the application's back after this desk last verified "
                                "it", event.id)]
            previous_id, previous_hash = event.id, event.hash
        if not seen:
            return [Problem("the event this desk last verified is gone: history was cut", point.event_id)]
        head = session.get(ChainHead, 1)
        if head is None or (head.last_event_id, head.last_hash) != (previous_id, previous_hash):
            return [Problem(f"the chain head does not name the last event ({previous_id})")]
    return []
