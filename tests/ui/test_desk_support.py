"""Sign-in, the exception dialog and log, and background work with a cancellable progress dialog."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import CURATOR, CURATOR_PIN, TECHNICIAN, TECHNICIAN_PIN
from ui.dialogs.signin_dialog import SignInDialog
from ui.errors import exception_box, handle_exception, setup_logging
from ui.worker import BackgroundJob


def _choose(dialog: SignInDialog, name: str, pin: str = "") -> None:
    dialog.who.setCurrentIndex(dialog.who.findData(name))
    dialog.pin.setText(pin)


def test_curators_sign_in_with_their_pin(demo_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _choose(dialog, CURATOR)
    assert dialog.pin.isEnabled()
    qtbot.keyClicks(dialog.pin, "000000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.operator is None and "wrong PIN" in dialog.message.text()
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, CURATOR_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.operator is not None and dialog.operator.name == CURATOR and dialog.operator.is_curator


def test_technicians_sign_in_with_their_pin_too(demo_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    _choose(dialog, TECHNICIAN)
    assert dialog.pin.isEnabled()
    dialog.accept()
    assert dialog.operator is None and "wrong PIN" in dialog.message.text()
    _choose(dialog, TECHNICIAN, TECHNICIAN_PIN)
    dialog.accept()
    assert dialog.operator is not None and dialog.operator.role == "technician"


def test_the_sign_in_shows_the_lockout(demo_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    for _ in range(5):
        _choose(dialog, TECHNICIAN, "000001")
        dialog.accept()
    assert "locked for 5 minutes" in dialog.message.text()
    _choose(dialog, TECHNICIAN, TECHNICIAN_PIN)
    dialog.accept()
    assert dialog.operator is None and "locked after 5 wrong PINs until" in dialog.message.text()
    again = SignInDialog(demo_db)  # the next sign-in says so as soon as the operator is chosen
    qtbot.addWidget(again)
    _choose(again, CURATOR)
    _choose(again, TECHNICIAN)
    assert "is locked after 5 wrong PINs until" in again.message.text()


def test_sign_in_at_start_offers_the_last_operator(demo_db, tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from ui.desk import Desk
    from ui.main_window import sign_in_window

    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    offered: list[str] = []

    def answer(dialog: SignInDialog) -> int:
        offered.append(str(dialog.who.currentData()))
        _choose(dialog, TECHNICIAN, TECHNICIAN_PIN)
        dialog.accept()
        return SignInDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", answer)
    desk = Desk(demo_db)
    assert sign_in_window(None, desk, settings) and desk.operator.name == TECHNICIAN
    assert sign_in_window(None, desk, settings)
    assert offered == [CURATOR, TECHNICIAN]  # alphabetical first, then the last one who signed in


def test_switching_operator_from_the_file_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.sign_in_action.trigger()
    dialog = window.sign_in_dialog
    _choose(dialog, TECHNICIAN, TECHNICIAN_PIN)
    dialog.accept()
    assert window.desk.operator.name == TECHNICIAN and TECHNICIAN in window.operator_label.text()
    assert not window.sample.buttons["correct"].isEnabled()


def test_menus_can_be_extended_by_other_features(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    action = QAction("Export…", window)
    window.add_file_action(action)
    actions = window.file_menu.actions()
    assert actions.index(action) < actions.index(window.quit_action)


def test_an_unexpected_error_is_logged_and_shown(tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    log_file = setup_logging(tmp_path / "desk.log")
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        handle_exception(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ZeroDivisionError: boom" in log_file.read_text(encoding="utf-8")
    assert shown and "boom" in shown[0].text() and "Traceback" in shown[0].detailedText()
    box = exception_box(ValueError, ValueError("x"), None)
    assert box.windowTitle() == "Unexpected error"
    logging.getLogger().removeHandler(logging.getLogger().handlers[-1])


def test_background_work_reports_on_the_gui_thread(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    job = BackgroundJob(parent, "adding", lambda _cancelled: threading.current_thread().name, results.append)
    qtbot.waitUntil(lambda: bool(results))
    assert results[0] != threading.main_thread().name and not job.running


def test_background_work_can_be_cancelled(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    results: list[object] = []

    def work(cancelled):  # type: ignore[no-untyped-def]
        release.wait(5)
        return "stopped early" if cancelled() else "finished"

    job = BackgroundJob(parent, "long work", work, results.append, delay_ms=0)
    qtbot.waitUntil(lambda: job.progress.isVisible())
    qtbot.mouseClick(job.progress.findChild(__import__("PySide6.QtWidgets").QtWidgets.QPushButton),
                     Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: job.task.finished)
    qtbot.wait(50)
    assert results == [] and job.task.is_cancelled


def test_errors_in_background_work_reach_the_caller(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[Exception] = []

    def work(_cancelled):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gone")

    BackgroundJob(parent, "failing", work, lambda _: None, lambda exc, _details: errors.append(exc))
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "disk gone"


def test_an_exception_in_a_button_handler_reaches_the_dialog(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtWidgets import QPushButton

    import ui.errors

    caught: list[BaseException] = []
    monkeypatch.setattr(ui.errors, "exception_box", lambda _t, exc, _tb: caught.append(exc) or QMessageBox())
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(sys, "excepthook", ui.errors.handle_exception)
    button = QPushButton("boom")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert caught and isinstance(caught[0], ZeroDivisionError)
    button.setText("still here")  # the app carries on
    assert button.text() == "still here"
