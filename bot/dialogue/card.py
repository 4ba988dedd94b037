"""The structured triage card a KCC console shows next to every bot turn.

Sent as a custom payload ``{"triage_kaart": {...}}``. Every theme carries its
confidence and reason, every signal its evidence and rule, the advice its
reasons, so the KCC-medewerker can check them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Dict, Mapping, Optional, Sequence

from bot.dialogue.offers import offers_to_show
from bot.taxonomy import taxonomy
from bot.triage.result import TriageLike, as_result


def build_card(
    triage: TriageLike,
    volgende_vragen: Sequence[Mapping[str, str]] = (),
    keuzes: Optional[Mapping[str, Any]] = None,
    referentie: Optional[str] = None,
) -> Dict[str, Any]:
    """The payload; works before any triage too (then themes etc. are empty)."""
    tax = taxonomy()
    result = as_result(triage)
    themas = [
        {
            "thema": t.thema,
            "label": tax.themes[t.thema].label if t.thema in tax.themes else t.thema,
            "zekerheid": t.zekerheid,
            "waarom": t.waarom,
        }
        for t in (result.themas if result else ())
    ]
    signalen = [
        {
            "code": s.code,
            "soort": s.soort,
            "label": tax.signals[s.code].label if s.code in tax.signals else s.code,
            "bewijs": s.bewijs,
            "regel": s.regel,
        }
        for s in (result.signalen if result else ())
    ]
    advies = result.advies.code.value if result else None
    kaart: Dict[str, Any] = {
        "thema": result.thema if result else None,
        "themas": themas,
        "crisis": bool(result and result.crisis),
        "crisis_contact": list(result.crisis_contact) if result else [],
        "hulp_contact": list(result.hulp_contact) if result else [],  # Veilig Thuis, also when not acute
        # ambiguous distress or the learned layer's middle band: ask "Bedoelt u dat u niet meer wilt leven?"
        "controlevraag": asdict(result.crisis_check) if result and result.crisis_check else None,
        "signalen": signalen,
        "advies": {
            "code": advies,
            "uitleg": tax.adviezen.get(advies, "") if advies else "",
            "redenen": list(result.advies.redenen) if result else [],
        },
        "aanbod": offers_to_show(result),
        "volgende_vragen": [dict(v) for v in volgende_vragen],
        "keuzes": dict(keuzes or {}),
    }
    if referentie:
        kaart["referentie"] = referentie
    return {"triage_kaart": kaart}
