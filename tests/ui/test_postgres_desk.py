"""The desk on a server whose connection drops while recording: the dialog says so and stays open;
pressing OK again records the event once (needs `make test-pg`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from curator.integrity import verify
from curator.storage.models import Event
from tests.curator.postgres_support import cut_before_the_next_event_insert
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.views.sample_view import SampleView


def test_a_lost_connection_is_told_in_the_dialog_and_ok_again_retries(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    if desk.db.is_sqlite:
        pytest.skip("a PostgreSQL server's connection: run `make test-pg`")
    view = SampleView(desk)
    qtbot.addWidget(view)
    view.show()
    view.show_sample(PRIMARY)
    qtbot.mouseClick(view.buttons["inspect"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.kind.setCurrentIndex(dialog.KINDS.index("note"))
    qtbot.keyClicks(dialog.note, "checked after the network cut")
    with desk.db.read() as session:
        before = session.execute(select(func.count(Event.id))).scalar_one()

    with cut_before_the_next_event_insert(desk.db) as cuts:
        press_ok(qtbot, dialog)
        assert cuts and dialog.isVisible()
        assert "lost the connection" in dialog.message.text() and "try again" in dialog.message.text()
        assert "***" in dialog.message.text()  # the server is named, its password is not
        press_ok(qtbot, dialog)  # the person tries again
    assert closed(dialog)
    with desk.db.read() as session:
        notes = session.execute(select(Event.note).where(Event.id > before)).scalars().all()
    assert notes == ["checked after the network cut"] and verify(desk.db) == []
