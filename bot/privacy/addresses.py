"""Street addresses with a house number ("Kerkstraat 12a", "ik woon op Ruiterij 14").

Street suffixes, words that only look like streets, and words that make a
number an amount rather than a house number are in data/privacy/adressen.yml.
A cheap pattern finds "word + number" first; only words that end in a street
suffix are then extended backwards with capitalised words ("Burgemeester van
Roijensingel 2").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Pattern, Tuple

from bot.privacy.spans import Span
from bot.privacy.tokens import has_digit, key_words, mentions_any
from bot.privacy.wordlists import lists

# Capitalised words that start a sentence or a phrase, never a street name.
# A lead word has no digits: "NL85ABNA0000000000 Kerkstraat 3" is an IBAN
# and then a street, not one street name (found by hypothesis).
_NOT_LEAD = "In|Op|Aan|Bij|Naar|Ik|Wij|We|Mijn|Ons|Onze|Woon|Wonen|Adres|Naast|Tegenover|Via|Het|De|En|Of|Dus|Maar"
_LEAD = (
    r"(?:(?!(?:" + _NOT_LEAD + r")\s)[A-Z](?:[^\W\d_]|['.])*(?:-[\w']+)*\s+(?:(?:van|de|der|den|het|'t|ter|ten|la|le)\s+)*)"
)
_LEAD_BEFORE = re.compile(r"(?<![\w])(?:" + _LEAD + r"){1,4}$")
_LOOKBACK = 120
_HOUSE_NUMBER_TAIL = (
    r"(?:[a-zA-Z](?![\w])|\s[A-Z](?![\w])|-\d{1,4}(?!\d)|-[A-Za-z]{1,2}(?![\w])"
    r"|\s(?:hs|bis|bg|huis|boven|I{1,3})(?![\w]))?"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> Tuple[Pattern[str], Pattern[str], frozenset]:
    data = lists()
    units = _alternation(data.not_house_number_before)
    number = r"(\d{1,5})(?!\s*(?:(?i:" + units + r"))(?![\w]))(?!\d|[.,:]\d|\s?%)" + _HOUSE_NUMBER_TAIL
    street = re.compile(r"(?<![\w])([^\W\d_][\w'-]*)\s+" + number)
    context = re.compile(
        r"(?<![\w])(?i:" + _alternation(data.address_context) + r")(?:\s+(?i:de|het|'t))?\s+"
        r"([A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|van|de|der|den|het|'t|ter|ten)){0,4}\s+" + number + ")"
    )
    return street, context, key_words(data.address_context)


def find_addresses(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    street, context, context_keys = _patterns()
    data = lists()
    for m in street.finditer(text):
        word = m.group(1)
        lower = word.lower()
        if not lower.endswith(data.street_suffixes):
            continue
        if word[0].islower() and not lower.endswith(data.lowercase_street_suffixes):
            continue
        lead = _LEAD_BEFORE.search(text, max(0, m.start() - _LOOKBACK), m.start())
        if lead is None and lower in data.not_streets:
            continue
        yield Span(lead.start() if lead else m.start(), m.end(), "ADRES", "straat met huisnummer")
    if mentions_any(text, context_keys):
        for m in context.finditer(text):
            yield Span(m.start(1), m.end(1), "ADRES", "adres na 'ik woon op/aan'")
