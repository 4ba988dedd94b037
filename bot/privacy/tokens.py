"""Cheap pre-checks shared by the recognisers: the words and digits of a text.

A recogniser with a long list of context words first checks whether any of
its key words occurs at all, which keeps a typical message well under 1 ms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, Iterable

_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16)
def lowercase_words(text: str) -> FrozenSet[str]:
    return frozenset(_WORDS.findall(text.lower()))


def key_words(phrases: Iterable[str]) -> FrozenSet[str]:
    """Every word of every phrase: a phrase can only match if one of them occurs."""
    return frozenset(w for phrase in phrases for w in _WORDS.findall(phrase.lower()))


def mentions_any(text: str, keys: FrozenSet[str]) -> bool:
    return not keys.isdisjoint(lowercase_words(text))


@lru_cache(maxsize=16)
def has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)
