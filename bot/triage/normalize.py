"""Clean raw input text and compute the comparison form (NORM) of tokens.

Two steps, kept apart on purpose:

* ``clean_text`` makes the text safe to tokenise (HTML removed, invisible and
  control characters dropped, whitespace collapsed, very long input capped)
  without changing the words, so that the ``bewijs`` of a signal is still
  what the person wrote.
* ``norm_form`` maps a lower-cased token to the form the rules compare on:
  informal or misspelled words via the ``normalisatie`` table of
  ``data/signalen/taal.yml`` ("nie" -> "niet", "zelfmoort" -> "zelfmoord"),
  accents removed ("suïcide" == "suicide", "cliënt" == "client").
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Mapping

# Longest text the engine looks at. A chat message is far shorter; pasted
# documents are cut here (see SignalEngine: the text is matched in chunks, so a
# crisis phrase anywhere in the first MAX_CHARS characters is still found).
MAX_CHARS = 20_000

_SCRIPT_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# A tag starts with a letter, '/' or '!' right after '<' ("<b>", "</p>", "<!--"); a
# bare "<" ... ">" around text ("< ik wil niet meer leven >", "<3") is text, not a tag.
_TAG = re.compile(r"<[/!]?[A-Za-z!][^<>]{0,500}>")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\s*\n\s*")
# A sentence-ending full stop glued to a short word ("aan me.") can make spaCy's
# Dutch tokenizer keep "me." as one abbreviation-like token; split it off.
_FINAL_STOP = re.compile(r"(?<=\w)\.(?=\s+[A-Z]|\s*$)")


def clean_text(text: str, max_chars: int = MAX_CHARS, split_stops: bool = True) -> str:
    """The text with HTML, control characters and extra whitespace removed.

    ``split_stops`` detaches sentence-final stops for the matcher; text meant
    for people (the stored hulpvraag) keeps them as written.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    text = text[: max_chars * 2]  # bound the regex work before cleaning
    text = _SCRIPT_STYLE.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _NEWLINES.sub("\n", text)
    text = text.strip()[:max_chars]
    return _FINAL_STOP.sub(" .", text) if split_stops else text  # after the cap: it only adds spaces


@lru_cache(maxsize=65536)
def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm_form(lower: str, spelling: Mapping[str, str]) -> str:
    """The comparison form of one lower-cased token."""
    plain = strip_accents(lower)
    return spelling.get(plain, plain)
