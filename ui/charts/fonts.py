"""Matplotlib set-up for the desk: fonts that render Chinese (and Japanese) text, and the Qt backend.

Imported only when a chart is first drawn, so the desk starts without loading matplotlib.
"""

from __future__ import annotations

from functools import cache

#: Tried in order; matplotlib falls back glyph by glyph, so Latin text keeps DejaVu Sans and CJK text
#: uses Noto Sans CJK (Debian: fonts-noto-cjk).
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC"]


@cache
def configure_matplotlib() -> None:
    import matplotlib

    matplotlib.use("QtAgg", force=False)
    # A list of families (not the generic "sans-serif") is what makes matplotlib fall back per glyph.
    matplotlib.rcParams["font.family"] = [*FONT_FAMILIES, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["pdf.fonttype"] = 42
