"""Dutch formats of the contact details in an aanmelding.

Each ``find_*`` takes what the person typed ("mijn nummer is 06-1234 5678")
and returns the normalised value, or None when there is none. Never raises
on odd input (emoji, HTML, 5,000 characters). The answers read with the
conversation's vocabulary (contact preference, time to call) are in
bot.dialogue.contact.
"""

from __future__ import annotations

import re
from typing import Optional

_PHONE_CANDIDATE = re.compile(r"(?:\+|00)?[\d(][\d\s\-().]{7,20}\d")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}")
# Dutch postcodes: 1000-9999 and two letters; SA, SD and SS are never issued
_POSTCODE = re.compile(r"(?<![\w])([1-9]\d{3})\s?(?!SA|SD|SS|sa|sd|ss|Sa|Sd|Ss|sA|sD|sS)([A-Za-z]{2})(?![\w])")
_NAME_PREFIX = re.compile(r"^(mijn naam is|ik heet|ik ben|naam:?|dit is)\s+", re.IGNORECASE)
_NAME_OK = re.compile(r"^[^\W\d_][^\W\d_ .'\-]*(?:[ .'\-]+[^\W\d_][^\W\d_.'\-]*)*\.?$", re.UNICODE)

MAX_NAME = 200


def find_phone(text: str) -> Optional[str]:
    """A Dutch phone number as +31 and nine digits (mobile 06 or landline)."""
    for candidate in _PHONE_CANDIDATE.findall(text or ""):
        digits = re.sub(r"\(0\)", "", candidate)
        plus = digits.strip().startswith("+")
        digits = re.sub(r"\D", "", digits)
        if plus and digits.startswith("31"):
            national = "0" + digits[2:]
        elif digits.startswith("0031"):
            national = "0" + digits[4:]
        else:
            national = digits
        if re.fullmatch(r"0[1-9]\d{8}", national):
            return "+31" + national[1:]
    return None


def display_phone(e164: str) -> str:
    """'+31612345678' -> '06 12345678' for the summary the person checks."""
    if e164 and e164.startswith("+31") and len(e164) == 12:
        national = "0" + e164[3:]
        return f"{national[:2]} {national[2:]}" if national.startswith("06") else national
    return e164


def find_email(text: str) -> Optional[str]:
    match = _EMAIL.search(text or "")
    if not match:
        return None
    local, domain = match.group(0).rsplit("@", 1)
    if ".." in local or local.startswith(".") or local.endswith("."):
        return None
    return f"{local}@{domain.lower()}"


def find_postcode(text: str) -> Optional[str]:
    """'1234ab' -> '1234 AB'."""
    match = _POSTCODE.search(text or "")
    return f"{match.group(1)} {match.group(2).upper()}" if match else None


def find_name(text: str) -> Optional[str]:
    """A plausible name: letters, spaces, hyphens, apostrophes; at most six words."""
    clean = _NAME_PREFIX.sub("", " ".join((text or "").split())).strip(" .,!")
    if not clean or len(clean) > MAX_NAME or len(clean.split()) > 6:
        return None
    return clean if _NAME_OK.match(clean) else None
