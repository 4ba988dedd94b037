"""One small recogniser per identifier kind: numbers, codes, e-mail, dates.

Each ``find_*`` function takes the text and yields ``Span``s; the rule name in
each span says which pattern (and which checksum) matched. Names and addresses
have their own modules. Patterns are compiled once at import; the lists a
gemeente may edit come from ``data/privacy/`` (bot.privacy.wordlists).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Pattern, Tuple

from bot.privacy.checksums import elfproef, iban_valid
from bot.privacy.placeholders import PLACEHOLDER_RE
from bot.privacy.spans import Span
from bot.privacy.tokens import has_digit, key_words, mentions_any
from bot.privacy.wordlists import lists

# A digit run must not continue a word, a decimal or another number.
_NUM_START = r"(?<![\w.,/+-])"
_NUM_END = r"(?![\w]|[.,/-]\d)"

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,32}")
_IBAN_NL_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])NL\s?\d{2}\s?[A-Z]{4}\s?\d{4}\s?\d{4}\s?\d{2}(?![A-Za-z0-9])", re.IGNORECASE
)
_PHONE_NL = re.compile(
    # (0800 and 0900 service numbers are never someone's own phone)
    r"(?<![\w+])(?:(?:\+|00)\s?31[\s.-]{0,3}(?:\(0\)[\s.-]{0,3})?|\(?0(?![89]00))"
    r"(?:[\s.\-/()]{0,3}\d){9}(?!\d)"
)
_PHONE_INTERNATIONAL = re.compile(r"(?<![\w+])(?:\+|00)(?!31)\d{2,3}(?:[\s.\-/()]{0,3}\d){7,11}(?!\d)")
_BSN = re.compile(_NUM_START + r"(\d{3}[.\s]?\d{3}[.\s]?\d{3}|\d{4}[.\s]?\d{2}[.\s]?\d{3})" + _NUM_END)
_POSTCODE = re.compile(
    r"(?<![\w])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w])"
)
_POSTCODE_CONTEXT = re.compile(r"(?i:postcode)\s*(?:is\s+|:\s*)?([1-9]\d{3}\s?[A-Za-z]{2})(?![\w])")
_DATE_NUMERIC = re.compile(
    _NUM_START + r"(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}" + _NUM_END
)
_DATE_WORDS = re.compile(
    r"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+(?:" + MONTHS + r")\.?\s+(?:19|20)\d{2}(?![\w])",
    re.IGNORECASE,
)
_DATE_OF_BIRTH = re.compile(
    r"(?:geboren|geboortedatum|geb\.|geb|jarig)\s*(?:op|is|:)?\s*"
    r"((?:0?[1-9]|[12]\d|3[01])(?:[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{2,4})?|(?:e|ste|de)?\s+(?:"
    + MONTHS + r")\.?(?:\s+(?:19|20)?\d{2})?))(?![\w])",
    re.IGNORECASE,
)
_KENTEKEN = re.compile(r"(?<![\w-])([A-Z]{1,3}|\d{1,3})-([A-Z]{1,3}|\d{1,3})-([A-Z]{1,3}|\d{1,3})(?![\w-])")
_KENTEKEN_CONTEXT = re.compile(
    r"(?i:kenteken(?:nummer)?|nummerbord)\s*(?:is\s+|:\s*)?([A-Za-z0-9]{1,3}-?[A-Za-z0-9]{1,3}-?[A-Za-z0-9]{1,3})(?![\w-])"
)
_LONG_NUMBER = re.compile(_NUM_START + r"\d{6,}" + _NUM_END)
_MONEY = re.compile(
    r"(?:€|\beur\b|\beuro\b)\s?\d[\d.,]*(?:,-)?|(?<![\d.,])\d[\d.,]*(?:\s?(?:euro|eur)\b|,-|\s?€)", re.IGNORECASE
)
_TIME = re.compile(r"(?<![\w.,:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\w]|[.,:]\d)(?:\s?uur)?")


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _context_patterns() -> Tuple[Pattern[str], Pattern[str], Tuple[str, ...], Pattern[str], frozenset]:
    data = lists()
    case_number = re.compile(
        r"(?<![\w])(?:" + _alternation(data.number_context) + r")(?![\w])\s*(?:is\s+|:\s*|#\s*|nr\.?\s*)?"
        r"((?=[\w/.-]*\d)[A-Za-z0-9][\w/.-]*[A-Za-z0-9]|\d)(?![\w])",
        re.IGNORECASE,
    )
    bsn = re.compile(
        r"(?<![\w])(?:" + _alternation(data.bsn_context) + r")(?![\w])\s*(?:nummer\s*)?(?:is\s+|:\s*)?"
        r"(\d[\d.\s]{6,10}\d)(?![\w])",
        re.IGNORECASE,
    )
    # one pattern for all public numbers; the group that matched names the number
    public = re.compile(
        r"(?<![\w+])(?<!\d[\s-])(?:" + "|".join(f"(?P<n{i}>{n.pattern})" for i, n in enumerate(data.public_numbers))
        + r")(?![\w]|[\s-]?\d)"
    )
    names = tuple(n.name for n in data.public_numbers)
    return case_number, bsn, names, public, key_words(data.number_context)


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def find_placeholders(text: str) -> Iterator[Span]:
    for m in PLACEHOLDER_RE.finditer(text):
        yield Span(m.start(), m.end(), None, "placeholder")


def find_public_numbers(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    _, _, names, pattern, _ = _context_patterns()
    for m in pattern.finditer(text):
        found = m.groupdict()
        name = next(names[int(k[1:])] for k in sorted(found, key=lambda k: int(k[1:])) if found[k] is not None)
        yield Span(m.start(), m.end(), None, f"openbaar nummer: {name}")


def find_emails(text: str) -> Iterator[Span]:
    if "@" not in text:
        return
    for m in _EMAIL.finditer(text):
        yield Span(m.start(), m.end(), "EMAIL", "e-mailadres")


def find_ibans(text: str) -> Iterator[Span]:
    """IBANs that pass mod-97, and Dutch-shaped IBANs even with a typo."""
    if not has_digit(text):
        return
    for m in _IBAN_NL_SHAPE.finditer(text):
        compact = re.sub(r"\s", "", m.group())
        yield Span(m.start(), m.end(), "IBAN", "iban (mod-97)" if iban_valid(compact) else "iban (Nederlandse vorm)")
    for m in _IBAN_CANDIDATE.finditer(text):
        # try the longest prefix that ends on a word boundary and passes mod-97
        raw = m.group()
        for cut in range(len(raw), 14, -1):
            if raw[cut - 1] in " -" or (cut < len(raw) and raw[cut].isalnum() and raw[cut - 1].isalnum()):
                continue
            if iban_valid(re.sub(r"[ -]", "", raw[:cut])):
                yield Span(m.start(), m.start() + cut, "IBAN", "iban (mod-97)")
                break


def _mask_public_numbers(text: str) -> str:
    """The text with public numbers blanked out (same length), so a phone
    pattern cannot start inside '0800-2000' and swallow the next number."""
    chars = list(text)
    for span in find_public_numbers(text):
        chars[span.start:span.end] = "#" * (span.end - span.start)
    return "".join(chars)


def find_phones(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    text = _mask_public_numbers(text)
    for m in _PHONE_NL.finditer(text):
        yield Span(m.start(), m.end(), "TELEFOON", "telefoonnummer (Nederland)")
    if "+" in text or "00" in text:
        for m in _PHONE_INTERNATIONAL.finditer(text):
            yield Span(m.start(), m.end(), "TELEFOON", "telefoonnummer (buitenland)")


def find_bsns(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    for m in _context_patterns()[1].finditer(text):
        if len(_digits(m.group(1))) in (8, 9):
            yield Span(m.start(1), m.end(1), "BSN", "bsn (na het woord bsn)")
    for m in _BSN.finditer(text):
        if elfproef(_digits(m.group(1))):
            yield Span(m.start(1), m.end(1), "BSN", "bsn (elfproef)")


def find_postcodes(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    for m in _POSTCODE_CONTEXT.finditer(text):
        yield Span(m.start(1), m.end(1), "POSTCODE", "postcode (na het woord postcode)")
    for m in _POSTCODE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE", "postcode")


def find_dates(text: str) -> Iterator[Span]:
    """Full dates (day, month, year) and birthdays; a year alone is kept."""
    if not has_digit(text):
        return
    for m in _DATE_OF_BIRTH.finditer(text):
        yield Span(m.start(1), m.end(1), "DATUM", "geboortedatum")
    for m in _DATE_NUMERIC.finditer(text):
        yield Span(m.start(), m.end(), "DATUM", "datum (dag-maand-jaar)")
    for m in _DATE_WORDS.finditer(text):
        yield Span(m.start(), m.end(), "DATUM", "datum (dag maand jaar)")


def _is_plate(parts) -> bool:
    joined = "".join(parts)
    return len(joined) == 6 and any(c.isalpha() for c in joined) and any(c.isdigit() for c in joined)


def find_kentekens(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    for m in _KENTEKEN_CONTEXT.finditer(text):
        plate = m.group(1).replace("-", "")
        if len(plate) == 6 and any(c.isdigit() for c in plate) and any(c.isalpha() for c in plate):
            yield Span(m.start(1), m.end(1), "KENTEKEN", "kenteken (na het woord kenteken)")
    for m in _KENTEKEN.finditer(text):
        if _is_plate(m.groups()):
            yield Span(m.start(), m.end(), "KENTEKEN", "kenteken (zijcode)")


def find_case_numbers(text: str) -> Iterator[Span]:
    if not has_digit(text) or not mentions_any(text, _context_patterns()[4]):
        return
    for m in _context_patterns()[0].finditer(text):
        if OWN_REFERENCE.fullmatch(m.group(1)):
            continue  # "Uw nummer is WT-4829-K7": the assistant's own reference (below)
        yield Span(m.start(1), m.end(1), "NUMMER", "dossier- of klantnummer")


@lru_cache(maxsize=1)
def _case_shapes() -> Pattern[str]:
    shapes = "|".join(f"(?:{shape.pattern})" for shape in lists().case_number_shapes)
    return re.compile(r"(?<![\w/.-])(?:" + shapes + r")(?![\w]|[-/.]\w)")


# The assistant's own aanmelding reference (bot.aanmelding.reference: WT-7K3M-Q9) is
# no identifier of a person, and the conversation needs it back from the store:
# "WT-4829-K7" has the shape of a zaakcode but is never redacted. (Privacy sits
# below aanmelding in the house, so the shape is written out here; a test checks
# that it equals the reference's own pattern.)
OWN_REFERENCE = re.compile(r"WT-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{2}")


def find_case_shapes(text: str) -> Iterator[Span]:
    """Zaak- and dossiernummers by their shape alone (data/privacy/nummers.yml: zaaknummer_vormen)."""
    if not has_digit(text):
        return
    for m in _case_shapes().finditer(text):
        if OWN_REFERENCE.fullmatch(m.group(0)):
            continue
        yield Span(m.start(), m.end(), "NUMMER", "zaak- of dossiernummer (vorm)")


def find_amounts_and_times(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    for m in _MONEY.finditer(text):
        yield Span(m.start(), m.end(), None, "bedrag")
    for m in _TIME.finditer(text):
        yield Span(m.start(), m.end(), None, "tijd")


def find_long_numbers(text: str) -> Iterator[Span]:
    if not has_digit(text):
        return
    for m in _LONG_NUMBER.finditer(text):
        yield Span(m.start(), m.end(), "NUMMER", "lang nummer (6 of meer cijfers)")
