"""Answers about contact read with the conversation's vocabulary (data/gesprek.yml).

The contact preference (telefoon, email, geen) and the moment to call back.
The plain formats (phone, e-mail, postcode, name) are in bot.aanmelding.validation.
Never raises on odd input.
"""

from __future__ import annotations

from typing import Optional

from bot.aanmelding.validation import find_email, find_phone
from bot.dialogue.vocabulary import Vocabulary, vocabulary

MAX_BELMOMENT = 100


def find_belmoment(text: str, vocab: Optional[Vocabulary] = None) -> Optional[str]:
    """The person's own words when they name a day or a time of day."""
    vocab = vocab or vocabulary()
    clean = " ".join((text or "").split())
    if not clean or not vocab.belmoment.search(clean):
        return None
    return clean[:MAX_BELMOMENT]


def contact_preference(text: str, vocab: Optional[Vocabulary] = None) -> Optional[str]:
    """telefoon | email | geen, from the answer or from a number/address in it."""
    vocab = vocab or vocabulary()
    if find_email(text):
        return "email"
    if find_phone(text):
        return "telefoon"
    for name, pattern in vocab.contact_voorkeur:
        if pattern.search(text or ""):
            return name
    return None
