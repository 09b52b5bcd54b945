"""Reading rendered PDFs back like a person with a scanner would: poppler rasterises, zbar decodes."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from curator.outputs.labels import LabelTemplate


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """Every page's size in millimetres (pdfinfo)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(round(float(w) * 25.4 / 72, 1), round(float(h) * 25.4 / 72, 1)) for w, h in sizes]


def rasterise(pdf: Path, folder: Path, dpi: int = 300, last_page: int | None = None) -> list[Path]:
    """PNG images of the pages (up to ``last_page``), as a scanner or a person would see them."""
    folder.mkdir(parents=True, exist_ok=True)
    limit = ["-l", str(last_page)] if last_page else []
    subprocess.run(["pdftoppm", "-r", str(dpi), *limit, "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def decode(image: Path) -> list[tuple[str, str]]:
    """(symbology, text) of every QR code and Code 128 barcode zbar finds in ``image``."""
    result = subprocess.run(["zbarimg", "--quiet", "--nodbus", str(image)], capture_output=True, text=True)
    assert result.returncode in (0, 4), result.stderr  # 4: no code found
    return [tuple(line.split(":", 1)) for line in result.stdout.splitlines() if ":" in line]  # type: ignore[misc]


def decode_labels(pdf: Path, template: LabelTemplate, folder: Path, count: int) -> list[list[tuple[str, str]]]:
    """The codes on each label, in print order: every label is cut out and scanned on its own."""
    from PIL import Image

    dpi = 300
    per_mm = dpi / 25.4
    found = []
    for page_index, page in enumerate(rasterise(pdf, folder, dpi)):
        with Image.open(page) as image:
            for slot in range(min(template.per_page, count - page_index * template.per_page)):
                x, y = template.origin(slot)
                cell = image.crop((round(x * per_mm), round(y * per_mm), round((x + template.label_width) * per_mm),
                                   round((y + template.label_height) * per_mm)))
                path = folder / f"label-{page_index}-{slot}.png"
                cell.save(path)
                found.append(sorted(decode(path)))
    return found


def pdf_text(pdf: Path) -> str:
    """The PDF's text, NFKC-normalised (CJK fonts map some ideographs to Kangxi radicals)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


def pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts embedded in the PDF, without their subset prefix (pdffonts)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()]
