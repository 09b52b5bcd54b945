"""The file dialogs' shared parts: a QRunnable for long work (export, import) with determinate progress
and cancel, and a path field with a Browse… button.

``work(report)`` runs on a pool thread; ``report(done, total)`` emits ``progress`` and returns False
once the person cancelled. ``done``/``failed`` arrive on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

Report = Callable[[int, int], bool]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class ProgressTask(QRunnable):
    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.cancelled = False
        self.finished = False

    def report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except Exception as exc:  # shown by the dialog, never lost
            self.finished = True
            self.signals.failed.emit(exc)
            return
        self.finished = True
        self.signals.done.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


def file_row(parent: QWidget, placeholder: str, browse: Callable[[], None]) -> tuple[QLineEdit, QHBoxLayout]:
    """A path field with a Browse… button beside it, for the export and import dialogs."""
    path = QLineEdit(parent)
    path.setPlaceholderText(placeholder)
    button = QPushButton(parent.tr("Browse…"), parent)
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(path)
    row.addWidget(button)
    return path, row
