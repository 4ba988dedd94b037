"""What the advice turn says, as a list of (response name, variables).

- collectief_mogelijk / combinatie: one to three offers with what, when, cost
  and how to join, and always the individual route as well (002: 5849-5852);
  no offers when the person said no to a group.
- eerst_individueel: no group at all, a clear account of what happens next.
- verheldering_nodig: honest that it is not clear yet; a person will help.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from bot.dialogue.answers import NEE
from bot.dialogue.offers import offers_to_show
from bot.taxonomy import taxonomy
from bot.triage.result import Advies, TriageLike, as_result

Step = Tuple[str, Dict[str, Any]]


def advice_steps(triage: TriageLike, groep_antwoord: Optional[str]) -> Tuple[List[Step], List[Dict[str, str]]]:
    """(steps, offers shown). ``groep_antwoord`` is 'ja', 'nee', 'weet_niet' or None."""
    result = as_result(triage)
    code = result.advies.code if result else None
    steps: List[Step] = []
    offers: List[Dict[str, str]] = []
    if code is not None and code.collective:
        if groep_antwoord == NEE:
            steps.append(("utter_advies_geen_groep", {}))
            steps.append(("utter_wat_gebeurt_er", {}))
        else:
            offers = offers_to_show(result)
            if offers:
                steps.append(("utter_advies_combinatie" if code is Advies.COMBINATIE else "utter_advies_collectief", {}))
                steps.extend(("utter_aanbod_item", dict(o)) for o in offers)
            else:
                steps.append(("utter_advies_collectief_geen_aanbod", {}))
            steps.append(("utter_individuele_route", {}))
    elif code is Advies.EERST_INDIVIDUEEL:
        steps.append(("utter_advies_individueel", {"redenen": reasons_text(result)}))
        steps.append(("utter_wat_gebeurt_er", {}))
    else:
        steps.append(("utter_advies_verheldering", {}))
        steps.append(("utter_wat_gebeurt_er", {}))
    steps.append(("utter_vraag_aanmelding", {}))
    return steps, offers


def reasons_text(triage: TriageLike) -> str:
    """Short reasons for a professional: advice reasons, else signal labels."""
    result = as_result(triage)
    if result is None:
        return "-"
    reasons = list(result.advies.redenen)
    if not reasons:
        tax = taxonomy()
        reasons = [tax.signals[s.code].label for s in result.signalen if s.code in tax.signals]
    return "; ".join(reasons) or "-"


def theme_label(triage: TriageLike) -> str:
    result = as_result(triage)
    themes = taxonomy().themes
    return themes[result.thema].label if result and result.thema in themes else ""


def advice_label(triage: TriageLike) -> str:
    result = as_result(triage)
    return result.advies.code.value if result else ""
