"""Near-duplicate institution names: "Osaka Univ." and "Osaka University", or "University of Cologne" and
"Cologne University", name one borrower; two rows for it would split its loans and totals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

#: Abbreviations written out before comparing.
_ABBREVIATIONS = {"univ": "university", "uni": "university", "u": "university", "inst": "institute",
                  "natl": "national", "nat": "national", "lab": "laboratory", "labs": "laboratories",
                  "acad": "academy", "sci": "science", "sciences": "science", "ctr": "center", "centre": "center",
                  "dept": "department", "coll": "college", "tech": "technology", "st": "saint"}
#: Words many institution names share: they say nothing about which one is meant.
_GENERIC = frozenset({"the", "of", "for", "and", "de", "du", "des", "la", "le", "für", "fur", "der", "di", "del",
                      "university", "institute", "institut", "national", "laboratory", "laboratories", "academy",
                      "science", "center", "department", "college", "technology", "research", "school",
                      "universitat", "universite", "universidad", "universita"})
#: How alike two names' distinctive words (or, for a typo in a generic word, the whole names) must be
#: (SequenceMatcher ratio) to count as one borrower.
SIMILAR, SIMILAR_WHOLE = 0.85, 0.92


def _words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return [_ABBREVIATIONS.get(word, word) for word in re.findall(r"[^\W_]+", plain)]


def _distinctive(name: str) -> str:
    words = _words(name)
    core = sorted(word for word in words if word not in _GENERIC)
    return " ".join(core or words)


def alike(first: str, second: str) -> bool:
    """Whether two institution names probably name the same borrower (case, accents, punctuation, word
    order, abbreviations and generic words aside, or a slip of a letter or two)."""
    a, b = _distinctive(first), _distinctive(second)
    if not a or not b:
        return False
    return a == b or SequenceMatcher(None, a, b).ratio() >= SIMILAR or \
        SequenceMatcher(None, " ".join(_words(first)), " ".join(_words(second))).ratio() >= SIMILAR_WHOLE


def near_duplicates(name: str, names: Iterable[str]) -> list[str]:
    """The names among ``names`` that probably name the same borrower as ``name`` (itself left out)."""
    return [other for other in names if other != name and alike(name, other)]
