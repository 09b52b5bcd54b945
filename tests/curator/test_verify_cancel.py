"""A long verification can be stopped (the desk closing must not wait for a million events)."""

import pytest

from curator.integrity import VerifyCancelled, verify


def test_verify_stops_when_asked(demo_db) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return True

    with pytest.raises(VerifyCancelled):
        verify(demo_db, cancelled=cancelled)
    assert asked
    assert verify(demo_db, cancelled=lambda: False) == []
