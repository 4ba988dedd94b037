"""Which offers of the sociale kaart to show, and their fields for the texts.

Offers are only shown for collectief_mogelijk or combinatie; the individual
route is always mentioned next to them (002: 5849-5852).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from bot.dialogue.clarify import COLLECTIVE_ADVICE
from bot.dialogue.vocabulary import vocabulary

# fields of utter_aanbod_item in domain.yml, filled from the suggestion
FIELDS = ("naam", "omschrijving", "wanneer", "kosten", "hoe_aansluiten", "waar")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value if _text(v))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items() if _text(v))
    return " ".join(str(value).split())


def _clause(value: Any) -> str:
    """A field the text template ends with its own full stop: no double '..'."""
    return _text(value).rstrip(" .")


def _sentence(value: Any) -> str:
    """A field the template follows with the next sentence: ends with a stop."""
    text = _text(value)
    return text if not text or text[-1] in ".!?" else text + "."


def offers_to_show(triage: Mapping[str, Any], limit: Optional[int] = None) -> List[Dict[str, str]]:
    """Up to ``limit`` offers (max_aanbod), each with the FIELDS as plain text.

    Empty when the advice is not collective: no group is ever pushed.
    """
    if (triage or {}).get("advies") not in COLLECTIVE_ADVICE or triage.get("crisis"):
        return []
    limit = vocabulary().max_aanbod if limit is None else limit
    shown = []
    for s in list(triage.get("suggesties") or [])[:limit]:
        waar = ", ".join(x for x in (_text(s.get("wijk")), _text(s.get("gemeente"))) if x)
        shown.append({
            "id": _text(s.get("id")),
            "naam": _text(s.get("naam")),
            "omschrijving": _sentence(s.get("omschrijving")),
            "wanneer": _clause(s.get("wanneer")),
            "kosten": _clause(s.get("kosten")),
            "hoe_aansluiten": _clause(s.get("hoe_aansluiten")),
            "waar": waar,
            "waarom": _text(s.get("waarom")),
        })
    return shown
