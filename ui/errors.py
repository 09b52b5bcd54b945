"""Errors never close the desk: an unexpected exception is logged and shown with its details."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from curator.redaction import RedactingFormatter, redact

# lupdate reads translate("Context", "literal") calls; the context must be a literal too.
translate = QCoreApplication.translate

log = logging.getLogger("curator.desk")


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("Curator", "Curator")) / "curator-desk.log"


def setup_logging(path: Path | None = None) -> Path:
    """Log to a file in the user's log folder (and to standard error)."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def exception_box(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> QMessageBox:
    """The dialog that shows an unexpected error; the details hold the traceback."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("errors", "Unexpected error"))
    box.setText(translate("errors", "Something went wrong: {error}\n\nNothing was recorded by the failed step. "
                             "The desk keeps running; the details were written to the log.")
                .format(error=redact(f"{exc_type.__name__}: {exc}")))
    box.setDetailedText(redact("".join(traceback.format_exception(exc_type, exc, tb))))
    return box


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the desk: log, then show the dialog (if a QApplication runs)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None:
        exception_box(exc_type, exc, tb).exec()


def install_exception_hook() -> None:
    sys.excepthook = handle_exception
