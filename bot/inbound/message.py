"""A channel's request body, checked: an ``Inbound`` message or a ``Refusal``.

Rules (the same for REST and socket.io; documented in docs/security.md):

- the body is a JSON object;
- ``sender`` is 1 to 128 characters of letters, digits and ``. _ : @ -``
  (it names the conversation, so it may not be empty: clients without a
  sender would share one conversation);
- ``message`` is text; after repair it is not empty and at most
  ``MAX_TEXT_CHARS`` characters (5,000 by default, ``MAX_BERICHT_TEKENS``);
- text is repaired, never refused, for invalid Unicode: lone surrogates
  become U+FFFD, line ends become newlines, control characters other than
  newline and tab are removed,
  and the text is NFC-normalised;
- ``metadata`` is absent, null or an object. Only a proven role survives
  (``role_proof``); every other key is dropped, so nothing unchecked reaches
  the tracker (which stores metadata). A message without proof carries
  ``{"rol": "inwoner"}``, so knowing a KCC conversation's sender id does not
  give its KCC view;
- a button payload (``/intent``) keeps only its intent name: entities and
  confidences in ``/intent{...}`` or ``/intent@0.9`` are a way to set slots
  that no person types, and are cut off.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Union

from bot.inbound.role_proof import ROLE_KEY, verified_role

MAX_TEXT_CHARS = int(os.environ.get("MAX_BERICHT_TEKENS", "5000"))
MAX_BODY_BYTES = 64 * 1024
SENDER_PATTERN = re.compile(r"[A-Za-z0-9._:@-]{1,128}")

INWONER = "inwoner"
_PAYLOAD = re.compile(r"(/\w+)[{@].*", re.DOTALL)
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class Inbound:
    """A message that may go to Rasa."""

    sender: str
    text: str
    metadata: Dict[str, Any] = field(default_factory=dict)

    @property
    def role(self) -> Optional[str]:
        return self.metadata.get(ROLE_KEY)


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: ``code`` for programs, ``error`` (Dutch, B1) for people."""

    code: str
    error: str
    status: int = 400

    def as_json(self) -> Dict[str, str]:
        return {"error": self.error, "code": self.code}


NOT_AN_OBJECT = Refusal("geen_object", "Stuur een JSON-object met 'sender' en 'message'.")
BAD_SENDER = Refusal(
    "sender_ongeldig",
    "Geef een 'sender': 1 tot 128 tekens, alleen letters, cijfers en . _ : @ -.",
)
BAD_MESSAGE = Refusal("message_ongeldig", "Geef een 'message' met tekst.")
EMPTY_MESSAGE = Refusal("message_leeg", "Uw bericht is leeg. Typ uw vraag en stuur het opnieuw.")
TOO_LONG = Refusal(
    "message_te_lang",
    f"Uw bericht is te lang. Wilt u het korter maken? Het mag {MAX_TEXT_CHARS} tekens zijn.",
)
TOO_LARGE = Refusal("te_groot", TOO_LONG.error)
BAD_METADATA = Refusal("metadata_ongeldig", "'metadata' moet een JSON-object zijn.")
BUSY = Refusal(
    "even_geduld",
    "Een moment alstublieft. Ik ben nog bezig met uw vorige berichten.",
    status=429,
)


def clean_text(text: str) -> str:
    """``text`` with invalid Unicode repaired and invisible control characters removed."""
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def parse_inbound(body: Any, metadata_key: str = "metadata", secret: Optional[str] = None) -> Union[Inbound, Refusal]:
    """Check a decoded request body; never raises."""
    if not isinstance(body, dict):
        return NOT_AN_OBJECT
    sender = body.get("sender")
    if not isinstance(sender, str) or not SENDER_PATTERN.fullmatch(sender):
        return BAD_SENDER
    raw = body.get("message")
    if not isinstance(raw, str):
        return BAD_MESSAGE
    if len(raw) > MAX_TEXT_CHARS * 2:  # before the work of cleaning a huge text
        return TOO_LONG
    text = _PAYLOAD.sub(r"\1", clean_text(raw))
    if not text:
        return EMPTY_MESSAGE
    if len(text) > MAX_TEXT_CHARS:
        return TOO_LONG
    metadata = body.get(metadata_key)
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        return BAD_METADATA
    role = verified_role(sender, metadata, secret)
    return Inbound(sender=sender, text=text, metadata={ROLE_KEY: role or INWONER})
