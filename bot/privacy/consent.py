"""Consent and transparency (issue 6, item 4).

``check_privacy_text`` tells whether the configured privacy text (data/gemeente.yml,
shown before the hulpvraag) says what a person must know: purpose, what is
stored, how long (matching the configured retention), who can read it, and
that an aanmelding needs their yes. ``doctor`` and the tests use it.

``require_consent`` is the single guard whoever creates an aanmelding calls:
without a recorded moment of explicit consent no aanmelding is made.
"""

from __future__ import annotations

from datetime import datetime
from typing import List, Optional

from bot.config import Settings


class ConsentMissing(ValueError):
    """An aanmelding was about to be created without explicit consent."""


def require_consent(toestemming: Optional[datetime]) -> datetime:
    """The consent moment, or ConsentMissing when there is none."""
    if not isinstance(toestemming, datetime):
        raise ConsentMissing("no aanmelding without explicit consent: 'toestemming' is not set")
    return toestemming


# (what the text must cover, words of which at least one must occur)
_REQUIRED = (
    ("purpose", ("gebruiken", "helpen", "doel")),
    ("what is stored", ("bewaren", "opslaan", "bewaard")),
    ("redaction of identifiers", ("namen", "nummers", "adressen")),
    ("who can read it", ("lezen", "inzien", "zien")),
    ("consent for an aanmelding", ("aanmelding",)),
)


def check_privacy_text(config: Settings) -> List[str]:
    """Problems with the privacy text, in English for the operator; empty when fine."""
    text = config.privacy.tekst.lower()
    problems = [f"privacy text does not say {what}" for what, words in _REQUIRED if not any(w in text for w in words)]
    days = config.privacy.gesprekken_dagen
    if f"{days} dagen" not in text:
        problems.append(f"privacy text does not state the retention of {days} dagen (privacy.bewaartermijn)")
    return problems
