"""What the advice turn says, as a list of (response name, variables).

- collectief_mogelijk / combinatie: one to three offers with what, when, cost
  and how to join, and always the individual route as well (002: 5849-5852);
  no offers when the person said no to a group.
- eerst_individueel: no group at all, a clear account of what happens next.
- verheldering_nodig: honest that it is not clear yet; a person will help.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.dialogue.answers import NEE
from bot.dialogue.offers import offers_to_show
from bot.taxonomy import taxonomy

Step = Tuple[str, Dict[str, Any]]


def advice_steps(triage: Mapping[str, Any], groep_antwoord: Optional[str]) -> Tuple[List[Step], List[Dict[str, str]]]:
    """(steps, offers shown). ``groep_antwoord`` is 'ja', 'nee', 'weet_niet' or None."""
    code = triage.get("advies")
    steps: List[Step] = []
    offers: List[Dict[str, str]] = []
    if code in ("collectief_mogelijk", "combinatie"):
        if groep_antwoord == NEE:
            steps.append(("utter_advies_geen_groep", {}))
            steps.append(("utter_wat_gebeurt_er", {}))
        else:
            offers = offers_to_show(triage)
            if offers:
                steps.append(("utter_advies_combinatie" if code == "combinatie" else "utter_advies_collectief", {}))
                steps.extend(("utter_aanbod_item", dict(o)) for o in offers)
            else:
                steps.append(("utter_advies_collectief_geen_aanbod", {}))
            steps.append(("utter_individuele_route", {}))
    elif code == "eerst_individueel":
        steps.append(("utter_advies_individueel", {"redenen": reasons_text(triage)}))
        steps.append(("utter_wat_gebeurt_er", {}))
    else:
        steps.append(("utter_advies_verheldering", {}))
        steps.append(("utter_wat_gebeurt_er", {}))
    steps.append(("utter_vraag_aanmelding", {}))
    return steps, offers


def reasons_text(triage: Mapping[str, Any]) -> str:
    """Short reasons for a professional: advice reasons, else signal labels."""
    reasons = [str(r) for r in triage.get("advies_redenen") or []]
    if not reasons:
        tax = taxonomy()
        reasons = [tax.signals[c].label for c in (s.get("code") for s in triage.get("signalen") or [])
                   if c in tax.signals]
    return "; ".join(reasons) or "-"


def theme_label(triage: Optional[Mapping[str, Any]]) -> str:
    tax = taxonomy()
    code = (triage or {}).get("thema")
    return tax.themes[code].label if code in tax.themes else ""


def advice_label(triage: Optional[Mapping[str, Any]]) -> str:
    return str((triage or {}).get("advies") or "")
