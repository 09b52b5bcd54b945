"""The desk's Unlock button: an operator whom wrong PINs locked is unlocked at the sign-in, by an admin who
signs the unlock with their own PIN (the same rule and the same event as `curator operator unlock`)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from curator.directory import list_operators, sign_in, unlock
from curator.errors import CuratorError, PermissionDenied
from curator.integrity import verify
from curator.operators import MAX_WRONG_PINS
from curator.permissions import OperatorAction, role_allows
from curator.storage.db import Database
from curator.storage.models import Event, Operator
from tests.factories import DEMO_PINS
from tests.ui.conftest import CURATOR, CURATOR_PIN, TECHNICIAN, TECHNICIAN_PIN
from ui.desk import Desk
from ui.dialogs.signin_dialog import SignInDialog
from ui.dialogs.unlock_dialog import unlockers

ADMIN = "Wang Fang"


def _lock(db: Database, name: str) -> None:
    for _ in range(MAX_WRONG_PINS):
        with pytest.raises(CuratorError):
            sign_in(db, name, "000001")


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A refusal must show inline in the dialog that asked: any message box is recorded (and answered)."""
    shown: list[str] = []

    def box(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, box)
    return shown


def test_an_admin_unlocks_a_locked_operator_at_the_sign_in_by_keyboard(demo_db: Database, qtbot,  # type: ignore[no-untyped-def]
                                                                       no_message_boxes: list[str]) -> None:
    _lock(demo_db, TECHNICIAN)
    dialog = SignInDialog(demo_db, None, CURATOR, Desk(demo_db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.unlock_button.isVisible()  # the curator is not locked
    dialog.who.setCurrentIndex(dialog.who.findData(TECHNICIAN))
    assert "is locked after 5 wrong PINs" in dialog.message.text() and dialog.unlock_button.isVisible()
    for _ in range(5):  # Tab from the PIN to the Unlock… button, Space presses it
        if dialog.focusWidget() is dialog.unlock_button:
            break
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.unlock_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.unlock_dialog is not None and dialog.unlock_dialog.isVisible())
    unlocking = dialog.unlock_dialog
    assert unlocking is not None
    with qtbot.waitActive(unlocking):  # shortcuts such as Ctrl+Enter work in the active window
        unlocking.activateWindow()
    offered = [unlocking.admin.itemData(i) for i in range(unlocking.admin.count())]
    assert offered == [ADMIN]  # only admins may unlock: the curator and the technicians are not offered
    assert unlocking.focusWidget() is unlocking.pin
    qtbot.keyClicks(unlocking.pin, "999999")
    qtbot.keyClick(unlocking.pin, Qt.Key.Key_Return)  # Enter never unlocks (scanner-safe): nothing happens
    assert unlocking.operation is None
    qtbot.keyClick(unlocking.pin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "wrong PIN" in unlocking.message.text(), timeout=20_000)  # inline; it stays open
    assert unlocking.isVisible() and unlocking.focusWidget() is unlocking.pin
    qtbot.keyClicks(unlocking.pin, DEMO_PINS[ADMIN])  # the wrong PIN is selected: typing replaces it
    with qtbot.waitActive(unlocking):  # again (a slow answer showed "Waiting for the database…" meanwhile)
        unlocking.activateWindow()
    qtbot.keyClick(unlocking.pin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not unlocking.isVisible(), timeout=20_000)
    assert f"{TECHNICIAN} was unlocked" in dialog.message.text() and not dialog.unlock_button.isVisible()
    assert dialog.who.currentData() == TECHNICIAN and dialog.focusWidget() is dialog.pin
    qtbot.keyClicks(dialog.pin, TECHNICIAN_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.operator is not None and dialog.operator.name == TECHNICIAN
    assert no_message_boxes == []
    with demo_db.read() as session:
        event = session.execute(select(Event).where(Event.note == "unlocked")).scalar_one()
        signer = session.get(Operator, event.operator_id)
        assert signer is not None and signer.name == ADMIN and event.kind == "amended"
        assert json.loads(event.details)["set"] == {"failed_pins": 0, "locked_until": None}
    assert verify(demo_db) == []


def test_only_admins_unlock_in_the_domain_as_at_the_desk(demo_db: Database) -> None:
    _lock(demo_db, TECHNICIAN)
    operators = list_operators(demo_db)
    for row in operators:  # the desk offers exactly those the domain lets unlock
        assert (row in unlockers(operators, TECHNICIAN)) == (role_allows(row.role, OperatorAction.UNLOCK)
                                                            and row.name != TECHNICIAN)
    with pytest.raises(PermissionDenied, match="only a admin may unlock"):
        unlock(demo_db, CURATOR, CURATOR_PIN, TECHNICIAN)
    with pytest.raises(CuratorError, match="locked"):
        sign_in(demo_db, TECHNICIAN, TECHNICIAN_PIN)
    unlock(demo_db, ADMIN, DEMO_PINS[ADMIN], TECHNICIAN)
    assert sign_in(demo_db, TECHNICIAN, TECHNICIAN_PIN).name == TECHNICIAN
