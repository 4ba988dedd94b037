"""Session start (role from the channel), 'stop' and 'opnieuw beginnen'."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, AllSlotsReset, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import KCC, INWONER, SafeAction, log_failure, rol_of, send_card, utter
from bot.aanmelding import service


class ActionSessionStart(Action):
    """Start a session; the role comes only from the channel's metadata."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        meta = tracker.get_slot("session_started_metadata") or {}
        rol = KCC if isinstance(meta, dict) and meta.get("rol") == KCC else INWONER
        events: List[Dict[Text, Any]] = [SessionStarted(), SlotSet("rol", rol)]
        if isinstance(meta, dict) and meta:
            events.append(SlotSet("session_started_metadata", meta))
        return events + [ActionExecuted("action_listen")]


def _clear_flow(tracker: Tracker) -> List[Dict[Text, Any]]:
    """Forget the hulpvraag (not the role); drop an unconfirmed aanmelding."""
    if not tracker.get_slot("aanmelding_bevestigd"):
        try:
            service.discard_concept(tracker.sender_id)
        except Exception as exc:  # the answer still comes; the row expires by retention
            log_failure("discard_concept", exc)
    return [ActiveLoop(None), AllSlotsReset(), SlotSet("rol", rol_of(tracker)), SlotSet("welkom_gehad", True)]


class ActionStoppen(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_stoppen"

    def act(self, dispatcher, tracker, domain):
        ref = tracker.get_slot("aanmelding_ref")
        if ref and tracker.get_slot("aanmelding_bevestigd"):
            utter(dispatcher, "utter_gestopt_aanmelding_blijft", referentie=ref)
        else:
            utter(dispatcher, "utter_gestopt")
        send_card(dispatcher, tracker, domain, triage={})
        return _clear_flow(tracker)


class ActionOpnieuw(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_opnieuw"

    def act(self, dispatcher, tracker, domain):
        utter(dispatcher, "utter_opnieuw")
        send_card(dispatcher, tracker, domain, triage={})
        return _clear_flow(tracker)
