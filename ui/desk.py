"""The desk's shared state: the open database, the signed-in operator, one signal that tells every
view what was recorded (so a recorded event shows at once wherever it is displayed, and a view that
shows none of it does not reload), and the state of the database file (gone, replaced, read-only),
which the window checks every few seconds."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from curator.changes import Changes
from curator.rows import OperatorRow
from curator.storage.db import Database
from curator.storage.sqlite_files import FileProblem


class Desk(QObject):
    """Shared by the main window, the views and the dialogs; holds no domain objects."""

    #: Something was written to the database (a Changes): views that show any of it reload.
    changed = Signal(object)
    #: Another desk committed something (a Changes, also sent on ``changed``): open dialogs on it look again.
    changed_elsewhere = Signal(object)
    #: A line for the status bar: the outcome of a write whose dialog is gone.
    message = Signal(str)
    #: The signed-in operator changed (an OperatorRow).
    operator_changed = Signal(object)
    #: Open this sample in the detail view (its number).
    sample_requested = Signal(str)
    #: The database file's state changed: a FileProblem, or None when the file is fine again.
    database_problem = Signal(object)

    def __init__(self, db: Database, operator: OperatorRow | None = None) -> None:
        super().__init__()
        self.db = db
        self._operator = operator
        self.file_problem: FileProblem | None = None

    def check_database(self) -> FileProblem | None:
        """Look at the database file (one stat: cheap enough for a timer and after every failed write)."""
        problem = self.db.file_problem()
        if problem != self.file_problem:
            self.file_problem = problem
            self.database_problem.emit(problem)
        return problem

    @property
    def database_readable(self) -> bool:
        return self.file_problem is None or self.file_problem.readable

    @property
    def operator(self) -> OperatorRow:
        if self._operator is None:
            raise RuntimeError("no operator is signed in")
        return self._operator

    @property
    def signed_in(self) -> bool:
        return self._operator is not None

    def set_operator(self, operator: OperatorRow) -> None:
        self._operator = operator
        self.operator_changed.emit(operator)

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def publish_elsewhere(self, changes: Changes) -> None:
        """What another desk committed: views reload what they show of it; open dialogs say so."""
        self.changed.emit(changes)
        self.changed_elsewhere.emit(changes)

    def tell(self, text: str) -> None:
        self.message.emit(text)

    def open_sample(self, number: str) -> None:
        self.sample_requested.emit(number)
