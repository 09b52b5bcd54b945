"""The status bar's word on the database file: every few seconds one stat tells whether the file is
still there, still the file that was opened, and writable; a problem shows in one line, and the
integrity state never says "verified" for a file the desk cannot read.

And the desk in step with the others (``LiveFeed``): what another desk committed shows here within a
second or two, without F5. On a server the write's notification (LISTEN/NOTIFY) wakes the desk through a
socket notifier on the GUI thread; on SQLite a timer reads the chain head once a second. Either way the
desk then reads what the new events changed and publishes it as ``Desk.publish_elsewhere``: views reload
what they show of it (keeping selection and scroll), and an open dialog on a changed sample says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot
from sqlalchemy.exc import DBAPIError

from curator.errors import CuratorError
from curator.feed import LISTEN_TIMEOUT_S, POLL_S, Follower, Listener
from curator.storage.sqlite_files import FileProblem
from ui.desk import Desk
from ui.refusals import said

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CHECK_INTERVAL_MS = 3000
#: Errors that mean "not now" for the live feed: the file or the server is away; the next look tries again.
_AWAY = (CuratorError, DBAPIError)
PROBLEM_STYLE = "color: #c62828; font-weight: bold;"


class DatabaseWatch(QObject):
    """Owned by the main window (its timer stops with it); the desk's ``check_database`` does the looking."""

    def __init__(self, window: MainWindow, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.shown: FileProblem | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(window.desk.check_database)
        window.desk.database_problem.connect(self.show)
        self.timer.start()
        self.live = LiveFeed(window.desk, self)
        known = window.desk.file_problem
        problem = window.desk.check_database()
        if problem is not None and problem == known:
            self.show(problem)  # the desk knew it before this window: no change to announce, shown all the same

    @Slot(object)
    def show(self, problem: FileProblem | None) -> None:
        window, before, self.shown = self.window, self.shown, problem
        if problem is None:
            window.db_label.setText(self.tr("Database: {name}").format(name=window.desk.db.display_name))
            window.db_label.setStyleSheet("")
            window.db_label.setToolTip("")
            if before is not None and not before.readable:
                window.check_integrity()  # the file is back: look again before saying anything about it
            return
        message = said(problem.code, problem.params, problem.message)
        window.db_label.setText(self.tr("Database problem: {problem}").format(problem=message))
        window.db_label.setStyleSheet(PROBLEM_STYLE)
        window.db_label.setToolTip(message)
        if not problem.readable:
            self.integrity_unknown()

    def integrity_unknown(self, reason: str = "") -> None:
        """The integrity state when the chain could not be read: never "verified"."""
        label = self.window.integrity_label
        label.setText(self.tr("Integrity: not known (the database cannot be read)"))
        label.setStyleSheet(PROBLEM_STYLE)
        problem = self.window.desk.file_problem
        label.setToolTip(reason or (said(problem.code, problem.params, problem.message) if problem else ""))

    def stop(self) -> None:
        self.timer.stop()
        self.live.stop()


class LiveFeed(QObject):
    """Publishes what other desks commit: notified by the server, or a look at SQLite's chain head a second."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.follower: Follower | None = None
        self.listener: Listener | None = None
        self.notifier: QSocketNotifier | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(POLL_S * 1000))
        self.timer.timeout.connect(self.look)
        self.timer.start()
        self._start()

    def _start(self) -> None:
        """Note the chain head to follow from, and on a server listen for notifications (else: later)."""
        try:
            if self.follower is None:
                self.follower = Follower(self.desk.db)
            if not self.desk.db.is_sqlite and self.listener is None:
                self.listener = Listener(self.desk.db)
                self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
                self.notifier.activated.connect(self._notified)
                self.timer.setInterval(int(LISTEN_TIMEOUT_S * 1000))  # a safety look; notifications do the work
        except _AWAY:
            self._unlisten()

    @Slot()
    def _notified(self) -> None:
        try:
            if self.listener is not None:
                self.listener.drain()
        except CuratorError:
            self._unlisten()  # the server went away: the timer reconnects and catches up
        self.look()

    def _unlisten(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        self.timer.setInterval(int(POLL_S * 1000))

    @Slot()
    def look(self) -> None:
        """Publish what other desks committed since the last look (the file or server away: next time)."""
        if self.follower is None or (not self.desk.db.is_sqlite and self.listener is None):
            self._start()
        if self.follower is None:
            return
        try:
            changes = self.follower.look()
        except _AWAY:
            return
        if changes is not None:
            self.desk.publish_elsewhere(changes)

    def stop(self) -> None:
        self.timer.stop()
        self._unlisten()
