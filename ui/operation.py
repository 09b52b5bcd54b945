"""The one way the desk writes (the pattern of Anki's ``CollectionOp``).

A dialog or view reads its form on the GUI thread into a ``Write`` (the service call with its values,
what it changes, the line to tell on success) and hands it to ``run_operation``, which

* runs the call on the thread pool (ui.worker.Task), so the desk stays responsive while another desk
  holds the write lock;
* after ``WAIT_NOTICE_MS`` without an answer shows "Waiting for the database…" with Cancel. Cancel
  stops waiting: on SQLite a write still waiting for the lock gives up and nothing is recorded
  (curator.storage.db.lock_waits_while, applied by Task); a transaction already under way, or a server's lock
  wait, cannot be stopped, so the helper tells what happened once the answer comes;
* shows a refusal (CuratorError) in the widget that asked (its ``show_message``, a dialog's message
  line; a message box for a view), and the dialog stays open with what was typed;
* on success publishes the Changes (read off the events the write recorded: curator.recorded_changes)
  through ``Desk.changed`` and tells the line for the status bar.

A long write (an import) reports through a ``Progress``: the asker shows the figures, and once work
is under way the desk no longer says it is waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from curator.changes import Changes
from curator.errors import CuratorError
from curator.recorded_changes import changes_after, last_event_id
from curator.storage.db import Database
from ui.desk import Desk
from ui.refusals import refusal_text
from ui.worker import Task

T = TypeVar("T")
#: How long a write may take before the desk says it is waiting for the database.
WAIT_NOTICE_MS = 300


def _no_text(_result: object) -> str:
    return ""


@dataclass(frozen=True)
class Write(Generic[T]):
    """One service call, its values already read from the form (it runs off the GUI thread, so it must
    not touch a widget), and the line to tell. What it changed is read off the events it recorded."""

    call: Callable[[], T]
    done_text: Callable[[T], str] = _no_text


class Progress(QObject):
    """The figures of a long write, reported from the pool thread; ``report`` answers False once cancelled."""

    #: (done, total), delivered on the GUI thread.
    moved = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False

    def report(self, done: int, total: int) -> bool:
        self.moved.emit(done, total)
        return not self.cancelled

    def cancel(self) -> None:
        self.cancelled = True


class Operation(QObject):
    """One write on its way; keeps itself alive until its answer came (its asker may close meanwhile)."""

    #: The answer came and was shown (success, refusal or given up): the asker may take input again.
    finished = Signal()
    #: Operations whose answer has not come: kept alive here, whatever happens to their asker.
    _running: ClassVar[set[Operation]] = set()

    def __init__(self, desk: Desk, asker: QWidget, write: Write[Any],
                 on_success: Callable[[Any], None] | None = None, progress: Progress | None = None) -> None:
        super().__init__(desk)
        self.desk, self.asker, self.write, self.on_success = desk, asker, write, on_success
        self.abandoned = False
        self.done = False
        self.notice: QProgressDialog | None = None
        self.task = Task(lambda _cancelled: _call(desk.db, write))  # Task gives up a lock wait once cancelled
        self.task.signals.done.connect(self._succeeded)
        self.task.signals.failed.connect(self._failed)
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(self._show_notice)
        if progress is not None:  # figures come once the write holds the lock: it is working, not waiting
            progress.moved.connect(self._close_notice)
        Operation._running.add(self)
        self.notice_timer.start(WAIT_NOTICE_MS)
        self.task.start()

    @property
    def waiting(self) -> bool:
        """Whether "Waiting for the database…" is on show."""
        return self.notice is not None and self.notice.isVisible()

    @Slot()
    def _show_notice(self) -> None:
        if self.done or self.abandoned:
            return
        parent = self.asker if self._asker_open() else None
        self.notice = QProgressDialog(self.tr("Waiting for the database…"), self.tr("Cancel"), 0, 0, parent)
        self.notice.setObjectName("waitingNotice")
        self.notice.setWindowTitle(self.tr("Waiting"))
        self.notice.setWindowModality(Qt.WindowModality.WindowModal)
        self.notice.setMinimumDuration(0)
        self.notice.setAutoReset(False)
        self.notice.canceled.connect(self.stop_waiting)
        self.notice.show()

    @Slot()
    def stop_waiting(self) -> None:
        """The person gives up waiting: a write still waiting for the lock records nothing; one under way
        cannot be stopped and is reported when its answer comes."""
        if self.done or self.abandoned:
            return
        self.abandoned = True
        self.task.cancel()
        self._close_notice()
        if self._asker_open():
            self._show(self.tr("Stopped waiting for the database; asking it whether anything was recorded…"),
                       error=False)

    def _close_notice(self) -> None:
        self.notice_timer.stop()
        if self.notice is not None and shiboken6.isValid(self.notice):  # gone with its asker, maybe
            self.notice.canceled.disconnect(self.stop_waiting)
            self.notice.close()
            self.notice.deleteLater()
        self.notice = None

    def _asker_open(self) -> bool:
        return shiboken6.isValid(self.asker) and self.asker.isVisible()

    def _show(self, text: str, error: bool) -> None:
        show_message = getattr(self.asker, "show_message", None)
        if show_message is not None:
            show_message(text, error=error)
        elif error:
            QMessageBox.warning(self.asker, self.tr("Not recorded"), text)

    @Slot(object)
    def _succeeded(self, answer: tuple[Any, Changes]) -> None:
        result, changes = answer
        self._finish()
        self.desk.publish(changes)
        text = self.write.done_text(result)
        if self.abandoned:
            text = self.tr("{text} (recorded after all: it had begun before you stopped waiting)").format(text=text)
        if text:
            self.desk.tell(text)
        if self.on_success is not None and shiboken6.isValid(self.asker):
            self.on_success(result)
        self.finished.emit()

    @Slot(object, str)
    def _failed(self, exc: Exception, _details: str) -> None:
        self._finish()
        self.desk.check_database()  # a file gone or read-only shows in the status bar at once too
        if not isinstance(exc, CuratorError):
            self.finished.emit()
            raise exc
        if self._asker_open():
            self._show(refusal_text(exc), error=True)
        else:
            self.desk.tell(self.tr("Not recorded: {reason}").format(reason=refusal_text(exc)))
        self.finished.emit()

    def _finish(self) -> None:
        self.done = True
        self._close_notice()
        Operation._running.discard(self)
        self.deleteLater()


def _call(db: Database, write: Write[T]) -> tuple[T, Changes]:
    """The write and what it changed (on the pool thread)."""
    before = last_event_id(db)
    result = write.call()
    return result, changes_after(db, before)


def run_operation(desk: Desk, asker: QWidget, write: Write[Any],
                  on_success: Callable[[Any], None] | None = None, progress: Progress | None = None) -> Operation:
    """Run ``write`` off the GUI thread for ``asker`` (see the module's notes); ``on_success(result)``
    runs on the GUI thread after the changes were published, if the asker still exists. A long write
    passes the ``progress`` its call reports to."""
    return Operation(desk, asker, write, on_success, progress)
