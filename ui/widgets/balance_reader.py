"""The "Read balance" row of the weigh, split and return dialogs: F9 reads the desk's balance off the GUI
thread, shows each value as it comes (grey while it moves) and puts the first stable one into the mass field
that asked; Zero and Tare act on the balance. A trouble (overload, silence...) is one line in the row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from curator.instruments.balance import open_balance, read_once
from curator.instruments.readings import BalanceIdentity, Reading, balance_source
from curator.instruments.uris import BalanceAddress
from ui.instrument_settings import saved_balance, saved_timeout
from ui.refusals import refusal_text
from ui.widgets.mass_edit import MassEdit
from ui.worker import Task

MOVING_STYLE = "color: #9e9e9e; font-size: 15pt;"
STABLE_STYLE = "color: #1b5e20; font-size: 15pt; font-weight: bold;"
TROUBLE_STYLE = "color: #c62828;"


class _Live(QObject):
    value = Signal(object)


class BalanceReader(QWidget):
    """``target()`` names the MassEdit a reading goes into. ``facts(edit)`` gives what the event records about
    the mass in that field: the balance's facts while it holds the reading, None once the person typed."""

    #: A stable reading was put into a field (the Reading).
    taken = Signal(object)

    def __init__(self, parent: QWidget, target: Callable[[], MassEdit | None]) -> None:
        super().__init__(parent)
        self.target = target
        self.address: BalanceAddress | None = saved_balance()
        self.timeout_s = saved_timeout()
        self.task: Task | None = None
        self.live = _Live(self)
        self.live.value.connect(self._show)
        self._facts: dict[int, dict[str, Any]] = {}
        self._watched: set[int] = set()
        self.read_button = QPushButton(self.tr("Read balance (F9)"), self)
        self.zero_button = QPushButton(self.tr("Zero"), self)
        self.tare_button = QPushButton(self.tr("Tare"), self)
        self.value = QLabel(self)
        self.value.setObjectName("balanceValue")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.read_button, self.zero_button, self.tare_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the mass field keeps the focus: it is the target
            layout.addWidget(widget)
        layout.addWidget(self.value, 1)
        self.read_button.clicked.connect(self.read)
        self.zero_button.clicked.connect(lambda: self._act("zero"))
        self.tare_button.clicked.connect(lambda: self._act("tare"))
        QShortcut(QKeySequence("F9"), parent).activated.connect(self.read)
        if self.address is None:
            for button in (self.read_button, self.zero_button, self.tare_button):
                button.setEnabled(False)
            self.value.setText(self.tr("No balance set up on this desk: Tools > Instruments…"))
            self.value.setStyleSheet("color: #555;")
        else:
            self.setToolTip(self.address.where)

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    def facts(self, edit: MassEdit) -> dict[str, Any] | None:
        return self._facts.get(id(edit))

    @Slot()
    def read(self) -> None:
        edit = self.target()
        if self.address is None or self.busy or edit is None:
            return
        address, timeout_s, live = self.address, self.timeout_s, self.live.value
        self._start(lambda cancelled: read_once(address, timeout_s, live.emit, cancelled),
                    lambda result: self._take(edit, *result))
        self.value.setStyleSheet(MOVING_STYLE)
        self.value.setText(self.tr("reading…"))

    def _act(self, action: str) -> None:
        if self.address is None or self.busy:
            return
        address = self.address

        def work(_cancelled: Callable[[], bool]) -> None:
            balance = open_balance(address)
            try:
                balance.zero() if action == "zero" else balance.tare()
            finally:
                balance.close()

        text = self.tr("zeroed") if action == "zero" else self.tr("tared")
        self._start(work, lambda _result: self._say(text, MOVING_STYLE))

    def _start(self, work: Callable[[Callable[[], bool]], Any], on_done: Callable[[Any], None]) -> None:
        self.task = Task(work)
        self.task.signals.done.connect(on_done)
        self.task.signals.failed.connect(lambda exc, _details: self._say(refusal_text(exc), TROUBLE_STYLE))
        self.task.start()

    def _take(self, edit: MassEdit, identity: BalanceIdentity, reading: Reading) -> None:
        self._show(reading)
        if reading.micrograms < 0:
            self._say(self.tr("{value}: below zero; zero the empty balance, then weigh again").format(
                value=reading.shown), TROUBLE_STYLE)
            return
        edit.setText(reading.shown)
        self._facts[id(edit)] = balance_source(identity, reading)
        if id(edit) not in self._watched:  # typed over: a typed mass
            self._watched.add(id(edit))
            edit.textEdited.connect(lambda _text: self._facts.pop(id(edit), None))
        self.taken.emit(reading)

    @Slot(object)
    def _show(self, reading: Reading) -> None:
        self.value.setStyleSheet(STABLE_STYLE if reading.stable else MOVING_STYLE)
        self.value.setText(reading.shown)

    def _say(self, text: str, style: str) -> None:
        self.value.setStyleSheet(style)
        self.value.setText(text)

    def stop(self) -> None:
        """The dialog closes: a reading under way is dropped."""
        if self.task is not None:
            self.task.cancel()


def focused_mass(dialog: QWidget, fallback: list[MassEdit]) -> MassEdit | None:
    """The mass field with the focus, else the first visible empty one of ``fallback``."""
    focused = dialog.focusWidget()
    if isinstance(focused, MassEdit):
        return focused
    return next((edit for edit in fallback if edit.isVisible() and not edit.text().strip()), None)
