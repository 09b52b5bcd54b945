"""Tools > Instruments…: this desk's balance (protocol, serial port or network address, baud rate and
framing, how long to wait for a stable value) with a Test button that reads its serial number and one value,
and its label printers (one URI a line, each with a test print). Saved in the desk's settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from curator.errors import ValidationError
from curator.instruments.balance import open_balance
from curator.instruments.readings import BalanceIdentity, Reading
from curator.instruments.uris import BAUD_RATES, DEFAULT_FRAMING, BalanceAddress
from ui import instrument_settings
from ui.refusals import refusal_text
from ui.worker import Task

PARITY_NAMES = {"N": "none", "E": "even", "O": "odd"}


def test_balance(address: BalanceAddress) -> tuple[BalanceIdentity, Reading]:
    """Who the balance is and one value (moving or not): what the Test button shows."""
    balance = open_balance(address)
    try:
        return balance.identity(), balance.read()
    finally:
        balance.close()


class InstrumentsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Instruments of this desk"))
        self.settings = settings or instrument_settings.instrument_settings()
        self.task: Task | None = None
        self.protocol = QComboBox(self)
        self.protocol.addItem(self.tr("none"), "")
        self.protocol.addItem(self.tr("METTLER TOLEDO (MT-SICS)"), "mtsics")
        self.protocol.addItem(self.tr("Sartorius (SBI)"), "sbi")
        self.connection = QComboBox(self)
        self.connection.addItem(self.tr("serial port"), "serial")
        self.connection.addItem(self.tr("network (TCP)"), "tcp")
        self.port = QComboBox(self)
        self.port.setEditable(True)
        self.port.addItems(_serial_ports())
        self.port.setCurrentText("/dev/ttyUSB0")
        self.baud = QComboBox(self)
        self.baud.addItems([str(rate) for rate in BAUD_RATES])
        self.bytesize = QComboBox(self)
        self.bytesize.addItems(["7", "8"])
        self.parity = QComboBox(self)
        for code, name in PARITY_NAMES.items():
            self.parity.addItem(self._parity_name(name), code)
        self.stopbits = QComboBox(self)
        self.stopbits.addItems(["1", "2"])
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20"))
        self.tcp_port = QSpinBox(self)
        self.tcp_port.setRange(1, 65535)
        self.tcp_port.setValue(4001)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(1, 120)
        self.timeout.setSuffix(self.tr(" s"))
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setMinimumWidth(360)
        self.test_result.setMinimumHeight(3 * self.test_result.fontMetrics().lineSpacing())  # a trouble's line
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.printers = QPlainTextEdit(self)
        self.printers.setPlaceholderText("brother://192.168.1.30:9100?model=QL-820NWB&media=62\nzpl:///dev/usb/lp0?dpi=203")
        self.printers.setTabChangesFocus(True)
        self.printers.setFixedHeight(80)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self._layout()
        self._load()
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        self.connection.currentIndexChanged.connect(self._enable)
        self.test_button.clicked.connect(self.test)
        self._enable()

    def _parity_name(self, name: str) -> str:
        return {"none": self.tr("none"), "even": self.tr("even"), "odd": self.tr("odd")}[name]

    def _layout(self) -> None:
        balance = QGroupBox(self.tr("Balance"), self)
        form = QFormLayout(balance)
        form.addRow(self.tr("Protocol:"), self.protocol)
        form.addRow(self.tr("Connection:"), self.connection)
        form.addRow(self.tr("Serial port:"), self.port)
        form.addRow(self.tr("Baud rate:"), self.baud)
        framing = QHBoxLayout()
        for label, widget in ((self.tr("data bits"), self.bytesize), (self.tr("parity"), self.parity),
                              (self.tr("stop bits"), self.stopbits)):
            framing.addWidget(widget)
            framing.addWidget(QLabel(label, balance))
        form.addRow(self.tr("Framing:"), framing)
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("TCP port:"), self.tcp_port)
        form.addRow(self.tr("Wait for a stable value:"), self.timeout)
        form.addRow(self.test_button, self.test_result)
        printers = QGroupBox(self.tr("Label printers (one URI a line)"), self)
        QVBoxLayout(printers).addWidget(self.printers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(balance)
        layout.addWidget(printers)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _load(self) -> None:
        address = instrument_settings.saved_balance(self.settings)
        self.timeout.setValue(instrument_settings.saved_timeout(self.settings))
        self.printers.setPlainText("\n".join(instrument_settings.saved_printers(self.settings)))
        if address is None:
            self._set_framing("mtsics")
            return
        self.protocol.setCurrentIndex(self.protocol.findData(address.protocol))
        self.connection.setCurrentIndex(self.connection.findData("tcp" if address.is_tcp else "serial"))
        if address.is_tcp:
            self.host.setText(address.host)
            self.tcp_port.setValue(address.port)
            return
        self.port.setCurrentText(address.device)
        self.baud.setCurrentText(str(address.baud))
        self.bytesize.setCurrentText(str(address.bytesize))
        self.parity.setCurrentIndex(self.parity.findData(address.parity))
        self.stopbits.setCurrentText(str(address.stopbits))

    def _set_framing(self, protocol: str) -> None:
        bytesize, parity = DEFAULT_FRAMING[protocol]
        self.baud.setCurrentText("9600")
        self.bytesize.setCurrentText(str(bytesize))
        self.parity.setCurrentIndex(self.parity.findData(parity))
        self.stopbits.setCurrentText("1")

    @Slot()
    def _protocol_changed(self) -> None:
        if self.protocol.currentData():
            self._set_framing(self.protocol.currentData())  # each maker's factory framing
        self._enable()

    @Slot()
    def _enable(self) -> None:
        has_balance = bool(self.protocol.currentData())
        tcp = self.connection.currentData() == "tcp"
        serial_fields: list[QWidget] = [self.port, self.baud, self.bytesize, self.parity, self.stopbits]
        tcp_fields: list[QWidget] = [self.host, self.tcp_port]
        for widget in serial_fields:
            widget.setEnabled(has_balance and not tcp)
        for widget in tcp_fields:
            widget.setEnabled(has_balance and tcp)
        for widget in (self.connection, self.timeout, self.test_button):
            widget.setEnabled(has_balance)

    def address(self) -> BalanceAddress | None:
        """The balance the form describes (None: no balance on this desk)."""
        protocol = str(self.protocol.currentData() or "")
        if not protocol:
            return None
        if self.connection.currentData() == "tcp":
            if not self.host.text().strip():
                raise ValidationError(self.tr("name the balance's host (its network address)"))
            return BalanceAddress(protocol, host=self.host.text().strip(), port=self.tcp_port.value())
        if not self.port.currentText().strip():
            raise ValidationError(self.tr("name the serial port (e.g. /dev/ttyUSB0 or COM3)"))
        return BalanceAddress(protocol, device=self.port.currentText().strip(), baud=int(self.baud.currentText()),
                              bytesize=int(self.bytesize.currentText()), parity=str(self.parity.currentData()),
                              stopbits=int(self.stopbits.currentText()))

    @Slot()
    def test(self) -> None:
        if self.task is not None and not self.task.finished:
            return
        try:
            address = self.address()
        except ValidationError as exc:
            self.test_result.setText(refusal_text(exc))
            return
        if address is None:
            return
        self.test_result.setStyleSheet("color: #555;")
        self.test_result.setText(self.tr("asking the balance…"))
        self._run(lambda _cancelled: test_balance(address), self._tested)

    def _run(self, work: Callable[[Callable[[], bool]], Any], on_done: Callable[[Any], None]) -> None:
        self.task = Task(work)
        self.task.signals.done.connect(on_done)
        self.task.signals.failed.connect(self._test_failed)
        self.task.start()

    def _tested(self, result: tuple[BalanceIdentity, Reading]) -> None:
        identity, reading = result
        state = self.tr("stable") if reading.stable else self.tr("moving")
        self.test_result.setStyleSheet("color: #1b5e20;")
        self.test_result.setText(self.tr("{model}, serial number {serial}: {value} ({state})").format(
            model=identity.model, serial=identity.serial, value=reading.shown, state=state))

    def _test_failed(self, exc: Exception, _details: str) -> None:
        self.test_result.setStyleSheet("color: #c62828;")
        self.test_result.setText(refusal_text(exc))

    def printer_uris(self) -> list[str]:
        from curator.instruments.printers import parse_printer

        uris = [line.strip() for line in self.printers.toPlainText().splitlines() if line.strip()]
        for uri in uris:
            parse_printer(uri)  # a ValidationError names the bad line
        return uris

    def accept(self) -> None:
        try:
            address, printers = self.address(), self.printer_uris()
        except ValidationError as exc:
            self.message.setText(refusal_text(exc))
            return
        instrument_settings.save(self.settings, address, self.timeout.value(), printers)
        super().accept()

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.cancel()
        super().done(result)


def _serial_ports() -> list[str]:
    """The serial ports this computer has now (USB adapters appear when plugged in)."""
    from serial.tools import list_ports

    return sorted(port.device for port in list_ports.comports())
