"""Cleaning free text before triage: HTML, whitespace, length."""

from __future__ import annotations

import html
import re

MAX_CLASSIFY_CHARS = 2000  # the classifier sees the start; signals see everything

_TAG = re.compile(r"<[^>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


def clean_text(text: object) -> str:
    """Plain text: no HTML tags or scripts, entities decoded, single spaces."""
    if text is None:
        return ""
    value = str(text)
    value = _SCRIPT.sub(" ", value)
    value = _TAG.sub(" ", value)
    value = html.unescape(value)
    return _SPACE.sub(" ", value).strip()


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
