"""The hulpvraag as it grows: the person's messages and their triage.

A clarifying answer or a correction ("nee, het gaat om mijn zoon") is added
to the story and the whole story is triaged again, with the merged theme
rankings Rasa computed for those messages (the action server never loads the
model).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.dialogue.vocabulary import vocabulary

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
    ).to_dict()
    if thema:
        result = with_theme(result, thema)
    if aanbod_gevraagd:
        result["aanbod_gevraagd"] = True
    return result


def with_theme(result: Dict[str, Any], thema: str) -> Dict[str, Any]:
    """The triage with ``thema`` (corrected by the person) as the primary theme, with that reason."""
    themas = [t for t in result.get("themas") or [] if t.get("thema") != thema]
    first = next((t for t in result.get("themas") or [] if t.get("thema") == thema), None)
    first = dict(first or {"thema": thema, "zekerheid": 1.0})
    first["waarom"] = "door de inwoner aangepast" + (f"; {first['waarom']}" if first.get("waarom") else "")
    return {**result, "thema": thema, "themas": [first] + themas}


def step_after(triage: Dict[str, Any]) -> str:
    """'crisis' or 'verhelderen': what the conversation does next."""
    return "crisis" if triage.get("crisis") else "verhelderen"


def signal_codes(triage: Optional[Dict[str, Any]]) -> List[str]:
    return [s.get("code") for s in (triage or {}).get("signalen") or [] if s.get("code")]
