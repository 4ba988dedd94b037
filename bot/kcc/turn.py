"""One turn of the console: what the assistant said, its triage card, and where
each signal's evidence sits in what the medewerker typed."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence

CARD_KEY = "triage_kaart"


def replies_of(raw: Sequence[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """The texts with their quick replies (title and payload), without the custom card."""
    shown = []
    for reply in raw:
        text = reply.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        buttons = [{"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
                   for b in reply.get("buttons") or [] if isinstance(b, Mapping) and b.get("title")]
        shown.append({"tekst": text, "knoppen": buttons})
    return shown


def card_of(raw: Sequence[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    """The last triage card of the turn (the actions may send more than one)."""
    cards = [r["custom"][CARD_KEY] for r in raw
             if isinstance(r.get("custom"), Mapping) and isinstance(r["custom"].get(CARD_KEY), Mapping)]
    return dict(cards[-1]) if cards else None


def evidence_spans(typed: Sequence[str], card: Optional[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """For each signal's ``bewijs``: where it occurs in the typed messages.

    ``[{"bericht": index, "start": s, "eind": e, "code": code, "label": label}]``,
    case- and white-space-insensitive; evidence not found is left out.
    """
    spans: List[Dict[str, Any]] = []
    for signal in (card or {}).get("signalen") or []:
        bewijs = str(signal.get("bewijs") or "").strip()
        if not bewijs:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in bewijs.split()), re.IGNORECASE)
        for index, text in enumerate(typed):
            match = pattern.search(text)
            if match:
                spans.append({"bericht": index, "start": match.start(), "eind": match.end(),
                              "code": signal.get("code"), "label": signal.get("label")})
                break
    return spans


def next_question(card: Optional[Mapping[str, Any]], replies: Sequence[Mapping[str, Any]]) -> str:
    """The assistant's suggested next question: its last question, else the card's first open one."""
    for reply in reversed(replies):
        if "?" in reply["tekst"]:
            return reply["tekst"]
    vragen = (card or {}).get("volgende_vragen") or []
    return str(vragen[0].get("vraag", "")) if vragen else ""


def console_turn(raw: Sequence[Mapping[str, Any]], typed: Sequence[str]) -> Dict[str, Any]:
    """The JSON the console renders after one message."""
    replies, card = replies_of(raw), card_of(raw)
    return {"antwoorden": replies, "kaart": card, "markeringen": evidence_spans(typed, card),
            "volgende_vraag": next_question(card, replies)}
