"""The main window: four views in tabs, menus with standard shortcuts, the scan field (always one key
away), and a status bar with the database, the signed-in operator and the integrity state.

Other features add menu items through ``file_menu`` (File > … before Quit: use ``add_file_action``),
``record_menu`` and ``tools_menu``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QToolBar, QWidget

from curator.changes import EVERYTHING
from curator.directory import identify
from curator.errors import CuratorError
from curator.problems import Problem
from curator.rows import OperatorRow, ScanTarget
from curator.startup_check import startup_check
from curator.vocabulary import LocationKind
from curator.witness import verify_with_witnesses
from ui.backup_settings import choose_folder, desk_settings, keep_daily_backups
from ui.database_watch import DatabaseWatch
from ui.desk import Desk
from ui.dialogs.file_actions import install_file_actions
from ui.dialogs.signin_dialog import SignInDialog
from ui.language import install_language_menu
from ui.refusals import refusal_text, said
from ui.text import label
from ui.views.allocations_view import AllocationsView
from ui.views.charts_view import ChartsView
from ui.views.containers_view import ContainersView
from ui.views.sample_view import SampleView
from ui.widgets.scan_field import ScanCapture, ScanField
from ui.worker import BackgroundJob

VIEW_CONTAINERS, VIEW_SAMPLE, VIEW_ALLOCATIONS, VIEW_CHARTS = range(4)
#: How long after start the integrity check begins (the window is drawn first).
STARTUP_CHECK_DELAY_MS = 500


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, settings: QSettings | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings or desk_settings()
        self.setWindowTitle(self.tr("Curator — lunar sample desk"))
        self.containers = ContainersView(desk, self)
        self.sample = SampleView(desk, self)
        self.allocations = AllocationsView(desk, self)
        self.charts = ChartsView(desk, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("views")
        for view, title in ((self.containers, self.tr("&Containers")), (self.sample, self.tr("Sample &detail")),
                            (self.allocations, self.tr("&Allocations")), (self.charts, self.tr("Chart&s"))):
            self.tabs.addTab(view, title)
        self.setCentralWidget(self.tabs)
        self.scan = ScanField(self)
        self.scan.setObjectName("scanField")
        self.scan_capture = ScanCapture(self.scan, self)
        _application().installEventFilter(self.scan_capture)
        self.verify_job: BackgroundJob | None = None
        self._toolbar()
        self._menus()
        self.file_actions = install_file_actions(self)  # Export…, Import…, Print labels… (issue 4)
        self._status_bar()
        self.scan.scanned.connect(self.open_code)
        desk.sample_requested.connect(self.show_sample)
        desk.operator_changed.connect(self._show_operator)
        desk.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.restore_layout()
        self.integrity_label.setText(self.tr("Integrity: checking…"))
        # After the first paint: the walk competes for the interpreter with everything the desk draws.
        self.startup_check = QTimer(self)
        self.startup_check.setSingleShot(True)
        self.startup_check.timeout.connect(self.check_integrity)
        self.startup_check.start(STARTUP_CHECK_DELAY_MS)
        self.database_watch = DatabaseWatch(self)  # the file gone, replaced or read-only: said at once
        self.backup_timer = keep_daily_backups(self, desk.db)

    # --- building -------------------------------------------------------------------------------
    def _toolbar(self) -> None:
        bar = QToolBar(self.tr("Scan"), self)
        bar.setObjectName("scanToolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr(" Scan: "), bar))
        bar.addWidget(self.scan)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.sign_in_action = self._action(self.file_menu, self.tr("&Switch operator…"), self.switch_operator,
                                           "Ctrl+Shift+O")
        self.file_separator = self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        view_menu = bar.addMenu(self.tr("&View"))
        for index in range(self.tabs.count()):
            self._action(view_menu, self.tabs.tabText(index), lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{index + 1}")
        view_menu.addSeparator()
        self._action(view_menu, self.tr("&Refresh"), lambda: self.desk.publish(EVERYTHING),
                     QKeySequence.StandardKey.Refresh)
        self._action(view_menu, self.tr("&Find…"), self._focus_filter, QKeySequence.StandardKey.Find)
        self.scan_action = self._action(view_menu, self.tr("Scan a c&ode"), self.scan.take_focus, "F2")
        self.record_menu = bar.addMenu(self.tr("&Record"))
        sample = self.sample
        for text, slot, shortcut in ((self.tr("&Weigh…"), sample.weigh, "Ctrl+W"),
                                     (self.tr("S&plit…"), sample.split, "Ctrl+Shift+S"),
                                     (self.tr("&Move…"), sample.move_sample, "Ctrl+M"),
                                     (self.tr("&Open / seal / inspect / note…"), lambda: sample.observe("inspected"),
                                      "Ctrl+E"),
                                     (self.tr("Corr&ection…"), sample.correct, None)):
            self._action(self.record_menu, text, lambda _=False, s=slot: self._record(s), shortcut)
        self.record_menu.addSeparator()
        self.receive_action = self._action(self.record_menu, self.tr("&Receive a sample…"), self.receive,
                                           "Ctrl+Shift+R")
        self._action(self.record_menu, self.tr("&Facility event on a room or cabinet…"), self.record_facility_event)
        self._action(self.record_menu, self.tr("S&tocktake…"), self.stocktake)
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self._action(self.tools_menu, self.tr("&Verify integrity"), lambda: self.check_integrity(True))
        self._action(self.tools_menu, self.tr("&Backup folder…"), self.choose_backup_folder)
        self._action(self.tools_menu, self.tr("&Instruments…"), self.set_up_instruments)
        self.photo_folder_action = self._action(self.tools_menu, self.tr("&Photo folder…"), self.set_photo_folder)
        self.language_choices = install_language_menu(self)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Curator"), self.about)

    @Slot()
    def set_up_instruments(self) -> None:
        from ui.dialogs.instruments_dialog import InstrumentsDialog

        InstrumentsDialog(self).exec()

    @Slot()
    def set_photo_folder(self) -> None:
        """Where the facility keeps images: a facility setting, the same for every desk (curators, admins)."""
        from ui.dialogs.photo_folder_dialog import PhotoFolderDialog

        PhotoFolderDialog(self.desk, self).exec()

    def add_file_action(self, action: QAction) -> None:
        """Put an action (export, import, print…) in the File menu, above Switch operator and Quit."""
        self.file_menu.insertAction(self.sign_in_action, action)

    def _status_bar(self) -> None:
        self.db_label = QLabel(self.tr("Database: {name}").format(name=self.desk.db.display_name), self)
        self.operator_label = QLabel(self)
        self.integrity_label = QLabel(self)
        self.integrity_label.setObjectName("integrityLabel")
        for widget in (self.db_label, self.operator_label, self.integrity_label):
            self.statusBar().addPermanentWidget(widget)
        if self.desk.signed_in:
            self._show_operator()

    # --- behaviour ------------------------------------------------------------------------------
    @Slot(str)
    def open_code(self, code: str) -> None:
        """A scanned or typed code: a sample opens in the detail view; a container or a position opens the
        sample in it; a shelf, rack or cabinet opens in the storage tree; what holds nothing says so."""
        try:
            target = identify(self.desk.db, code)
        except CuratorError as exc:
            self.scan.refuse(refusal_text(exc))
            return
        if target.kind == "location":
            self._open_location(target)
            return
        if target.kind == "container" and not target.numbers:
            if target.where:  # its position, in its shelf's map
                self._show_position(target.where)
            where = target.where or self.tr("not in any position")
            self.scan.done(self.tr("container {barcode} ({kind}) is empty; at {place}").format(
                barcode=target.code, kind=label(target.what), place=where))
            return
        if target.kind == "container" and len(target.numbers) > 1:
            self.containers.show_code(target.code)
            self.tabs.setCurrentWidget(self.containers)
            self.scan.done(self.tr("container {barcode}: %n sample(s)", "", len(target.numbers)).format(
                barcode=target.code))
            return
        self.show_sample(target.numbers[0])
        self.scan.done(self.tr("{kind} {code}").format(kind=self.tr("container") if target.kind == "container"
                                                        else self.tr("sample"), code=target.code))

    def _open_location(self, target: ScanTarget) -> None:
        """A scanned location: the sample at a position opens; otherwise the storage tree shows the place."""
        if target.what == LocationKind.POSITION and len(target.numbers) == 1:
            self.show_sample(target.numbers[0])
            self.scan.done(self.tr("position {path}: container {barcode}").format(path=target.code,
                                                                                  barcode=target.where))
            return
        if target.what == LocationKind.POSITION:
            self._show_position(target.code)
            if not target.where:
                message = self.tr("position {path} is free").format(path=target.code)
            elif not target.numbers:
                message = self.tr("position {path} holds container {barcode}, which is empty").format(
                    path=target.code, barcode=target.where)
            else:  # a box of several samples
                message = self.tr("position {path} holds container {barcode}: %n sample(s)", "",
                                  len(target.numbers)).format(path=target.code, barcode=target.where)
            self.scan.done(message)
            return
        self.containers.select_location(target.code)
        self.tabs.setCurrentWidget(self.containers)
        message = self.tr("{kind} {path}: {taken}/{positions} positions taken").format(
            kind=label(target.what), path=target.code, taken=target.taken, positions=target.positions)
        if target.next_free:  # named from the scanned place: "Shelf 2 / P07" in a cabinet
            message += self.tr("; next free: {path}").format(path=target.next_free.removeprefix(f"{target.code} / "))
        self.scan.done(message)

    def _show_position(self, path: str) -> None:
        """A position in the storage map of its shelf or rack, marked."""
        self.containers.select_location(path.rsplit(" / ", 1)[0] if " / " in path else path)
        self.containers.map.mark(path)
        self.tabs.setCurrentWidget(self.containers)

    @Slot(str)
    def show_sample(self, number: str) -> None:
        self.sample.show_sample(number)
        self.tabs.setCurrentWidget(self.sample)

    def _record(self, slot: Callable[[], object]) -> None:
        if self.sample.number is None:
            self.statusBar().showMessage(self.tr("Open a sample first (scan it)."), 5000)
            return
        self.tabs.setCurrentWidget(self.sample)
        slot()

    def receive(self) -> None:
        """Receive a primary sample into its container and position; the new sample is shown."""
        from ui.dialogs.receive_dialog import ReceiveDialog

        dialog = ReceiveDialog(self.desk, self)
        if dialog.exec() == ReceiveDialog.DialogCode.Accepted:
            self.show_sample(dialog.number)

    def record_facility_event(self) -> None:
        """A facility event on the location chosen in the containers view (or one chosen in the dialog)."""
        from ui.dialogs.facility_event_dialog import FacilityEventDialog

        FacilityEventDialog(self.desk, self.containers.model.query.location, self).exec()

    def stocktake(self) -> None:
        """Count the containers of the location chosen in the containers view (or one chosen in the dialog)."""
        from ui.dialogs.stocktake_dialog import StocktakeDialog

        StocktakeDialog(self.desk, self.containers.model.query.location, self).exec()

    def _focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.containers)
        self.containers.filter.setFocus()

    @Slot()
    def switch_operator(self) -> None:
        dialog = SignInDialog(self.desk.db, self, self.desk.operator.name if self.desk.signed_in else "", self.desk)
        dialog.accepted.connect(lambda: self._switch_to(dialog.operator))
        dialog.open()
        self.sign_in_dialog = dialog

    def _switch_to(self, operator: OperatorRow | None) -> None:
        if operator is not None:  # an accepted sign-in always has its operator
            self.desk.set_operator(operator)

    def _show_operator(self, *_args: object) -> None:
        operator = self.desk.operator
        self.operator_label.setText(self.tr("Operator: {name} ({role})").format(name=operator.name,
                                                                                role=label(operator.role)))

    @Slot()
    def check_integrity(self, with_progress: bool = False) -> None:
        """Verify the hash chain and mass balances off the GUI thread (at start, and from Tools > Verify
        integrity with a progress dialog that can be cancelled); the status bar shows the outcome."""
        if self.verify_job is not None and self.verify_job.running:
            self.verify_job.cancel()
        file_problem = self.desk.db.file_problem()
        if file_problem is not None and not file_problem.readable:
            self.database_watch.integrity_unknown(said(file_problem.code, file_problem.params, file_problem.message))
            return
        self.integrity_label.setText(self.tr("Integrity: checking…"))
        db = self.desk.db
        self.verify_job = BackgroundJob(self, self.tr("Verifying the chain of custody…"),
                                        lambda cancelled: (verify_with_witnesses if with_progress else startup_check)(
                                            db, cancelled=cancelled),
                                        self._integrity_checked, self._integrity_failed,
                                        delay_ms=300 if with_progress else 10**9)

    def _integrity_failed(self, exc: Exception, _details: str) -> None:
        if not isinstance(exc, CuratorError):
            raise exc
        self.database_watch.integrity_unknown(refusal_text(exc))

    def _integrity_checked(self, problems: list[Problem]) -> None:
        file_problem = self.desk.db.file_problem()  # the file may have gone while the walk ran
        if file_problem is not None and not file_problem.readable:
            self.database_watch.integrity_unknown(said(file_problem.code, file_problem.params, file_problem.message))
        elif problems:
            self.integrity_label.setText(self.tr("Integrity: %n problem(s)", "", len(problems)))
            self.integrity_label.setStyleSheet("color: #c62828; font-weight: bold;")
            self.integrity_label.setToolTip("\n".join(str(problem) for problem in problems[:30]))
        else:
            self.integrity_label.setText(self.tr("Integrity: verified"))
            self.integrity_label.setStyleSheet("color: #2e7d32;")
            self.integrity_label.setToolTip(
                self.tr("Hash chain, mass balances and the chain heads this desk saw are consistent."))

    @Slot()
    def choose_backup_folder(self) -> None:
        folder = choose_folder(self, self.settings, self.desk.db)
        if folder:
            self.statusBar().showMessage(self.tr("Automatic backups now go to {folder}").format(folder=folder), 8000)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Curator"), self.tr(
            "Curator — the lunar sample curation desk.\nEvery handling step is signed and hash chained."))

    # --- layout memory ----------------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for view in (self.containers, self.sample, self.allocations):
            view.restore_state(self.settings)
        self.tabs.setCurrentIndex(int(str(self.settings.value("window/view", VIEW_CONTAINERS))))
        last = str(self.settings.value("sample/last", "") or "")
        if last:
            try:
                self.sample.show_sample(last)
            except CuratorError:
                pass

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/view", self.tabs.currentIndex())
        for view in (self.containers, self.sample, self.allocations):
            view.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.startup_check.stop()  # a desk closed at once never starts its walk
        self.database_watch.stop()
        if self.verify_job is not None and self.verify_job.running:
            self.verify_job.cancel()
        self.save_layout()
        _application().removeEventFilter(self.scan_capture)
        super().closeEvent(event)


def sign_in_window(parent: QWidget | None, desk: Desk, settings: QSettings | None = None) -> bool:
    """Ask who is at the desk (blocking, at start), offering the last operator; False if they cancelled."""
    settings = settings or desk_settings()
    dialog = SignInDialog(desk.db, parent, str(settings.value("operator/last", "") or ""), desk)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.operator is None:
        return False
    desk.set_operator(dialog.operator)
    settings.setValue("operator/last", dialog.operator.name)
    return True


def _application() -> QCoreApplication:
    """The running application (it outlives every window)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("a main window needs a running QApplication")
    return app
