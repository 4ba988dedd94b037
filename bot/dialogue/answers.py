"""Reading short answers: yes / no / don't know, a feedback score, a field name.

The NLU intent is used when it is confident; otherwise the words of
data/gesprek.yml decide. Free text is never judged beyond that.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.dialogue.vocabulary import Vocabulary, first_match, vocabulary, whole_answer

JA, NEE, WEET_NIET = "ja", "nee", "weet_niet"
_SKIP = re.compile(r"^\s*(overslaan|sla over|skip|liever niet|niet nodig|geen|nee|-)\s*[.!]*\s*$", re.IGNORECASE)
_PC4 = re.compile(r"(?<!\d)([1-9]\d{3})(?!\d)")
INTENT_CONFIDENCE = 0.7


def yes_no(text: str, intent: Optional[str] = None, confidence: float = 0.0,
           vocab: Optional[Vocabulary] = None) -> Optional[str]:
    """'ja', 'nee', 'weet_niet' or None when the answer is something else."""
    vocab = vocab or vocabulary()
    text = text or ""
    # the words decide first: a short typed "nee" must never be read as yes
    if whole_answer(vocab.weet_niet, text):  # before "nee": "weet ik niet" holds "niet"
        return WEET_NIET
    if whole_answer(vocab.nee, text):
        return NEE
    if whole_answer(vocab.ja, text):
        return JA
    if confidence >= INTENT_CONFIDENCE:
        return {"bevestigen": JA, "ontkennen": NEE, "weet_niet": WEET_NIET}.get(intent or "")
    return None


def is_skip(text: str) -> bool:
    """'overslaan', 'liever niet', 'geen': the person skips an optional question."""
    return bool(_SKIP.match(text or ""))


def pc4_of(text: str) -> Optional[str]:
    """The four digits of a postcode (enough to find offers 'in de buurt')."""
    match = _PC4.search(text or "")
    return match.group(1) if match else None


def feedback_score(text: str, vocab: Optional[Vocabulary] = None) -> Optional[int]:
    """1 (niet goed) .. 3 (goed); the most negative match wins ('niet goed' is not 'goed')."""
    vocab = vocab or vocabulary()
    for score, pattern in vocab.feedback:  # ascending: 1 first
        if pattern.search(text or ""):
            return score
    digits = re.fullmatch(r"\s*([123])\s*", text or "")
    return int(digits.group(1)) if digits else None


def field_named(text: str, vocab: Optional[Vocabulary] = None) -> Optional[str]:
    """Which contact field the person wants to correct ('mijn postcode klopt niet')."""
    vocab = vocab or vocabulary()
    found = first_match(vocab.velden, text or "")
    return found[0] if found else None
