"""Matplotlib set-up for the desk: fonts that render Chinese with Simplified Chinese glyphs (ui/fonts.py),
and the Qt backend.

Imported only when a chart is first drawn, so the desk starts without loading matplotlib.
"""

from __future__ import annotations

from functools import cache

from ui.fonts import CJK_FAMILIES, LATIN_FAMILY


@cache
def chart_families() -> list[str]:
    """Latin text in DejaVu Sans, Chinese in the first installed CJK family of ui.fonts (SC first): only
    installed families, so matplotlib does not warn about the others, and one CJK font, which covers all
    Han characters (each one matplotlib falls back to is loaded, tens of megabytes)."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return [family for family in (LATIN_FAMILY, *CJK_FAMILIES) if family in installed][:2]


@cache
def configure_matplotlib() -> None:
    import matplotlib

    matplotlib.use("QtAgg", force=False)
    # A list of families (not the generic "sans-serif") is what makes matplotlib fall back per glyph.
    matplotlib.rcParams["font.family"] = [*chart_families(), "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["pdf.fonttype"] = 42
