"""Issue 16: the balance protocols, parsed from the lines real balances send, and their URIs."""

import pytest

from curator.errors import InstrumentError, ValidationError
from curator.instruments.mtsics import parse_weight
from curator.instruments.sbi import parse_line
from curator.instruments.simulator import parse_script
from curator.instruments.uris import parse_balance_uri


@pytest.mark.parametrize(("line", "micrograms", "stable", "shown"), [
    ("S S     100.00 g", 100_000_000, True, "100.00 g"),
    ("S D      12.4987 g", 12_498_700, False, "12.4987 g"),
    ("S S     -0.0021 g", -2_100, True, "-0.0021 g"),
    ("S S   250.123 mg", 250_123, True, "250.123 mg"),
    ("S S      1.234567 g", 1_234_567, True, "1.234567 g"),
])
def test_mtsics_values_are_exact_micrograms_with_the_balance_digits(line, micrograms, stable, shown) -> None:
    taken = parse_weight(line)
    assert (taken.micrograms, taken.stable, taken.shown, taken.raw) == (micrograms, stable, shown, line)


@pytest.mark.parametrize(("line", "message"), [
    ("S +", "overloaded"), ("S -", "underload"), ("S I", "busy"), ("ES", "syntax error"),
    ("ET", "transmission error"), ("EL", "logical error"), ("S S   12.0 ct", "not a mass"),
    ("S S  1.0000001 g", "finer than one microgram"), ("XYZ", "where a S reply was due"),
])
def test_mtsics_refusals_are_one_clear_line_each(line, message) -> None:
    with pytest.raises(InstrumentError, match=message) as caught:
        parse_weight(line)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("line", "micrograms", "stable"), [
    ("+  12.5012 g  ", 12_501_200, True),        # 16 characters (CR LF stripped)
    ("+  12.5012    ", 12_501_200, False),       # no unit: still moving
    ("N     -    0.003 g  ", -3_000, True),      # 22 characters: an ID first
    ("+   250.12 mg ", 250_120, True),
])
def test_sbi_lines(line, micrograms, stable) -> None:
    taken = parse_line(line)
    assert (taken.micrograms, taken.stable) == (micrograms, stable)


@pytest.mark.parametrize(("line", "message"), [
    ("      High    ", "overloaded"), ("      Low     ", "underload"), ("Stat     Err 54    ", "error 54"),
    ("+ 12.5 pcs    ", "not a mass"),
])
def test_sbi_refusals(line, message) -> None:
    with pytest.raises(InstrumentError, match=message):
        parse_line(line)


def test_balance_uris() -> None:
    sbi = parse_balance_uri("sbi:///dev/ttyUSB0?baud=9600&bytesize=7&parity=O")
    assert (sbi.protocol, sbi.device, sbi.baud, sbi.bytesize, sbi.parity, sbi.is_tcp) == (
        "sbi", "/dev/ttyUSB0", 9600, 7, "O", False)
    assert parse_balance_uri(sbi.uri) == sbi
    mt = parse_balance_uri("mtsics:///dev/ttyUSB0?baud=9600")
    assert (mt.bytesize, mt.parity, mt.stopbits) == (8, "N", 1)
    assert parse_balance_uri("sbi:///dev/ttyS0").bytesize == 7  # Sartorius' factory framing
    assert parse_balance_uri("mtsics://COM3").device == "COM3"
    tcp = parse_balance_uri("mtsics+tcp://192.168.1.20:4001")
    assert (tcp.host, tcp.port, tcp.where) == ("192.168.1.20", 4001, "192.168.1.20:4001")


@pytest.mark.parametrize(("uri", "message"), [
    ("ohaus:///dev/ttyUSB0", "not a URI like"), ("mtsics:///dev/ttyUSB0?baud=9601", "baud='9601'"),
    ("sbi:///dev/ttyUSB0?parity=X", "parity='X'"), ("mtsics+tcp://host", "HOST:PORT"),
    ("mtsics:///dev/ttyUSB0?speed=9600", "unknown setting 'speed'"), ("mtsics://", "name the serial port"),
])
def test_bad_balance_uris_are_one_line(uri, message) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_balance_uri(uri)


def test_simulator_scripts() -> None:
    steps = parse_script("unstable 12.49 g x3; drift 1.000 g +0.001 x2; overload; silent; stable 5 mg")
    assert [(s.kind, s.count) for s in steps] == [("unstable", 3), ("drift", 2), ("overload", 1), ("silent", 1),
                                                  ("stable", 1)]
    for bad in ("stable", "overload 3 g", "wobble 1 g", ""):
        with pytest.raises(ValidationError, match="balance script step"):
            parse_script(bad)
