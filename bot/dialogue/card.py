"""The structured triage card a KCC console shows next to every bot turn.

Sent as a custom payload ``{"triage_kaart": {...}}``. Every theme carries its
confidence and reason, every signal its evidence and rule, the advice its
reasons, so the KCC-medewerker can check them.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Sequence

from bot.dialogue.offers import offers_to_show
from bot.taxonomy import taxonomy


def build_card(
    triage: Optional[Mapping[str, Any]],
    volgende_vragen: Sequence[Mapping[str, str]] = (),
    keuzes: Optional[Mapping[str, Any]] = None,
    referentie: Optional[str] = None,
) -> Dict[str, Any]:
    """The payload; works before any triage too (then themes etc. are empty)."""
    tax = taxonomy()
    triage = triage or {}
    themas = [
        {
            "thema": t.get("thema"),
            "label": tax.themes[t["thema"]].label if t.get("thema") in tax.themes else t.get("thema"),
            "zekerheid": t.get("zekerheid"),
            "waarom": t.get("waarom", ""),
        }
        for t in triage.get("themas") or []
    ]
    signalen = [
        {
            "code": s.get("code"),
            "soort": s.get("soort"),
            "label": tax.signals[s["code"]].label if s.get("code") in tax.signals else s.get("code"),
            "bewijs": s.get("bewijs"),
            "regel": s.get("regel"),
        }
        for s in triage.get("signalen") or []
    ]
    advies = triage.get("advies")
    kaart: Dict[str, Any] = {
        "thema": triage.get("thema"),
        "themas": themas,
        "crisis": bool(triage.get("crisis")),
        "crisis_contact": list(triage.get("crisis_contact") or []),
        "hulp_contact": list(triage.get("hulp_contact") or []),  # Veilig Thuis, also when not acute
        # ambiguous distress or the learned layer's middle band: ask "Bedoelt u dat u niet meer wilt leven?"
        "controlevraag": dict(triage.get("crisis_check") or {}) or None,
        "signalen": signalen,
        "advies": {
            "code": advies,
            "uitleg": tax.adviezen.get(advies, "") if advies else "",
            "redenen": list(triage.get("advies_redenen") or []),
        },
        "aanbod": offers_to_show(triage),
        "volgende_vragen": [dict(v) for v in volgende_vragen],
        "keuzes": dict(keuzes or {}),
    }
    if referentie:
        kaart["referentie"] = referentie
    return {"triage_kaart": kaart}
