"""What a message looks like before we try to understand it.

Empty, only emoji or punctuation, HTML, far too long, another language, or the
same message again: each gets its own friendly answer instead of a guess.
Never logs or returns more of the text than the cleaned, cut message itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from bot.dialogue.vocabulary import Vocabulary, vocabulary
from bot.triage.text import clean_text

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")

# kinds, most important first
LEEG = "leeg"  # nothing, or only spaces
GEEN_WOORDEN = "geen_woorden"  # only emoji, digits or punctuation
ANDERSTALIG = "anderstalig"  # no Dutch words, but words of another language or script
GEWOON = "gewoon"

# The one answer per kind of unusable message (responses in domain.yml), for
# every action that reads a message: the hulpvraag, a form answer, the fallback.
UNUSABLE_RESPONSE = {
    LEEG: "utter_leeg",
    GEEN_WOORDEN: "utter_geen_woorden",
    ANDERSTALIG: "utter_anderstalig",
}


@dataclass(frozen=True)
class InputCheck:
    kind: str
    tekst: str  # cleaned (no HTML) and cut to the maximum length
    had_html: bool = False
    afgekapt: bool = False
    herhaald: bool = False

    @property
    def bruikbaar(self) -> bool:
        """Worth triaging: Dutch-looking words are there."""
        return self.kind == GEWOON

    @property
    def controleerbaar(self) -> bool:
        """Worth a crisis check: words in any language (the rules know some English)."""
        return self.kind in (GEWOON, ANDERSTALIG)


def _latin_share(words) -> float:
    letters = [ch for w in words for ch in w]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def looks_foreign(text: str, vocab: Optional[Vocabulary] = None) -> bool:
    """True when the words are clearly not Dutch (another script or language)."""
    vocab = vocab or vocabulary()
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    if _latin_share(words) < 0.5:
        return True
    dutch = sum(1 for w in words if w in vocab.nederlands)
    foreign = sum(1 for w in words if w in vocab.vreemd)
    return foreign >= 2 and foreign > 2 * dutch


def check_input(text: object, previous: Optional[str] = None, vocab: Optional[Vocabulary] = None) -> InputCheck:
    vocab = vocab or vocabulary()
    raw = "" if text is None else str(text)
    had_html = bool(_HTML_HINT.search(raw))
    clean = clean_text(raw)
    afgekapt = len(clean) > vocab.max_tekens
    if afgekapt:
        clean = clean[: vocab.max_tekens].rsplit(" ", 1)[0] or clean[: vocab.max_tekens]
    herhaald = bool(previous) and clean_text(previous).casefold() == clean.casefold() and bool(clean)
    if not clean:
        kind = LEEG
    elif not _WORD.search(clean):
        kind = GEEN_WOORDEN
    elif looks_foreign(clean, vocab):
        kind = ANDERSTALIG
    else:
        kind = GEWOON
    return InputCheck(kind=kind, tekst=clean, had_html=had_html, afgekapt=afgekapt, herhaald=herhaald)


def command_of(text: str, vocab: Optional[Vocabulary] = None) -> Optional[str]:
    """'stoppen' or 'opnieuw' when the whole message is such a command."""
    vocab = vocab or vocabulary()
    stripped = re.sub(r"[\s.!]+$", "", (text or "").strip())
    for name, pattern in vocab.commando.items():
        match = pattern.fullmatch(stripped) if stripped else None
        if match:
            return name
    return None
