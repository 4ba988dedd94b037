"""Cleaning free text before triage: one cleaner for the whole project.

The HTML, whitespace and control-character cleaning lives in
bot.triage.normalize (used by the signal engine); this module only adapts it
for callers that may hand over None or non-strings.
"""

from __future__ import annotations

from bot.triage.normalize import clean_text as _clean

MAX_CLASSIFY_CHARS = 2000  # the classifier sees the start; signals see everything
MAX_TEXT_CHARS = 100_000  # beyond this nothing is read at all


def clean_text(text: object) -> str:
    """Plain text: no HTML tags or scripts, entities decoded, single spaces."""
    if text is None:
        return ""
    return _clean(str(text), max_chars=MAX_TEXT_CHARS, split_stops=False)


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
