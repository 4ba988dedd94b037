"""Crisis: the right contact at once, a callback offer, human follow-up, nothing else.

The contacts come from the taxonomy (crisis signals' ``contact``), the
follow-up mark holds signal codes only (bot.aanmelding.service.mark_opvolging).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import SafeAction, gemeente_vars, log_failure, send_card, utter
from actions.forms_base import SafeFormValidation
from actions.safety import chat_lines
from bot.aanmelding import service
from bot.aanmelding.validation import find_phone
from bot.dialogue.answers import is_skip, yes_no
from bot.dialogue.safety import refuses_to_call
from bot.dialogue.story import signal_codes
from bot.taxonomy import taxonomy


def crisis_contacts(triage: Dict[str, Any]) -> str:
    """The contact lines of the crisis signals (and Veilig Thuis for violence); the emergency numbers when none."""
    lines = list((triage or {}).get("crisis_contact") or [])
    if lines:
        lines += list((triage or {}).get("hulp_contact") or [])
    if not lines:
        tax = taxonomy()
        lines = [s.contact for s in tax.signals_of("crisis") if s.contact]
    if not lines:
        v = gemeente_vars()
        lines = [v["nood_algemeen"], v["nood_113"], v["nood_veilig_thuis"]]
    return "\n".join(f"• {line}" for line in dict.fromkeys(lines))


def _crisis_codes(tracker: Tracker) -> List[str]:
    codes = [c for c in signal_codes(tracker.get_slot("triage")) if c.startswith("crisis_")]
    return codes or ["crisis"]


class ActionCrisis(SafeAction):
    def name(self) -> Text:
        return "action_crisis"

    def run(self, dispatcher, tracker, domain):
        if tracker.get_slot("crisis_beantwoord") and refuses_to_call((tracker.latest_message or {}).get("text") or ""):
            return door_stays_open(dispatcher, tracker, domain)
        # the contact goes out even if anything else in this action fails
        try:
            contacts = crisis_contacts(tracker.get_slot("triage") or {})
        except Exception as exc:
            log_failure(self.name(), exc)
            contacts = "• 112\n• 113 / 0800-0113\n• Veilig Thuis 0800-2000"
        utter(dispatcher, "utter_crisis", contacten=contacts)
        return super().run(dispatcher, tracker, domain)

    def act(self, dispatcher, tracker, domain):
        try:
            service.mark_opvolging(tracker.sender_id, _crisis_codes(tracker))
        except Exception as exc:  # the person still gets the callback offer
            log_failure("mark_opvolging", exc)
        utter(dispatcher, "utter_crisis_terugbellen")
        send_card(dispatcher, tracker, domain)
        return [SlotSet("crisis", True), SlotSet("stap", "crisis"), SlotSet("open_vraag", "terugbellen"),
                SlotSet("crisis_beantwoord", True), SlotSet("welkom_gehad", True)]


def door_stays_open(dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
    """After a refusal to call: the chat routes, we stay, a callback is still possible."""
    utter(dispatcher, "utter_crisis_geen_terugbellen", chat=chat_lines(tracker.get_slot("triage") or {}))
    send_card(dispatcher, tracker, domain)
    return [SlotSet("open_vraag", "terugbellen")]


class ActionCrisisGeenTerugbellen(SafeAction):
    def name(self) -> Text:
        return "action_crisis_geen_terugbellen"

    def act(self, dispatcher, tracker, domain):
        return door_stays_open(dispatcher, tracker, domain)


class ActionTerugbellen(SafeAction):
    def name(self) -> Text:
        return "action_terugbellen"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("terugbel_telefoon") == "[TELEFOON]":
            utter(dispatcher, "utter_terugbellen_geregeld")
        else:
            return [SlotSet("terugbel_telefoon", None)] + door_stays_open(dispatcher, tracker, domain)
        send_card(dispatcher, tracker, domain)
        return [SlotSet("terugbel_telefoon", None), SlotSet("open_vraag", None)]


class ValidateTerugbelForm(SafeFormValidation):
    check_crisis = False  # already in the crisis path

    def name(self) -> Text:
        return "validate_terugbel_form"

    def validate_terugbel_telefoon(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        phone = find_phone(text)
        if phone:
            service.mark_opvolging(tracker.sender_id, _crisis_codes(tracker), terugbellen=True, telefoon=phone)
            return {"terugbel_telefoon": "[TELEFOON]"}
        if is_skip(text) or yes_no(text) == "nee":
            return {"terugbel_telefoon": "overgeslagen"}
        utter(dispatcher, "utter_ongeldig_telefoon")
        return {"terugbel_telefoon": None}
