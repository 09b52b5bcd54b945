"""Issue 16 at the desk: Tools > Instruments sets up the balance (Test reads its serial number and a value),
and the weigh dialog reads it with F9: the live value grey while it moves, the stable one put into the mass
field and recorded with the balance's serial; a trouble is one line and fills nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

import ui.instrument_settings
from curator.describe import describe
from curator.history import sample_detail
from curator.instruments.sim_server import running_simulator
from curator.instruments.simulator import SimulatedBalance
from curator.mass import format_mass
from tests.ui.conftest import PRIMARY, press_ok
from ui.dialogs.instruments_dialog import InstrumentsDialog
from ui.dialogs.sample_dialogs import WeighDialog
from ui.widgets.balance_reader import MOVING_STYLE, STABLE_STYLE


@pytest.fixture
def settings() -> QSettings:
    return ui.instrument_settings.instrument_settings()  # the test's own file (tests/ui/conftest.py)


def grams(micrograms: int) -> str:
    return f"{micrograms // 1_000_000}.{micrograms % 1_000_000:06d} g"


def weigh_dialog(desk, qtbot, settings, uri: str) -> WeighDialog:  # type: ignore[no-untyped-def]
    settings.setValue(ui.instrument_settings.BALANCE_KEY, uri)
    settings.setValue(ui.instrument_settings.TIMEOUT_KEY, 3)
    dialog = WeighDialog(desk, PRIMARY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # F9 is a shortcut of the active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_f9_reads_the_balance_and_the_weighing_records_its_serial(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    expected = sample_detail(desk.db, PRIMARY).mass_ug
    script = f"unstable {grams(expected + 900)} x3; stable {grams(expected + 20)}"
    with running_simulator("mtsics", SimulatedBalance(script, "XPR205", "B021002593")) as served:
        dialog = weigh_dialog(desk, qtbot, settings, served.uri)
        seen: list[tuple[bool, str]] = []
        shown = dialog.reader.value
        dialog.reader.live.value.connect(lambda reading: seen.append((reading.stable, shown.styleSheet())))
        assert dialog.focusWidget() is dialog.mass
        qtbot.keyClick(dialog.mass, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: dialog.mass.text() != "", timeout=10_000)  # {dialog.reader.value.text()}
    assert dialog.mass.text() == grams(expected + 20) and dialog.mass.value_ug == expected + 20
    assert [stable for stable, _ in seen] == [False, False, False, True]
    assert seen[0][1] == MOVING_STYLE and dialog.reader.value.styleSheet() == STABLE_STYLE
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    weighed = [row for row in describe(desk.db, PRIMARY)["history"] if row["kind"] == "weighed"][-1]
    assert weighed["mass_ug"] == expected + 20
    assert weighed["facts"]["source"] == "balance" and weighed["facts"]["balance"]["serial"] == "B021002593"


def test_an_overload_is_one_line_and_fills_nothing(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    with running_simulator("sbi", SimulatedBalance("overload"), tcp=True) as served:
        dialog = weigh_dialog(desk, qtbot, settings, served.uri)
        qtbot.mouseClick(dialog.reader.read_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "overloaded" in dialog.reader.value.text(), timeout=10_000)
    assert dialog.mass.text() == "" and not dialog.ok_button.isEnabled()


def test_a_typed_over_reading_is_recorded_as_typed(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    expected = sample_detail(desk.db, PRIMARY).mass_ug
    with running_simulator("mtsics", SimulatedBalance(f"stable {grams(expected)}")) as served:
        dialog = weigh_dialog(desk, qtbot, settings, served.uri)
        qtbot.keyClick(dialog.mass, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: dialog.mass.text() != "", timeout=10_000)
    assert dialog.reader.facts(dialog.mass) is not None
    dialog.mass.clear()
    qtbot.keyClicks(dialog.mass, format_mass(expected))
    assert dialog.reader.facts(dialog.mass) is None


def test_without_a_balance_the_row_says_where_to_set_one_up(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = WeighDialog(desk, PRIMARY)
    qtbot.addWidget(dialog)
    assert not dialog.reader.read_button.isEnabled() and "Tools > Instruments" in dialog.reader.value.text()


def test_instruments_dialog_tests_and_saves_the_balance(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    with running_simulator("sbi", SimulatedBalance("stable 1.2345 g", "Cubis MSE", "0038201"), tcp=True) as served:
        host, port = served.uri.removeprefix("sbi+tcp://").split(":")
        dialog = InstrumentsDialog(settings=settings)
        qtbot.addWidget(dialog)
        dialog.protocol.setCurrentIndex(dialog.protocol.findData("sbi"))
        assert (dialog.bytesize.currentText(), dialog.parity.currentData()) == ("7", "O")  # Sartorius' framing
        dialog.connection.setCurrentIndex(dialog.connection.findData("tcp"))
        assert not dialog.baud.isEnabled() and dialog.host.isEnabled()
        dialog.host.setText(host)
        dialog.tcp_port.setValue(int(port))
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "serial number" in dialog.test_result.text(), timeout=10_000)
    assert dialog.test_result.text() == "Cubis MSE, serial number 0038201: 1.2345 g (stable)"
    dialog.printers.setPlainText("zpl://192.168.1.40:9100?dpi=300\n")
    dialog.accept()
    assert ui.instrument_settings.saved_balance(settings).uri == served.uri
    assert ui.instrument_settings.saved_printers(settings) == ["zpl://192.168.1.40:9100?dpi=300"]


def test_instruments_dialog_refuses_a_bad_printer_line(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = InstrumentsDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.printers.setPlainText("brother://10.0.0.9?model=QL-5")
    dialog.accept()
    assert "model='QL-5' is not one of" in dialog.message.text()
    assert ui.instrument_settings.saved_printers(settings) == []


def test_split_and_return_keep_the_readings_they_took(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from curator import allocations
    from curator.loans import allocation_items
    from curator.vocabulary import AllocationItemStatus
    from ui.dialogs.split_dialog import SplitDialog

    before = sample_detail(desk.db, PRIMARY).mass_ug
    with running_simulator("mtsics", SimulatedBalance("stable 0.050000 g", "XS205", "B77")) as served:
        settings.setValue(ui.instrument_settings.BALANCE_KEY, served.uri)
        dialog = SplitDialog(desk, PRIMARY)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        first_number, first_mass = dialog.child_rows()[0]
        first_mass.setFocus()
        qtbot.keyClick(first_mass, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: first_mass.text() == "0.050000 g", timeout=10_000)
    dialog.child_rows()[1][1].setText("20 mg")
    for index, place in enumerate(dialog.places()):
        place.container.setText(f"VIAL-BAL-{index}")
    dialog.remaining.setText(f"{before - 70_000} µg")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    split = [row for row in describe(desk.db, PRIMARY)["history"] if row["kind"] == "split"][-1]
    assert list(split["facts"]["balance_readings"]) == [first_number.text()]
    assert split["facts"]["balance_readings"][first_number.text()]["serial"] == "B77"

    reference = "CE5-INT-2025-03"  # handed over in the demo
    item = next(i for i in allocation_items(desk.db, reference) if i.status == AllocationItemStatus.HANDED_OVER)
    allocations.record_return(desk.db, desk.operator.name, reference, item.number, item.mass_ug,
                              balance={"serial": "B77", "raw": "S S 1 g"})
    returned = [row for row in describe(desk.db, item.number)["history"] if row["kind"] == "returned"][-1]
    assert returned["facts"]["source"] == "balance" and returned["facts"]["balance"]["serial"] == "B77"


def test_scan_returns_reads_the_balance_into_the_split_scanned_last(desk, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from curator.loans import allocation_items
    from ui.dialogs.scan_session_dialogs import ReturnSessionDialog

    reference = "CE5-INT-2025-03"  # handed over in the demo
    first, second = allocation_items(desk.db, reference)
    with running_simulator("mtsics", SimulatedBalance("stable 0.150000 g", "XS205", "B78")) as served:
        settings.setValue(ui.instrument_settings.BALANCE_KEY, served.uri)
        dialog = ReturnSessionDialog(desk, reference)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        for item in (second, first):
            qtbot.keyClicks(dialog.scan.edit, item.number)
            qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_F9)  # the split scanned last is the one on the balance
        qtbot.waitUntil(lambda: dialog.backs[first.number].text() == "0.150000 g", timeout=10_000)
    assert dialog.backs[second.number].text() == format_mass(second.mass_ug)  # back whole, as typed
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    facts = {number: [row for row in describe(desk.db, number)["history"] if row["kind"] == "returned"][-1]["facts"]
             for number in (first.number, second.number)}
    assert facts[first.number]["source"] == "balance" and facts[first.number]["balance"]["serial"] == "B78"
    assert facts[second.number].get("source") != "balance"
