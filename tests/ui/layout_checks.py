"""What a person sees must be whole: no two visible sibling widgets overlap, every label's text fits, and
each keyboard mnemonic (Alt+letter) names one thing in a window."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter), lower-cased; None without one ('&&' is a literal '&')."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def overlaps(root: QWidget) -> list[str]:
    """Visible children of a widget that lays out its children, whose rectangles intersect (a widget
    created with a parent but left out of the layout sits at (0, 0), over the first row)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.layout() is None:
            continue
        children = [child for child in widget.children() if isinstance(child, QWidget) and child.isVisible()
                    and not child.isWindow()]
        for first, second in combinations(children, 2):
            if first.geometry().intersects(second.geometry()):
                found.append(f"{_name(first)} overlaps {_name(second)} in {_name(widget)}")
    return found


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they have."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            need, have = label.heightForWidth(label.width()), label.height()
        else:
            need, have = label.sizeHint().width(), label.width()
        if need > have + 1:
            found.append(f"{_name(label)} needs {need} px, has {have}")
    return found


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Alt+letters used twice among what a window shows at once (menu bar, tabs, buttons, labels with a
    buddy, group boxes), and twice within one menu."""
    texts: list[str] = []
    for bar in window.findChildren(QMenuBar):
        texts += [action.text() for action in bar.actions() if action.isVisible()]
    for tabs in window.findChildren(QTabBar):
        if tabs.isVisible():
            texts += [tabs.tabText(index) for index in range(tabs.count())]
    texts += [button.text() for button in window.findChildren(QAbstractButton) if button.isVisible()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.isVisible() and label.buddy()]
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisible()]
    clashes = [f"Alt+{letter} in {window.windowTitle()!r}: " + ", ".join(t for t in texts if mnemonic(t) == letter)
               for letter, count in Counter(filter(None, map(mnemonic, texts))).items() if count > 1]
    for menu in window.findChildren(QMenu):
        letters = Counter(filter(None, (mnemonic(action.text()) for action in menu.actions())))
        clashes += [f"Alt+{letter} twice in menu {menu.title()!r}" for letter, count in letters.items() if count > 1]
    return clashes
