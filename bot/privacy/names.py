"""Person names found from their context ("ik heet", "mevrouw", "mijn zoon")
and from the list of common first names in data/privacy/voornamen.txt.

A name is a capitalised word (or, after a strong trigger such as "mijn naam
is", any word) that is not on the never-a-name list, followed by further
capitalised words and particles ("Jan de Vries", "Fatima el Amrani").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional, Pattern, Tuple

from bot.privacy.spans import Span
from bot.privacy.tokens import key_words, mentions_any
from bot.privacy.wordlists import PrivacyLists, lists

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*(?:-[^\W\d_]+)*")
_INITIALS = re.compile(r"(?:[A-Z]\.\s?){1,4}")
_INITIALS_ANY_CASE = re.compile(r"(?:[A-Za-z]\.\s?){1,4}(?=\S)")
_GAP = re.compile(r"[ \t]{1,3}")
_LEAD_PUNCT = re.compile(r"\s*[,:]?\s*")
_LEAD_SPACE = re.compile(r"\s*")
_CAPITALISED = re.compile(r"(?<![\w\[])[A-ZÀ-ÖØ-Þ][^\W\d_]+")
_POSSESSIVE = r"(?:(?:mijn|m'n|onze|ons|haar|zijn|z'n|je|jouw|uw|de|het|een)\s+)?"
_MAX_TOKENS = 5


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _triggers() -> Tuple[Tuple[Pattern[str], bool, bool, bool, str, frozenset], ...]:
    """Per kind of context: (pattern, lowercase name allowed, may start with a
    particle, a comma or colon may follow the trigger, rule, key words)."""
    data = lists()
    keys = (
        key_words(data.strong_name_triggers), key_words(data.weak_name_triggers),
        key_words(data.forms_of_address), key_words(data.relations),
    )
    return tuple(t + (k,) for t, k in zip(_trigger_patterns(data), keys, strict=True))


def _trigger_patterns(data: PrivacyLists):
    end = r"(?![\w])\.?"
    return (
        (re.compile(r"(?<![\w])(?:" + _alternation(data.strong_name_triggers) + r")(?![\w])", re.I), True, True, True,
         "naam na 'mijn naam is' / 'ik heet'"),
        (re.compile(r"(?<![\w])(?:" + _alternation(data.weak_name_triggers) + r")(?![\w])", re.I), False, False, True,
         "naam na 'ik ben' / 'groeten'"),
        (re.compile(r"(?<![\w])(?:" + _alternation(data.forms_of_address) + r")" + end, re.I), False, True, False,
         "naam na 'mevrouw' / 'meneer'"),
        (re.compile(r"(?<![\w])(?i:" + _POSSESSIVE + r")(?:" + _alternation(data.relations) + r")(?:\s+van)?(?![\w])"),
         False, False, False, "naam na 'mijn zoon' / 'moeder van'"),
    )


def _is_name_word(word: str, data: PrivacyLists, lowercase_ok: bool) -> bool:
    lower = word.lower()
    if lower in data.never_names or lower in data.particles:
        return False
    if word[0].isupper():
        return lowercase_ok or not (len(word) > 1 and word.isupper())  # "UWV", "POH" are not names
    return lowercase_ok


def _word_at(text: str, pos: int) -> Optional[re.Match]:
    return _WORD.match(text, pos)


def _surname_tail(text: str, pos: int, data: PrivacyLists, lowercase_ok: bool) -> int:
    """End of further name words after ``pos`` ("de Vries", "El Amrani", "Smit")."""
    end, count = pos, 0
    while count < _MAX_TOKENS:
        gap = _GAP.match(text, end)
        if not gap:
            break
        cursor, particles = gap.end(), 0
        word = _word_at(text, cursor)
        while word and word.group().lower() in data.particles and particles < 3:
            nxt_gap = _GAP.match(text, word.end())
            nxt = _word_at(text, nxt_gap.end()) if nxt_gap else None
            if not nxt:
                return end
            word, particles = nxt, particles + 1
        if not word:
            break
        w = word.group()
        if w[0].isupper() and w.lower() not in data.never_names:
            end, count = word.end(), count + 1
        elif particles and lowercase_ok and w.lower() not in data.never_names:
            end, count = word.end(), count + 1
        else:
            break
    return end


def name_at(
    text: str,
    pos: int,
    lowercase_ok: bool,
    particle_start: bool = False,
    data: Optional[PrivacyLists] = None,
    punct_ok: bool = False,
) -> Optional[Tuple[int, int]]:
    """The (start, end) of a name that begins at ``pos`` (after spaces), or None.

    ``particle_start`` allows a surname alone ("mevrouw de Vries"); after
    "ik ben" or "mijn broer" a particle starts ordinary words ("in België").
    """
    data = data or lists()
    lead = (_LEAD_PUNCT if punct_ok else _LEAD_SPACE).match(text, pos)
    start = lead.end() if lead else pos
    initials = (_INITIALS_ANY_CASE if lowercase_ok else _INITIALS).match(text, start)
    if initials:
        end = _surname_tail(text, initials.end() - (1 if text[initials.end() - 1 : initials.end()] == " " else 0),
                            data, lowercase_ok)
        return (start, end) if end > initials.end() - 1 else (start, initials.end())
    word = _word_at(text, start)
    if word is None:
        return None
    w = word.group()
    if w.lower() in data.particles:
        if not particle_start:
            return None
        tail = _surname_tail(text, start - 1 if start > 0 and text[start - 1] == " " else start, data, False)
        return (start, tail) if tail > word.end() else None
    if not _is_name_word(w, data, lowercase_ok):
        return None
    return start, _surname_tail(text, word.end(), data, lowercase_ok)


def find_context_names(text: str) -> Iterator[Span]:
    data = lists()
    for pattern, lowercase_ok, particle_start, punct_ok, rule, keys in _triggers():
        if not mentions_any(text, keys):
            continue
        for m in pattern.finditer(text):
            found = name_at(text, m.end(), lowercase_ok, particle_start, data, punct_ok)
            if found:
                yield Span(found[0], found[1], "NAAM", rule)


def find_first_names(text: str) -> Iterator[Span]:
    data = lists()
    for m in _CAPITALISED.finditer(text):
        if m.group() in data.first_names:
            yield Span(m.start(), _surname_tail(text, m.end(), data, False), "NAAM", "bekende voornaam")
