"""Is a hulpvraag written mostly in another language than Dutch?

The theme classifier is trained mostly on Dutch: for a Polish, Ukrainian or
Arabic message its confidence says little (a Polish message about work and
housing read as psychisch 0.83). For such a message the theme words and the
signals, which know these languages, lead (bot/triage/themes.py); the
classifier still counts as one piece of evidence.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Letters Dutch does not use but Polish and Turkish do.
_FOREIGN_LETTERS = frozenset("ąćęłńśźżğış")
MIN_WORDS = 3


def mostly_foreign(text: str) -> bool:
    """True when the words are another script, or many carry Polish or Turkish letters.

    English is not counted: the classifier has English sentences of its own and
    reads English well (measured on blind24: leading by the words there lost two).
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return False
    letters = "".join(words)
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin < len(letters) / 2:
        return True
    marked = sum(1 for w in words if _FOREIGN_LETTERS & set(w))
    return marked >= max(2, len(words) * 0.15)
