"""Checksums that tell a real identifier from a random number."""

from __future__ import annotations

import string

_LETTER_VALUES = {c: str(10 + i) for i, c in enumerate(string.ascii_uppercase)}

# Length of the IBAN per country for the countries inwoners mention most;
# other countries are accepted with any length from 15 to 34.
IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "ES": 24, "GB": 22, "PL": 28,
    "TR": 26, "IT": 27, "PT": 25, "LU": 20, "AT": 20, "CH": 21, "IE": 22,
}


def elfproef(digits: str) -> bool:
    """True when ``digits`` (8 or 9 digits) is a valid BSN by the elfproef.

    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11 (and not all zero).
    An 8-digit BSN is a 9-digit one whose leading zero was dropped.
    """
    if not digits.isascii() or not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def iban_valid(iban: str) -> bool:
    """True when ``iban`` (separators removed) passes the ISO 13616 mod-97 check."""
    iban = iban.upper()
    if not (15 <= len(iban) <= 34) or not iban.isascii() or not iban.isalnum():
        return False
    country = iban[:2]
    if not country.isalpha() or not iban[2:4].isdigit():
        return False
    expected = IBAN_LENGTHS.get(country)
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(_LETTER_VALUES.get(c, c) for c in rearranged)
    return int(numeric) % 97 == 1
