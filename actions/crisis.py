"""Crisis: the right contact at once, a callback offer, human follow-up, nothing else.

The contacts come from the taxonomy (crisis signals' ``contact``), the
follow-up mark holds signal codes only (bot.aanmelding.service.mark_opvolging).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import SafeAction, gemeente_vars, latest_intent, latest_text, log_failure, send_card, utter
from actions.forms_base import SafeFormValidation
from actions.safety import chat_lines
from bot.aanmelding import service
from bot.aanmelding.validation import find_phone
from bot.dialogue.answers import JA, is_skip, yes_no
from bot.dialogue.requests import OPNIEUW, STOPPEN, read_request
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
    """The follow-up reasons: crisis codes, or a plain callback request (someone asked for a person)."""
    codes = [c for c in signal_codes(tracker.get_slot("triage")) if c.startswith("crisis_")]
    if not codes and not tracker.get_slot("crisis") and tracker.get_slot("stap") != "crisis":
        return ["terugbelverzoek"]
    return codes or ["crisis"]


def in_crisis(tracker: Tracker) -> bool:
    """The conversation is on the crisis path (slot, step, or the latest triage says so)."""
    return bool(tracker.get_slot("crisis") or tracker.get_slot("stap") == "crisis"
                or (tracker.get_slot("triage") or {}).get("crisis"))


def _resume(tracker) -> List[Dict[str, Any]]:
    """After a callback question outside a crisis: back to the form it interrupted, if any."""
    from rasa_sdk.events import FollowupAction

    where = tracker.get_slot("onderbroken")
    if tracker.get_slot("crisis") or where not in ("verheldering_form", "aanmelding_form"):
        return []
    return [SlotSet("onderbroken", None), FollowupAction(where)]


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
        if in_crisis(tracker):
            return door_stays_open(dispatcher, tracker, domain)
        utter(dispatcher, "utter_geen_terugbellen")  # a callback someone asked for outside a crisis
        send_card(dispatcher, tracker, domain)
        return [SlotSet("open_vraag", None)] + _resume(tracker)


UNCLEAR = "onduidelijk"  # terugbel_telefoon: the answer to the callback question was no clear yes


class ActionTerugbellen(SafeAction):
    def name(self) -> Text:
        return "action_terugbellen"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("terugbel_telefoon") == UNCLEAR:  # "zelf" read as a weak yes: ask again
            utter(dispatcher, "utter_terugbel_opnieuw")
            return [SlotSet("terugbel_telefoon", None), SlotSet("open_vraag", "terugbellen")]
        if tracker.get_slot("terugbel_telefoon") == "[TELEFOON]":
            utter(dispatcher, "utter_terugbellen_geregeld")
        elif not in_crisis(tracker):
            utter(dispatcher, "utter_geen_terugbellen")
        else:
            return [SlotSet("terugbel_telefoon", None)] + door_stays_open(dispatcher, tracker, domain)
        send_card(dispatcher, tracker, domain)
        return [SlotSet("terugbel_telefoon", None), SlotSet("open_vraag", None)] + _resume(tracker)


class ValidateTerugbelForm(SafeFormValidation):
    check_crisis = False  # already in the crisis path (or a callback someone asked for)

    def on_activation(self, tracker):
        """Only a clear yes starts the callback: a word the classifier read as a weak yes ("zelf") asks again."""
        if yes_no(latest_text(tracker), *latest_intent(tracker)) != JA:
            return [SlotSet("terugbel_telefoon", UNCLEAR)]
        return []

    def follow_person(self, dispatcher, tracker, domain, requested):
        """A plain stop at the number question means no callback (no number was stored)."""
        found = read_request(latest_text(tracker))
        if found is not None and found.kind in (STOPPEN, OPNIEUW):
            return [SlotSet("terugbel_telefoon", "overgeslagen"), SlotSet("requested_slot", None)]
        return None

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
