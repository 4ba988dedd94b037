"""The one way the actions triage the story: what the conversation knows always goes with it.

The voor wie, the role, the PC4 postcode, a theme the person corrected, a
group asked for in so many words and a cleared check question all change the
triage; passing them at each call site let one of them drop out now and then.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk import Tracker

from actions.common import rol_of
from bot.dialogue.safety import ignored_signals
from bot.dialogue.story import triage_story

_FROM_TRACKER = object()


def triage_of(
    tracker: Tracker,
    story: Optional[List[str]] = None,
    ranking: Optional[Sequence[Any]] = None,
    *,
    voor_wie: Any = _FROM_TRACKER,
    postcode: Optional[str] = None,
    thema: Optional[str] = None,
    aanbod_gevraagd: Optional[bool] = None,
    levenscheck: Optional[str] = None,
) -> Dict[str, Any]:
    """TriageResult.to_dict() of ``story`` (default: the verhaal slot) with the conversation's knowledge.

    A keyword given here wins over the slot of the same meaning (a new
    postcode, a theme just corrected, a check question just answered).
    """
    return triage_story(
        tracker.get_slot("verhaal") or [] if story is None else story,
        tracker.get_slot("ranking") or [] if ranking is None else list(ranking),
        voor_wie=tracker.get_slot("voor_wie") if voor_wie is _FROM_TRACKER else voor_wie,
        postcode=postcode or tracker.get_slot("vraag_postcode"),
        rol=rol_of(tracker),
        thema=thema or tracker.get_slot("thema_keuze"),
        aanbod_gevraagd=bool(tracker.get_slot("groep_gevraagd") if aanbod_gevraagd is None else aanbod_gevraagd),
        ignore_signals=ignored_signals(levenscheck or tracker.get_slot("levenscheck")),
    )
