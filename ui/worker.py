"""Long work off the GUI thread: a QRunnable on the global pool, with a progress dialog that can be
cancelled. A cancelled task's result is dropped; a task may also poll ``cancelled()`` to stop early, and
a write it makes that still waits for another desk's lock gives up once it is cancelled
(curator.storage.db.lock_waits_while). Writes from the desk go through ui.operation, which builds on Task."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator.errors import CuratorError
from curator.storage.db import lock_waits_while

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class Task(QRunnable):
    """Runs ``work(cancelled)`` on a pool thread; ``done``/``failed`` arrive on the GUI thread."""

    def __init__(self, work: Callable[[Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.is_cancelled = False
        self.finished = False

    def cancel(self) -> None:
        self.is_cancelled = True

    def start(self) -> None:
        # The pool holds the bound method (so this task) until run() has returned: whoever started the task
        # may drop it as soon as its answer arrives, even while the pool thread is still leaving run().
        QThreadPool.globalInstance().start(self.run)

    def _call(self) -> Any:
        return self.work(lambda: self.is_cancelled)

    def run(self) -> None:
        try:
            with lock_waits_while(lambda: not self.is_cancelled):
                result = self._call()
        except Exception as exc:  # reported on the GUI thread, never lost
            expected = isinstance(exc, CuratorError)  # a refusal or a cancel, shown to the person as is
            log.log(logging.INFO if expected else logging.ERROR, "background task failed\n%s", traceback.format_exc())
            self.finished = True
            self._emit(self.signals.failed, exc, traceback.format_exc())
            return
        self.finished = True
        self._emit(self.signals.done, result)

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody waits for the result
            log.info("a background result was dropped: its receiver is gone")


class ProgressTask(Task):
    """A Task whose work reports determinate progress: ``work(report)``, where ``report(done, total)``
    emits ``signals.progress`` and returns False once the person cancelled (export, import, printing)."""

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any]) -> None:
        super().__init__(lambda _cancelled: work(self.report))  # report() answers "cancelled?" too

    def report(self, done: int, total: int) -> bool:
        self._emit(self.signals.progress, done, total)
        return not self.is_cancelled


class BackgroundJob(QObject):
    """One piece of long work with its progress dialog; keep a reference while it runs."""

    def __init__(self, parent: QWidget, label: str, work: Callable[[Callable[[], bool]], Any],
                 on_done: Callable[[Any], None], on_error: Callable[[Exception, str], None] | None = None,
                 delay_ms: int = 400) -> None:
        super().__init__(parent)
        self.on_done, self.on_error = on_done, on_error
        self.task = Task(work)
        self.progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(self.tr("Working…"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(delay_ms)
        self.progress.canceled.connect(self.cancel)
        self.task.signals.done.connect(self._done)
        self.task.signals.failed.connect(self._failed)
        self.task.start()

    @property
    def running(self) -> bool:
        return not self.task.finished and not self.task.is_cancelled

    @Slot()
    def cancel(self) -> None:
        self.task.cancel()
        self.progress.reset()

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.progress.reset()
        if not self.task.is_cancelled:
            self.on_done(result)

    @Slot(object, str)
    def _failed(self, exc: Exception, details: str) -> None:
        self.progress.reset()
        if self.task.is_cancelled:
            return
        if self.on_error is not None:
            self.on_error(exc, details)
        else:
            raise exc
