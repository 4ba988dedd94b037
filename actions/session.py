"""Session start (role from the channel), 'stop' and 'opnieuw beginnen' (after a confirming question)."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, AllSlotsReset, FollowupAction, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import INWONER, KCC, SafeAction, latest_text, log_failure, rol_of, send_card, utter
from actions.flow import ASK_AGAIN, ask_to_wipe, route_request, wiped_text
from bot.aanmelding import service
from bot.dialogue import requests as req


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


def _stop(dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
    ref = tracker.get_slot("aanmelding_ref")
    if ref and tracker.get_slot("aanmelding_bevestigd"):
        utter(dispatcher, "utter_gestopt_aanmelding_blijft", referentie=ref)
    else:
        utter(dispatcher, "utter_gestopt")
    send_card(dispatcher, tracker, domain, triage={})
    return _clear_flow(tracker)


def _restart(dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
    utter(dispatcher, "utter_opnieuw")
    send_card(dispatcher, tracker, domain, triage={})
    return _clear_flow(tracker)


class _AskBeforeWiping(SafeAction):
    """A plain stop or restart: first a question that says what will be wiped.

    Nothing to wipe: done at once. Not a plain command ("Ik heb me bedacht.
    Ik wil toch ..."): no stop at all; the message is read as what it is.
    """

    crisis_first = True
    kind = ""

    @abstractmethod
    def name(self) -> Text:
        """action_stoppen or action_opnieuw."""

    def is_plain(self, text: str) -> bool:
        return req.is_clear_stop(text) if self.kind == "stoppen" else req.is_clear_restart(text)

    def act(self, dispatcher, tracker, domain):
        text = latest_text(tracker)
        if not self.is_plain(text) and not text.startswith("/"):
            return not_a_stop(dispatcher, tracker, domain)
        if not wiped_text(tracker):
            return (_stop if self.kind == "stoppen" else _restart)(dispatcher, tracker, domain)
        return ask_to_wipe(dispatcher, tracker, domain, self.kind)


def not_a_stop(dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
    """A message the model read as stop/restart that is no plain command."""
    from actions.fallback import looks_like_hulpvraag

    routed = route_request(tracker, here="")
    if routed:
        return routed
    where = tracker.get_slot("open_vraag")
    if where in ASK_AGAIN:
        utter(dispatcher, ASK_AGAIN[where])
        send_card(dispatcher, tracker, domain)
        return []
    if looks_like_hulpvraag(tracker.latest_message) or tracker.get_slot("verhaal"):
        return [FollowupAction("action_triage")]
    utter(dispatcher, "utter_fallback")
    send_card(dispatcher, tracker, domain)
    return []


class ActionStoppen(_AskBeforeWiping):
    kind = "stoppen"

    def name(self) -> Text:
        return "action_stoppen"


class ActionOpnieuw(_AskBeforeWiping):
    kind = "opnieuw"

    def name(self) -> Text:
        return "action_opnieuw"


class ActionWissen(SafeAction):
    """'Ja' to the confirming question: stop or start again, wiping what was not confirmed."""

    crisis_first = True
    follows_requests = False

    def name(self) -> Text:
        return "action_wissen"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("open_vraag") == "opnieuw":
            return _restart(dispatcher, tracker, domain)
        return _stop(dispatcher, tracker, domain)
