"""Features of a text that remember which words they came from.

Word uni-, bi- and trigrams, skip pairs (two words with one to three words in
between: "maak ... einde aan" still meets), and character 3- to 5-grams inside
each word (inflections, typos, compounds). Every feature occurrence keeps the
token range it covers, so a prediction can be traced back to a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Tuple

from bot.triage.normalize import strip_accents

_TOKEN = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)
CHAR_SIZES = (3, 4, 5)
SKIP_GAPS = (2, 3, 4)  # distance between the two words of a skip pair


@dataclass(frozen=True)
class Token:
    norm: str
    start: int  # character offsets in the original text
    end: int


def tokens(text: str) -> List[Token]:
    return [Token(strip_accents(m.group().lower()).replace("’", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def occurrences(toks: List[Token]) -> List[Tuple[str, int, int]]:
    """(feature, first token, last token) for every feature occurrence."""
    found: List[Tuple[str, int, int]] = []
    words = [t.norm for t in toks]
    for i, word in enumerate(words):
        found.append(("w=" + word, i, i))
        padded = f"<{word}>"
        for size in CHAR_SIZES:
            for j in range(max(1, len(padded) - size + 1)):
                found.append(("c=" + padded[j:j + size], i, i))
        if i + 1 < len(words):
            found.append(("b=" + word + " " + words[i + 1], i, i + 1))
        if i + 2 < len(words):
            found.append(("t=" + " ".join(words[i:i + 3]), i, i + 2))
        for gap in SKIP_GAPS:
            if i + gap < len(words):
                found.append(("s=" + word + " .. " + words[i + gap], i, i + gap))
    return found


def analyse(text: str) -> List[str]:
    """The feature list of ``text`` (the analyzer of the TF-IDF vectorizer)."""
    return [feature for feature, _, _ in occurrences(tokens(text))]
