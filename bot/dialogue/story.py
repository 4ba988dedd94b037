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
) -> Dict[str, Any]:
    """TriageResult.to_dict() of the whole story.

    Offers come from the gemeente of data/gemeente.yml until a postcode says
    where the person lives.
    """
    from bot.config import settings
    from bot.triage import triage

    result = triage(
        story_text(story),
        theme_ranking=list(ranking or []),
        postcode=postcode,
        rol=rol,
        voor_wie=voor_wie if voor_wie in TARGET_GROUPS else None,
        gemeente=settings().gemeente.naam,
        ignore_signals=tuple(ignore_signals),
    )
    return result.to_dict()


def step_after(triage: Dict[str, Any]) -> str:
    """'crisis' or 'verhelderen': what the conversation does next."""
    return "crisis" if triage.get("crisis") else "verhelderen"


def signal_codes(triage: Optional[Dict[str, Any]]) -> List[str]:
    return [s.get("code") for s in (triage or {}).get("signalen") or [] if s.get("code")]
