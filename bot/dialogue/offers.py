"""Which offers of the sociale kaart to show, and their fields for the texts.

Offers are only shown for collectief_mogelijk or combinatie; the individual
route is always mentioned next to them (002: 5849-5852).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.dialogue.vocabulary import vocabulary
from bot.triage.result import Suggestion, TriageLike, TriageResult, as_result

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


def offers_to_show(triage: TriageLike, limit: Optional[int] = None) -> List[Dict[str, str]]:
    """Up to ``limit`` offers (max_aanbod), each with the FIELDS as plain text.

    Empty when the advice is not collective (no group is ever pushed), unless
    the person asked for a group or course in so many words (``aanbod_gevraagd``).
    ``triage`` is the result, or the ``triage`` slot's dict.
    """
    result = as_result(triage)
    if result is None:
        return []
    if not result.aanbod_gevraagd and (not result.advies.code.collective or result.crisis):
        return []
    limit = vocabulary().max_aanbod if limit is None else limit
    shown = []
    for s in result.suggesties[:limit]:
        waar = ", ".join(x for x in (_text(s.wijk), _text(s.gemeente)) if x)
        shown.append({
            "id": _text(s.id),
            "naam": _text(s.naam),
            "omschrijving": _sentence(s.details.get("omschrijving")),
            "wanneer": _clause(s.details.get("wanneer")),
            "kosten": _clause(s.details.get("kosten")),
            "hoe_aansluiten": _clause(s.details.get("hoe_aansluiten")),
            "waar": waar,
            "waarom": _text(s.waarom),
            "past_omdat": why_it_fits(s, result),
        })
    return shown


def why_it_fits(suggestion: Suggestion, triage: TriageResult) -> str:
    """One B1 sentence for the inwoner: why this offer fits their question."""
    from bot.taxonomy import taxonomy

    themes = taxonomy().themes
    asked = [t.thema for t in triage.themas] or [triage.thema]
    shared = [t for t in asked if t in suggestion.themas and t in themes]
    about = themes[shared[0]].label.lower() if shared else "uw vraag"
    waarom = _text(suggestion.waarom).lower()
    where = ""
    if "in uw wijk" in waarom or "in uw buurt" in waarom:
        where = " en het is bij u in de buurt"
    elif "let op: dit is in" in waarom:
        where = f", maar het is in {_text(suggestion.gemeente)}"
    return f"Dit past bij uw vraag over {about}{where}." if shared else f"Dit kan passen bij uw vraag{where}."


def postcode_area(pc4: Optional[str], gemeente: str) -> Dict[str, str]:
    """{'soort': 'eigen' | 'buiten' | 'onbekend', 'gemeente': name or ''} for the person's PC4.

    Another gemeente in the PC4 table is 'buiten'; a PC4 the table does not
    know counts as 'buiten' when it lies outside every PC4 range (first two
    digits) of the own gemeente, else as 'onbekend'.
    """
    from bot.kaart.postcodes import pc4_table

    if not pc4 or not str(pc4).isdigit():
        return {"soort": "onbekend", "gemeente": ""}
    table = pc4_table()
    area = table.get(str(pc4))
    if area is not None:
        same = area.gemeente.lower() == gemeente.lower()
        return {"soort": "eigen" if same else "buiten", "gemeente": "" if same else area.gemeente}
    own = {code[:2] for code, a in table.items() if a.gemeente.lower() == gemeente.lower()}
    return {"soort": "buiten" if own and str(pc4)[:2] not in own else "onbekend", "gemeente": ""}
