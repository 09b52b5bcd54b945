"""The desk app's entry point: open the database, then build the QApplication, sign in and show the
main window. Errors never close the app: they are logged and shown (ui.errors)."""

from __future__ import annotations

import logging
import sys

from curator.db import open_database
from curator.errors import CuratorError


def run(db_arg: str | None) -> int:
    try:
        db = open_database(db_arg)
    except CuratorError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from ui.desk import Desk
    from ui.errors import install_exception_hook, setup_logging
    from ui.main_window import MainWindow, sign_in_window

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Curator")
    app.setOrganizationName("Curator")
    log_file = setup_logging()
    install_exception_hook()
    logging.getLogger("curator.desk").info("desk started on %s (log: %s)", db.display_name, log_file)
    desk = Desk(db)
    if not sign_in_window(None, desk):
        return 0
    window = MainWindow(desk)
    window.show()
    return app.exec()
