"""The base of every recording dialog: a form checked as you type, OK enabled only when it is valid,
one service call on OK run through ui.operation (off the GUI thread, "Waiting for the database…" while
another desk writes), and the domain's refusal shown inline (the dialog stays open with its input).

Scanner first: a barcode scanner types a code and Enter into whatever field has focus, and a gloved hand
presses keys it did not mean to. So a recording dialog opens with focus in its first input, has no
default button (Enter never records and never cancels; Space only presses a button that has focus), and
records only with its OK button or Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from curator.changes import Changes
from ui.desk import Desk
from ui.operation import Operation, Write, run_operation

#: Widgets a person types or chooses in (the first of them gets the focus when a dialog opens).
INPUT_WIDGETS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractButton)
ACCEPT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
#: The width a dialog's message wraps in (and so the narrowest a dialog gets).
MESSAGE_WIDTH = 440


def make_keyboard_safe(dialog: QDialog, buttons: QDialogButtonBox) -> None:
    """No button of ``dialog`` is default or becomes default on focus; Tab leaves multi-line fields;
    an editable combo box does not add what is typed in it; Ctrl+Enter presses the accepting button."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
    for text in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        text.setTabChangesFocus(True)
    for combo in dialog.findChildren(QComboBox):
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for keys in ACCEPT_KEYS:
        QShortcut(QKeySequence(keys), dialog).activated.connect(buttons.accepted)


def first_input(dialog: QWidget, skip: QWidget) -> QWidget | None:
    """The first enabled, visible, editable widget in ``dialog``'s Tab chain that is not inside ``skip``."""
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog:
        if isinstance(widget, INPUT_WIDGETS) and widget.isEnabled() and widget.isVisibleTo(dialog) \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not skip.isAncestorOf(widget) \
                and not getattr(widget, "isReadOnly", lambda: False)():
            return widget
        widget = widget.nextInFocusChain()
    return None


class RecordDialog(QDialog):
    """Subclasses fill ``form``, override ``problem()`` and ``write()``, and call ``revalidate()``.

    A dialog on a sample names it in ``watched``: when another desk changes that sample while the dialog
    is open, the dialog is not interrupted; it reads the sample again (``reread``), says so above OK and
    checks its form again, so OK records against what is stored now."""

    #: Sample numbers this dialog's figures come from (set by the subclass).
    watched: frozenset[str] = frozenset()

    def __init__(self, desk: Desk, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.result_text = ""
        self.operation: Operation | None = None
        self._opened = False
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(MESSAGE_WIDTH)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setToolTip(self.tr("Record (Ctrl+Enter)"))
        self.elsewhere = QLabel(self)
        self.elsewhere.setObjectName("changedElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet("color: #1565c0;")
        self.elsewhere.hide()
        desk.changed_elsewhere.connect(self._changed_elsewhere)
        self.signed = QLabel(self.tr("Signed by {name}").format(name=desk.operator.name), self)
        self.signed.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never narrower than its labels
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.signed)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def read_only_field(self, text: str = "") -> QLineEdit:
        """A shown value (selectable, not a Tab stop)."""
        field = QLineEdit(text, self)
        field.setReadOnly(True)
        field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        return field

    def first_input(self) -> QWidget | None:
        """Where the focus goes when the dialog opens (the first input of the form, unless overridden)."""
        return first_input(self, self.buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._opened:  # once the subclass has built its form
            self._opened = True
            make_keyboard_safe(self, self.buttons)
            target = self.first_input()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def reread(self) -> None:
        """Read again what the form's figures come from (another desk changed it); subclasses override."""

    @Slot(object)
    def _changed_elsewhere(self, changes: Changes) -> None:
        if self.writing or not self.watched or not changes.touches(self.watched):
            return
        self.reread()
        numbers = ", ".join(sorted(self.watched))
        self.elsewhere.setText(self.tr("{numbers} was just changed at another desk: what this dialog shows was "
                                       "read again; check it before OK.").format(numbers=numbers))
        self.elsewhere.show()
        self.revalidate()

    def problem(self) -> str:
        """Why the form cannot be recorded yet ("" when it can)."""
        return ""

    def write(self) -> Write:
        """The one service call that records the form, with the values read from it now (the call runs
        off the GUI thread), what it changes and the line for the status bar."""
        raise NotImplementedError

    @property
    def writing(self) -> bool:
        """Whether the form was sent and its answer has not come yet."""
        return self.operation is not None and not self.operation.done

    def hint(self) -> str:
        """A non-blocking remark shown when the form is valid (e.g. a weighing off the expected mass)."""
        return ""

    @Slot()
    def revalidate(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.show_message(problem or self.hint(), error=bool(problem))

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #8d6e00;")
        self.message.setText(text)

    def accept(self) -> None:
        if self.writing or self.problem():
            return
        self.ok_button.setEnabled(False)
        write = self.write()
        self.operation = run_operation(self.desk, self, write, on_success=lambda result: self._recorded(write, result))
        self.operation.finished.connect(self._answered)

    def _recorded(self, write: Write, result: object) -> None:
        self.result_text = write.done_text(result)
        if self.isVisible():
            super().accept()

    @Slot()
    def _answered(self) -> None:
        if self.isVisible():
            self.ok_button.setEnabled(not self.problem())

    def reject(self) -> None:
        """Closing while the write waits stops waiting; what happened is told in the status bar."""
        if self.writing:
            assert self.operation is not None
            self.operation.stop_waiting()
        super().reject()
