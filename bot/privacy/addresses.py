"""Street addresses with a house number ("Kerkstraat 12a", "ik woon op Ruiterij 14").

Street suffixes, words that only look like streets, and words that make a
number an amount rather than a house number are in data/privacy/adressen.yml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Pattern, Tuple

from bot.privacy.spans import Span
from bot.privacy.wordlists import lists

# Capitalised words that start a sentence or a phrase, never a street name.
_NOT_LEAD = "In|Op|Aan|Bij|Naar|Ik|Wij|We|Mijn|Ons|Onze|Woon|Wonen|Adres|Naast|Tegenover|Via|Het|De|En|Of|Dus|Maar"
_LEAD = r"(?:(?!(?:" + _NOT_LEAD + r")\s)(?-i:[A-Z])[\w'.]*(?:-[\w']+)*\s+(?:(?:van|de|der|den|het|'t|ter|ten|la|le)\s+)*)"
_HOUSE_NUMBER_TAIL = (
    r"(?:[a-zA-Z](?![\w])|\s(?-i:[A-Z])(?![\w])|-\d{1,4}(?!\d)|-[A-Za-z]{1,2}(?![\w])"
    r"|\s(?:hs|bis|bg|huis|boven|I{1,3})(?![\w]))?"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> Tuple[Pattern[str], Pattern[str]]:
    data = lists()
    units = _alternation(data.not_house_number_before)
    number = r"(\d{1,5})(?!\s*(?:" + units + r")(?![\w]))(?!\d|[.,:]\d)" + _HOUSE_NUMBER_TAIL
    street = re.compile(
        r"(?<![\w])(" + _LEAD + r"{0,4})([\w'-]*(?:" + _alternation(data.street_suffixes) + r"))\s+" + number,
        re.IGNORECASE,
    )
    context = re.compile(
        r"(?<![\w])(?:" + _alternation(data.address_context) + r")(?:\s+(?:de|het|'t))?\s+"
        r"((?-i:[A-Z])[\w'-]*(?:\s+(?:(?-i:[A-Z])[\w'-]*|van|de|der|den|het|'t|ter|ten)){0,4}\s+" + number + ")",
        re.IGNORECASE,
    )
    return street, context


def find_addresses(text: str) -> Iterator[Span]:
    street, context = _patterns()
    data = lists()
    for m in street.finditer(text):
        lead, word = m.group(1), m.group(2)
        if not lead and (word.lower() in data.not_streets or not word[:1].isalpha()):
            continue
        yield Span(m.start(), m.end(), "ADRES", "straat met huisnummer")
    for m in context.finditer(text):
        yield Span(m.start(1), m.end(1), "ADRES", "adres na 'ik woon op/aan'")
