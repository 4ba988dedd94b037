"""Safety turns beside the crisis answer: Veilig Thuis, the check question, an open door.

Decisions are in bot/dialogue/safety.py; this module turns them into
responses and slot events, shared by action_triage, the form validations and
action_levenscheck. The one crisis check of every message (``crisis_turn``)
and the check question it may ask are in actions/common.py, beside
``SafeAction``, which runs it first.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import (
    CHECK_OPEN,
    SafeAction,
    ask_check_question,
    gemeente_vars,
    merged_ranking,
    rol_of,
    send_card,
    utter,
)
from actions.story_triage import triage_of
from bot.dialogue import safety

Events = List[Dict[Text, Any]]


def chat_lines(triage: Optional[Mapping[str, Any]]) -> str:
    """The chat routes that fit (bot.dialogue.safety.chat_routes), one line each."""
    v = gemeente_vars()
    from bot.config import settings

    nood = settings().noodnummers
    fallback = {"chat_113": "113: chat via 113.nl", "chat_veilig_thuis": f"Veilig Thuis: {v['nood_veilig_thuis']}"}
    return "\n".join(f"• {nood.get(key, fallback[key])}" for key in safety.chat_routes(triage))


def tell_veilig_thuis(dispatcher, tracker: Tracker, triage: Optional[Mapping[str, Any]]) -> Events:
    """The Veilig Thuis contact once, for a sign of violence that is not a crisis."""
    triage = triage or {}
    contacts = list(triage.get("hulp_contact") or [])
    if triage.get("crisis") or not contacts or not safety.has_violence(triage):
        return []
    if tracker.get_slot("veilig_thuis_gezegd"):
        return []
    utter(dispatcher, "utter_veilig_thuis_signaal", contact=contacts[0], bewijs=safety.violence_evidence(triage))
    return [SlotSet("veilig_thuis_gezegd", True)]


def answer_veilig_thuis_question(dispatcher, tracker: Tracker, text: str) -> bool:
    """Answer a question about Veilig Thuis (KCC: also the meldcode, doorverwijzen); True when answered."""
    if not safety.asks_about_veilig_thuis(text, rol_of(tracker), tracker.get_slot("triage")):
        return False
    utter(dispatcher, "utter_veilig_thuis_info")
    return True


def wants_check_question(tracker: Tracker, triage: Optional[Mapping[str, Any]]) -> bool:
    """Ambiguous distress only, and the person has not already said no to the check question."""
    return safety.needs_check_question(triage) and tracker.get_slot("levenscheck") != safety.CHECK_NO


def answer_check_question(dispatcher, tracker: Tracker, text: str) -> Events:
    """A clear no continues the intake (ambiguous distress cleared); anything else is the crisis path."""
    if safety.check_answer(text) == safety.CHECK_YES:
        return [SlotSet("levenscheck", safety.CHECK_YES), SlotSet("crisis", True), SlotSet("stap", "crisis"),
                SlotSet("open_vraag", None)]
    utter(dispatcher, "utter_levenscheck_nee")
    result = triage_of(tracker, ranking=merged_ranking(tracker), levenscheck=safety.CHECK_NO)
    return [SlotSet("levenscheck", safety.CHECK_NO), SlotSet("triage", result), SlotSet("crisis", result["crisis"]),
            SlotSet("stap", "crisis" if result["crisis"] else "verhelderen"), SlotSet("open_vraag", None)]


class ActionLevenscheck(SafeAction):
    """Asks the check question, or reads its answer when it was the question asked last."""

    def name(self) -> Text:
        return "action_levenscheck"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("open_vraag") == CHECK_OPEN:
            events = answer_check_question(dispatcher, tracker, tracker.latest_message.get("text") or "")
        else:
            events = ask_check_question(dispatcher, tracker, tracker.get_slot("triage") or {})
        send_card(dispatcher, tracker, domain)
        return events
