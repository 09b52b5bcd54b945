"""matplotlib's navigation toolbar with its buttons in the desk's language (matplotlib's own are English).
Imported only when a chart is first drawn (matplotlib is slow to import)."""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_qtagg import NavigationToolbar2QT
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: matplotlib's (text, tooltip) of each button by its callback, marked for lupdate.
WORDS = {
    "home": (QT_TRANSLATE_NOOP("ChartToolbar", "Home"), QT_TRANSLATE_NOOP("ChartToolbar", "Reset original view")),
    "back": (QT_TRANSLATE_NOOP("ChartToolbar", "Back"), QT_TRANSLATE_NOOP("ChartToolbar", "Back to previous view")),
    "forward": (QT_TRANSLATE_NOOP("ChartToolbar", "Forward"),
                QT_TRANSLATE_NOOP("ChartToolbar", "Forward to next view")),
    "pan": (QT_TRANSLATE_NOOP("ChartToolbar", "Pan"),
            QT_TRANSLATE_NOOP("ChartToolbar", "Left button pans, right button zooms")),
    "zoom": (QT_TRANSLATE_NOOP("ChartToolbar", "Zoom"), QT_TRANSLATE_NOOP("ChartToolbar", "Zoom to rectangle")),
    "configure_subplots": (QT_TRANSLATE_NOOP("ChartToolbar", "Subplots"),
                           QT_TRANSLATE_NOOP("ChartToolbar", "Configure subplots")),
    "edit_parameters": (QT_TRANSLATE_NOOP("ChartToolbar", "Customize"),
                        QT_TRANSLATE_NOOP("ChartToolbar", "Edit axis, curve and image parameters")),
    "save_figure": (QT_TRANSLATE_NOOP("ChartToolbar", "Save"), QT_TRANSLATE_NOOP("ChartToolbar", "Save the figure")),
}


def _translated(item: tuple[Any, ...]) -> tuple[Any, ...]:
    text, tooltip, image, callback = item
    if callback not in WORDS:
        return item
    words = WORDS[callback]
    return (QCoreApplication.translate("ChartToolbar", str(words[0])),
            QCoreApplication.translate("ChartToolbar", str(words[1])), image, callback)


class ChartToolbar(NavigationToolbar2QT):
    """NavigationToolbar2QT whose buttons and tooltips are translated (when made, after the translators)."""

    def __init__(self, canvas: Any, parent: Any) -> None:
        self.toolitems = [_translated(item) for item in NavigationToolbar2QT.toolitems]
        super().__init__(canvas, parent)
