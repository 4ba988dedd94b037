"""The hulpvraag as it grows: the person's messages and their triage.

A clarifying answer or a correction ("nee, het gaat om mijn zoon") is added
to the story and the whole story is triaged again, with the merged theme
rankings Rasa computed for those messages (the action server never loads the
model).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.dialogue.vocabulary import vocabulary
from bot.triage.result import ThemeScore, TriageLike, TriageResult, as_result

MAX_STORY_PARTS = 12
# voor_wie values that say something about the target group of an offer
TARGET_GROUPS = ("zelf", "kind", "partner", "ouder", "buur")  # older parts are dropped first; the first (the hulpvraag) stays


def add_to_story(story: Optional[Sequence[str]], text: str) -> List[str]:
    """The story with ``text`` added (not twice in a row, never empty parts)."""
    parts = [p for p in (story or []) if isinstance(p, str) and p.strip()]
    text = (text or "").strip()[: vocabulary().max_tekens]
    if text and (not parts or parts[-1] != text):
        parts.append(text)
    if len(parts) > MAX_STORY_PARTS:
        parts = parts[:1] + parts[-(MAX_STORY_PARTS - 1):]
    return parts


def story_text(story: Optional[Sequence[str]]) -> str:
    return " ".join(p for p in (story or []) if isinstance(p, str))


def triage_story(
    story: Sequence[str],
    ranking: Optional[Sequence[Tuple[str, float]]],
    *,
    voor_wie: Optional[str] = None,
    postcode: Optional[str] = None,
    rol: str = "inwoner",
    ignore_signals: Sequence[str] = (),
    aanbod_gevraagd: bool = False,
    thema: Optional[str] = None,
) -> Dict[str, Any]:
    """TriageResult.to_dict() of the whole story.

    Offers come from the gemeente of data/gemeente.yml until a postcode says
    where the person lives, and leave out offers for another target group
    (age, gender told in the story). ``aanbod_gevraagd``: the person asked for
    a group or course, so offers are looked up whatever the advice. ``thema``:
    the theme the person corrected to ("het gaat eigenlijk over geld"); it
    comes first and is what the aanmelding stores.
    """
    from bot.config import settings
    from bot.dialogue.person import person_of
    from bot.triage import triage

    ranking = list(ranking or [])
    if thema:
        ranking = [(f"hulpvraag_{thema}", 1.0)] + [(p[0], p[1]) for p in ranking if p[0] != f"hulpvraag_{thema}"]
    target = voor_wie if voor_wie in TARGET_GROUPS else None
    text = story_text(story)
    result = triage(
        text,
        theme_ranking=ranking,
        postcode=postcode if postcode and str(postcode).isdigit() else None,
        rol=rol,
        voor_wie=target,
        gemeente=settings().gemeente.naam,
        ignore_signals=tuple(ignore_signals),
        persoon=person_of(text, target),
        aanbod_gevraagd=aanbod_gevraagd,
    )
    if thema:
        result = with_theme(result, thema)
    return result.to_dict()


def with_theme(result: TriageResult, thema: str) -> TriageResult:
    """The triage with ``thema`` (corrected by the person) as the primary theme, with that reason."""
    others = tuple(t for t in result.themas if t.thema != thema)
    first = next((t for t in result.themas if t.thema == thema), None) or ThemeScore(thema=thema, zekerheid=1.0)
    waarom = "door de inwoner aangepast" + (f"; {first.waarom}" if first.waarom else "")
    return replace(result, thema=thema, themas=(replace(first, waarom=waarom),) + others)


def step_after(triage: TriageLike) -> str:
    """'crisis' or 'verhelderen': what the conversation does next."""
    result = as_result(triage)
    return "crisis" if result and result.crisis else "verhelderen"


def signal_codes(triage: TriageLike) -> List[str]:
    result = as_result(triage)
    return [s.code for s in result.signalen if s.code] if result else []
