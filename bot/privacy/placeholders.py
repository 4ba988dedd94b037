"""The Dutch placeholders that replace identifiers, and how to spot them."""

from __future__ import annotations

import re

# kind -> what the text shows instead of the identifier
PLACEHOLDERS = frozenset(
    {"BSN", "TELEFOON", "EMAIL", "IBAN", "ADRES", "POSTCODE", "DATUM", "NAAM", "KENTEKEN", "NUMMER"}
)

PLACEHOLDER_RE = re.compile(r"\[(?:%s)\]" % "|".join(sorted(PLACEHOLDERS)))


def placeholder(label: str) -> str:
    return f"[{label}]"
