"""The status bar's word on the database file: every few seconds one stat tells whether the file is
still there, still the file that was opened, and writable; a problem shows in one line, and the
integrity state never says "verified" for a file the desk cannot read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from curator.storage.sqlite_files import FileProblem

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CHECK_INTERVAL_MS = 3000
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
        window.db_label.setText(self.tr("Database problem: {problem}").format(problem=problem.message))
        window.db_label.setStyleSheet(PROBLEM_STYLE)
        window.db_label.setToolTip(problem.message)
        if not problem.readable:
            self.integrity_unknown()

    def integrity_unknown(self, reason: str = "") -> None:
        """The integrity state when the chain could not be read: never "verified"."""
        label = self.window.integrity_label
        label.setText(self.tr("Integrity: not known (the database cannot be read)"))
        label.setStyleSheet(PROBLEM_STYLE)
        label.setToolTip(reason or (self.window.desk.file_problem.message if self.window.desk.file_problem else ""))

    def stop(self) -> None:
        self.timer.stop()
