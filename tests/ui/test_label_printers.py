"""Issue 16: labels straight to a label printer. A fake printer on 127.0.0.1 receives each job, the job is
decoded back into images (Brother raster lines, ZPL ^GFA bitmaps) and zbarimg reads each QR code as exactly
its ID; golden files pin the command bytes of one label."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from curator.errors import InstrumentError, ValidationError
from curator.instruments import brother_ql, zpl
from curator.instruments.bitmap import Bitmap
from curator.instruments.printers import parse_printer
from curator.outputs.labels import get_template, label_data, qr_matrix
from curator.storage.db import Database
from tests.ui.label_printer_support import FakePrinter, decode_brother, decode_zpl, qr_text
from ui.cli import main

IDS = ["CE5C0400YJFM00501", "CE5C0100YJFM00503-01-02", "LSL-00001"]
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "labels"


@pytest.fixture
def printer():  # type: ignore[no-untyped-def]
    fake = FakePrinter()
    yield fake
    fake.close()


@pytest.mark.parametrize(("uri", "decode", "dots"), [
    ("brother://127.0.0.1:{port}?model=QL-820NWB&media=62", decode_brother, (720, 343)),
    ("brother://127.0.0.1:{port}?model=QL-700&media=62x29", decode_brother, (720, 271)),
    ("brother://127.0.0.1:{port}?model=QL-1100&media=62", decode_brother, (1296, 343)),
    ("zpl://127.0.0.1:{port}?dpi=203", decode_zpl, (496, 232)),
    ("zpl://127.0.0.1:{port}?dpi=300", decode_zpl, (736, 343)),
])
def test_three_labels_reach_each_printer_kind_and_scan_back(qapp, demo_path, printer, capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             uri, decode, dots) -> None:
    code = main(["labels", *IDS, "--printer", uri.format(port=printer.port), "--db", str(demo_path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    assert out.startswith("sent 3 label(s) to ")
    [job] = printer.wait_jobs(1)
    images = decode(job)
    assert len(images) == 3
    assert (images[0].width - 40, images[0].height - 40) == dots  # true size: 62 x 29 mm at the printer's dpi
    assert [qr_text(image, tmp_path) for image in images] == IDS


def test_no_printer_there_is_one_line_and_nothing_printed(qapp, demo_path, capsys) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as unused:  # a port nobody listens on: the connection is refused
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    code = main(["labels", IDS[0], "--printer", f"zpl://127.0.0.1:{port}", "--db", str(demo_path)])
    _out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "refused the connection" in err and "nothing was printed" in err


def test_a_device_file_printer(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.label_printers import print_labels

    device = tmp_path / "lp0"
    device.touch()
    print_labels(f"zpl://{device}?dpi=203", get_template("62x29"), label_data(demo_db, IDS[:1]))
    [image] = decode_zpl(device.read_bytes())
    assert qr_text(image, tmp_path) == IDS[0]
    with pytest.raises(InstrumentError, match="cannot reach the label printer at .*nothing was printed"):
        print_labels(f"zpl://{tmp_path}/missing/lp0", get_template("62x29"), label_data(demo_db, IDS[:1]))


def test_a_template_that_does_not_fit_the_tape_is_refused(demo_db: Database, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.label_printers import label_job

    with pytest.raises(ValidationError, match="does not fit the printer's 62 x 29 mm labels"):
        label_job(parse_printer("brother://h?model=QL-700&media=62x29"), get_template("62x40-code128"),
                  label_data(demo_db, IDS[:1]))


@pytest.mark.parametrize(("uri", "message"), [
    ("brother://h:9100?model=QL-9000", "model='QL-9000' is not one of"), ("brother://h?model=QL-700&media=29", "media"),
    ("zpl://h?dpi=600", "dpi='600'"), ("lpr://h", "not a URI like"), ("zpl://", "name the printer's host"),
])
def test_bad_printer_uris(uri, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message):
        parse_printer(uri)


def golden_label() -> Bitmap:
    """A 62 x 29 mm label at 300 dpi holding only a QR code of 10-dot modules: no fonts, so the same everywhere."""
    matrix = qr_matrix("CE5C0400YJFM00505")
    pixels = [[False] * 732 for _ in range(342)]
    for row, line in enumerate(matrix):
        for column, black in enumerate(line):
            for dy in range(10):
                for dx in range(10):
                    pixels[50 + row * 10 + dy][60 + column * 10 + dx] = black
    return Bitmap.from_pixels(pixels)


def test_golden_command_bytes(tmp_path: Path) -> None:
    label = golden_label()
    brother = brother_ql.job([label], "QL-820NWB", "62x29")
    assert brother[:200] == b"\x00" * 200 and brother[200:206] == b"\x1b@\x1bia\x01"
    # print information: recovery+kind+width+length, die-cut, 62 mm, 29 mm, 271 lines, first page
    assert brother[206:219] == b"\x1biz\x8e\x0b\x3e\x1d\x0f\x01\x00\x00\x00\x00"
    assert brother.endswith(b"\x1a") and brother.count(b"g\x00\x5a") == 271
    assert brother == (GOLDEN / "brother-ql820nwb-62x29.bin").read_bytes()
    assert zpl.job([label]) == (GOLDEN / "zpl-62x29-300dpi.zpl").read_bytes()
    [decoded] = decode_brother(brother)
    assert qr_text(decoded, tmp_path) == "CE5C0400YJFM00505"


def test_the_print_dialog_lists_label_printers_and_test_prints(demo_db: Database, qtbot, printer,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    import ui.instrument_settings
    from ui.dialogs.print_dialog import PrintLabelsDialog
    from ui.widgets.label_printer_row import TEST_CODE

    settings = ui.instrument_settings.instrument_settings()  # the test's own file (tests/ui/conftest.py)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        dead = unused.getsockname()[1]
    settings.setValue(ui.instrument_settings.PRINTERS_KEY,
                      f"zpl://127.0.0.1:{printer.port}?dpi=203\nbrother://127.0.0.1:{dead}?model=QL-800")
    dialog = PrintLabelsDialog(demo_db, IDS[:2])
    qtbot.addWidget(dialog)
    row = dialog.label_printers
    assert row.printer.count() == 2
    qtbot.mouseClick(row.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.jobs) == 1 and "sent" in row.status.text(), timeout=20_000)
    assert [qr_text(image, tmp_path) for image in decode_zpl(printer.jobs[0])] == [TEST_CODE]
    with qtbot.waitSignal(row.printed, timeout=20_000) as sent:
        qtbot.mouseClick(row.print_button, Qt.MouseButton.LeftButton)
    assert sent.args == [2]
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=5_000)
    assert [qr_text(image, tmp_path) for image in decode_zpl(printer.jobs[1])] == IDS[:2]
    row.printer.setCurrentIndex(1)
    qtbot.mouseClick(row.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the connection" in row.status.text(), timeout=20_000)
