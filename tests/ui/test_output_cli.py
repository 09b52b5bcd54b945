"""`curator export`, `labels` and `handover` from the command line, headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.ui.pdf_checks import decode, pdf_text, rasterise
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real program in a fresh process, as a person would start it."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def headless_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_export_command_writes_the_workbook_without_qt(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "ce5.xlsx"
    code = ("import sys; from ui.cli import main; status = main(sys.argv[1:]); "
            "print('qt loaded' if 'PySide6' in sys.modules else 'no qt'); sys.exit(status)")
    result = subprocess.run([sys.executable, "-c", code, "export", str(out), "--db", str(demo_path), "--mission",
                             "CE5", "--from", "2021-01-01", "--operator", "Chen Jing"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "no qt" in result.stdout and "allocations" in result.stdout
    register = load_workbook(out)["Allocations"]
    assert {row[6] for row in register.iter_rows(min_row=2, values_only=True)} == {"CE5"}


def test_export_in_chinese_or_both_languages(demo_path: Path, tmp_path: Path) -> None:
    for language, first_sheet in (("zh", "分配登记"), ("both", "Allocations 分配登记"), ("en", "Allocations")):
        out = tmp_path / f"{language}.xlsx"
        assert main(["export", str(out), "--db", str(demo_path), "--language", language]) == 0
        assert load_workbook(out, read_only=True).sheetnames[0] == first_sheet


def test_export_bad_date_is_one_line_and_status_2(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main(["export", str(tmp_path / "x.xlsx"), "--db", str(demo_path), "--from", "yesterday"])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_labels_command_headless_without_a_display(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    result = run("labels", "CE5C0400YJFM00501", "LSL-00001", "-o", str(out), "--template", "62x40-code128",
                 "--db", str(demo_path), env=headless_env())
    assert result.returncode == 0, result.stderr
    assert "2 label(s) on 2 page(s)" in result.stdout
    images = rasterise(out, tmp_path / "png")
    assert [sorted(decode(image)) for image in images] == [
        [("CODE-128", "CE5C0400YJFM00501"), ("QR-Code", "CE5C0400YJFM00501")],
        [("CODE-128", "LSL-00001"), ("QR-Code", "LSL-00001")]]


def test_unknown_id_is_a_clear_error_and_no_pdf(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "labels.pdf"
    assert main(["labels", "CE5C0400YJFM00501", "NO-SUCH-ID", "-o", str(out), "--db", str(demo_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "NO-SUCH-ID" in err
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_unknown_template_lists_the_known_ones(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["labels", "LSL-00001", "-o", str(tmp_path / "l.pdf"), "--template", "9x9",
                 "--db", str(demo_path)]) == 2
    assert "a4-3x8" in capsys.readouterr().err


def test_handover_command(demo_path: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sheet.pdf"
    assert main(["handover", "CE5-INT-2025-03", "-o", str(out), "--bilingual", "--db", str(demo_path)]) == 0
    assert decode(rasterise(out, tmp_path / "png")[0]) == [("QR-Code", "CE5-INT-2025-03")]
    text = pdf_text(out)
    assert "Osaka University" in text and "接收人" in text


def test_labels_command_in_chinese(demo_path: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "zh.pdf"
    assert main(["labels", "CE5C0400YJFM00501", "-o", str(out), "--language", "zh", "--db", str(demo_path)]) == 0
    text = pdf_text(out)
    assert "嫦娥五号" in text and "粉末" in text and "容器 LSL-00001" in text


def test_handover_of_unknown_allocation(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sheet.pdf"
    assert main(["handover", "NOPE-1", "-o", str(out), "--db", str(demo_path)]) == 2
    assert "NOPE-1" in capsys.readouterr().err and not out.exists()


def test_an_unwritable_target_is_one_clear_line(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["export", str(blocker / "out.xlsx"), "--db", str(demo_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("curator: cannot write") and "\n" not in err
