"""Labels rendered to real PDFs, rasterised and scanned: each QR code reads exactly the ID asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.outputs.labels import LabelData, get_template, label_data, templates
from curator.storage.db import Database
from tests.ui.pdf_checks import decode_labels, page_sizes_mm, pdf_fonts, pdf_text
from ui.printing import MmCanvas, write_labels_pdf

IDS = ["CE5C0400YJFM00501", "CE5C0100YJFM00503-01-02", "LSL-00001"]


@pytest.mark.parametrize("name", sorted(templates()))
def test_every_template_prints_scannable_true_size_labels(name: str, demo_db: Database, qapp,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    template = get_template(name)
    pdf = tmp_path / f"{name}.pdf"
    pages = write_labels_pdf(pdf, template, label_data(demo_db, IDS))
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == pages == (1 if template.per_page > 1 else len(IDS))
    # PDF page sizes are whole points (0.35 mm): true size to within half a point.
    assert abs(sizes[0][0] - template.page_width) <= 0.18 and abs(sizes[0][1] - template.page_height) <= 0.18
    scanned = decode_labels(pdf, template, tmp_path / "png", len(IDS))
    expected_kinds = {"QR-Code", "CODE-128"} if template.barcode else {"QR-Code"}
    for wanted, codes in zip(IDS, scanned, strict=True):
        assert {kind for kind, _ in codes} == expected_kinds, (name, wanted, codes)
        assert {text for _, text in codes} == {wanted}, (name, codes)
    text = pdf_text(pdf)
    for wanted in IDS:
        assert wanted in text
    assert "CE5 · powder" in text and "Container LSL-00001" in text or name == "2x1in"


def test_bilingual_labels_print_chinese_in_the_sc_font(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = get_template("62x29")
    pdf = tmp_path / "both.pdf"
    write_labels_pdf(pdf, template, label_data(demo_db, IDS[:1], "both"))
    text = pdf_text(pdf)
    for wanted in ("Chang'e-5 嫦娥五号", "powder 粉末", "Container 容器 LSL-00001", IDS[0]):
        assert wanted in " ".join(text.split()), wanted
    assert any(name.startswith("NotoSansCJKsc") for name in pdf_fonts(pdf))
    assert [text for _, text in decode_labels(pdf, template, tmp_path / "png", 1)[0]] == [IDS[0]]


def test_a_full_sheet_and_a_second_page(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from curator.storage.models import Sample

    with demo_db.read() as session:
        numbers = list(session.execute(select(Sample.number).order_by(Sample.number).limit(27)).scalars())
    template = get_template("a4-3x8")
    pdf = tmp_path / "sheet.pdf"
    assert write_labels_pdf(pdf, template, label_data(demo_db, numbers)) == 2
    scanned = decode_labels(pdf, template, tmp_path / "png", len(numbers))
    assert [sorted({text for kind, text in codes if kind == "QR-Code"}) for codes in scanned] == [[n] for n in numbers]


def test_long_text_shrinks_to_fit_and_is_never_clipped(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long_id = "CE5C0400YJFM00501-01-02-03-04"
    label = LabelData(long_id, {"id": long_id, "mission": "CE5", "kind": "rock fragment in capsule",
                                "mass": "1234.567891 g", "container": "LSL-AMPOULE-0000099", "date": "2026-11-25"})
    pdf = tmp_path / "long.pdf"
    write_labels_pdf(pdf, get_template("2x1in"), [label])
    text = pdf_text(pdf)
    for value in label.values.values():
        assert value in text  # every character was drawn, none clipped away
    scanned = decode_labels(pdf, get_template("2x1in"), tmp_path / "png", 1)
    assert scanned == [[("QR-Code", long_id)]]


def test_fitted_font_never_exceeds_its_box(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF, QImage, QPainter

    image = QImage(800, 400, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(11811)  # 300 dpi
    image.setDotsPerMeterY(11811)
    painter = QPainter(image)
    canvas = MmCanvas(painter)
    for text in ("A", "CE5C0400YJFM00501-01-02", "W" * 80):
        font = canvas.fitted_font(text, 20, 4, 12, bold=True)
        metrics = QFontMetricsF(font, image)
        assert metrics.horizontalAdvance(text) <= 20 * canvas.px_x + 0.01
        assert metrics.height() <= 4 * canvas.px_y + 0.01
        assert font.pointSizeF() <= 12
    painter.end()


def test_no_labels_means_no_pdf(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        write_labels_pdf(tmp_path / "empty.pdf", get_template("62x29"), [])
    assert not (tmp_path / "empty.pdf").exists()


@pytest.mark.parametrize("code", ["70017,111", "123456", "CE5C0400YJFM00505-01", "Sample #42 (a/b) ~x", "7"])
def test_code128_barcodes_decode_to_the_exact_id(code: str, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = get_template("62x40-code128")
    pdf = tmp_path / "code.pdf"
    write_labels_pdf(pdf, template, [LabelData(code, {"id": code})])
    assert sorted(decode_labels(pdf, template, tmp_path / "png", 1)[0]) == [("CODE-128", code), ("QR-Code", code)]
