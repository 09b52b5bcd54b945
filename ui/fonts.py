"""Which fonts draw Chinese: Simplified Chinese faces before any other CJK face, everywhere the desk draws
text (widgets, charts, labels and PDFs).

Han characters are shared by Chinese, Japanese and Korean, but several take different shapes in each
(直, 骨, 返); a font chosen by whatever comes first (Noto Sans CJK JP on Debian) gives Chinese readers
Japanese shapes. Latin text keeps DejaVu Sans; each missing glyph falls back along this list.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication

LATIN_FAMILY = "DejaVu Sans"
#: Tried in order for glyphs the Latin font lacks: Simplified Chinese first (Debian: fonts-noto-cjk).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Sans CJK TC",
                "Noto Sans CJK JP")
#: Printed labels and handover sheets: the same look on every machine.
PRINT_FAMILIES = [LATIN_FAMILY, *CJK_FAMILIES, "Noto Sans"]


def prefer_simplified_chinese(app: QGuiApplication) -> None:
    """The application's font keeps its family for Latin text and takes Chinese glyphs from an SC face."""
    font = QFont(app.font())
    font.setFamilies([font.family(), *(family for family in CJK_FAMILIES if family != font.family())])
    app.setFont(font)
