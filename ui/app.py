"""The desk app's entry point: open the database, then build the QApplication, sign in and show the
main window. Errors never close the app: they are logged and shown (ui.errors)."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer

from curator.directory import sign_in
from curator.errors import CuratorError
from curator.redaction import redact
from curator.storage.db import open_database
from curator.witness import witnessing
from ui.backup_settings import apply_saved_folder, desk_settings
from ui.language import desk_locale, install_translators

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def run(db_arg: str | None, operator: str | None = None, smoke_test: bool = False,
        language: str | None = None) -> int:
    """Start the desk (in ``language``, e.g. zh_CN, if given); while it is open, every write it commits
    witnesses the chain head it left."""
    with witnessing():
        return _run_desk(db_arg, operator, smoke_test, language)


def _run_desk(db_arg: str | None, operator: str | None, smoke_test: bool, language: str | None) -> int:
    apply_saved_folder(desk_settings())  # backups go where this desk chose, from the first one on
    try:
        db = open_database(db_arg, create=False)  # only `curator init` or `demo` make a new file
        signed_in = sign_in(db, operator, os.environ.get("CURATOR_PIN", "")) if operator else None
    except CuratorError as exc:
        print(f"curator: {redact(exc)}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from ui.desk import Desk
    from ui.errors import install_exception_hook, setup_logging
    from ui.fonts import prefer_simplified_chinese
    from ui.main_window import MainWindow, sign_in_window

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)  # a desk's application draws widgets
    app.setApplicationName("Curator")
    app.setOrganizationName("Curator")
    prefer_simplified_chinese(app)
    locale = desk_locale(desk_settings(), language)
    QLocale.setDefault(locale)  # numbers (%Ln) and dates in the desk's language
    install_translators(app, locale)
    log_file = setup_logging()
    install_exception_hook()
    logging.getLogger("curator.desk").info("desk started on %s (log: %s)", db.display_name, log_file)
    desk = Desk(db, signed_in)
    if signed_in is None and not sign_in_window(None, desk):
        return 0
    window = MainWindow(desk)
    window.show()
    if smoke_test:
        QTimer.singleShot(0, lambda: _report_ready(window))
    return app.exec()


def _report_ready(window: MainWindow) -> None:
    """The window is shown and its first page is in: say so and quit (``curator gui --smoke-test``)."""
    rows = window.containers.model.rowCount()
    print(f"ready: {rows} samples on the first page of {window.windowTitle()}", flush=True)
    window.close()
    QCoreApplication.quit()
