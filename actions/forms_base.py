"""Base of every form validation: crisis first, and no exception reaches anyone.

On every answer inside a form the latest message is checked for crisis
signals before anything else; an explicit request (a plain stop or
restart, a person to talk to, a group asked for) ends the form with the slot
``stap`` set to it for the rules; a confident question about privacy, the
assistant or another gemeente matter that is no answer is
answered, and the form asks again; on crisis the form stops (requested_slot None)
and the rules hand over to action_crisis. If validation fails, the raw answer
is dropped (never left in a slot) and the question is asked again. The
validation then asks the next question itself (actions/ask.py), so each
answer costs one call from Rasa to this server instead of two.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions import safety as safety_turns
from actions.ask import ask
from actions.common import (
    CHECK_OPEN,
    crisis_turn,
    domain_or_local,
    friendly_failure,
    keep_asking,
    latest_intent,
    latest_text,
    rol_events,
    utter,
)
from bot.aanmelding import validation as fmt
from bot.dialogue import contact
from bot.dialogue.answers import NEE, WEET_NIET, feedback_score, is_skip, pc4_of, yes_no
from bot.dialogue.requests import GEEN_GROEP, GROEP, MENS, OPNIEUW, STOPPEN, Request, is_goodbye, read_request

# intents answered inside a form (the form then asks its question again)
INTERRUPTIONS = {
    "buiten_scope": "utter_buiten_scope",
    "vraag_privacy": "utter_privacy_antwoord",
    "vraag_over_bot": "utter_over_bot",
    "bedanken": "utter_graag_gedaan",
    "afscheid": "utter_afscheid",
}
INTERRUPTION_CONFIDENCE = 0.8
# request read in a form -> value of the slot `stap` (the rules hand over to its action)
HAND_OVER = {STOPPEN: "stoppen", OPNIEUW: "opnieuw", MENS: "mens", GROEP: "groep", GEEN_GROEP: "groep"}
REQUESTED_SLOT = "requested_slot"


@dataclass(frozen=True)
class ContactField:
    """One contact question of the aanmelding: how its answer is read, stored and refused."""

    parse: Callable[[str], Optional[str]]  # the value in the answer (stored in the aanmelding), or None
    placeholder: str  # what the slot holds instead (the transcript is redacted on save)
    invalid: str  # the response when the answer holds no value and skips nothing
    skip_answers: Tuple[str, ...] = ()  # yes_no() answers that skip the question, next to is_skip()
    skip_means_no_contact: bool = False  # skipping it means: no contact at all (contact_voorkeur 'geen')


# the contact questions of aanmelding_form; actions/forms.py makes their validate_<field> from this table
CONTACT_FIELDS: Dict[str, ContactField] = {
    "telefoon": ContactField(fmt.find_phone, "[TELEFOON]", "utter_ongeldig_telefoon", skip_means_no_contact=True),
    "email": ContactField(fmt.find_email, "[EMAIL]", "utter_ongeldig_email", skip_means_no_contact=True),
    "postcode": ContactField(fmt.find_postcode, "[POSTCODE]", "utter_ongeldig_postcode", skip_answers=(NEE, WEET_NIET)),
    "belmoment": ContactField(contact.find_belmoment, "[BELMOMENT]", "utter_ongeldig_belmoment",
                              skip_answers=(WEET_NIET,)),
}

# a quick "is this an answer to the question?" per slot; free-text slots have none
_ANSWER_CHECKS = {
    **{name: field.parse for name, field in CONTACT_FIELDS.items()},
    "terugbel_telefoon": fmt.find_phone,
    "vraag_postcode": pc4_of,
    "contact_voorkeur": contact.contact_preference,
    "naam": fmt.find_name,
    "toestemming": yes_no,
    "samenvatting_ok": yes_no,
    "vraag_groep": yes_no,
    "feedback_antwoord": feedback_score,
}


def looks_like_answer(slot: str, text: str) -> bool:
    check = _ANSWER_CHECKS.get(slot)
    return is_skip(text) or (check is not None and check(text) is not None)


def interruption(tracker: Tracker) -> str:
    """The response for a confident question that is not an answer, else ''.

    A goodbye needs a goodbye word: "dat het beter gaat" answers the question.
    """
    intent, confidence = latest_intent(tracker)
    if intent not in INTERRUPTIONS or confidence < INTERRUPTION_CONFIDENCE:
        return ""
    text = latest_text(tracker)
    if intent == "afscheid" and not is_goodbye(text):
        return ""
    requested = tracker.get_slot("requested_slot") or ""
    return "" if looks_like_answer(requested, text) else INTERRUPTIONS[intent]


def wants_a_person(tracker: Tracker) -> bool:
    """'Ik wil een mens spreken' (in words, or a confident intent that is no answer)."""
    text = latest_text(tracker)
    found = read_request(text)
    if found is not None:
        return found.kind == MENS
    intent, confidence = latest_intent(tracker)
    requested = tracker.get_slot("requested_slot") or ""
    return (intent == "medewerker_spreken" and confidence >= INTERRUPTION_CONFIDENCE
            and not looks_like_answer(requested, text))


def tells_of_violence(text: str) -> bool:
    from bot.triage.signals import detect

    return any(s.soort == "crisis" or s.code == "contra_huiselijk_geweld" for s in detect(text))


class SafeFormValidation(FormValidationAction, ABC):
    """Validates the answer, then asks the next question itself (actions/ask.py)."""

    check_crisis = True

    @abstractmethod
    def name(self) -> Text:
        """validate_<form name>."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        domain = domain_or_local(domain)
        requested = tracker.get_slot("requested_slot")
        try:
            events = await self._validate(dispatcher, tracker, domain, requested)
        except Exception as exc:
            friendly_failure(dispatcher, self.name(), exc)
            events = keep_asking(requested) if requested else []
        if any(e.get("name") == "open_vraag" and e.get("value") == CHECK_OPEN for e in events):
            return events  # the check question was asked: one question, the form waits for its answer
        events = events + self._veilig_thuis(dispatcher, tracker, events)
        return events + await self._ask_next(dispatcher, tracker, domain, events, requested)

    @staticmethod
    def _veilig_thuis(dispatcher, tracker: Tracker, events: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
        """Violence told in an answer (not acute): the Veilig Thuis contact before the next question."""
        try:
            triage = next((e.get("value") for e in reversed(events) if e.get("name") == "triage"), None)
            return safety_turns.tell_veilig_thuis(dispatcher, tracker, triage) if triage else []
        except Exception as exc:
            friendly_failure(dispatcher, "veilig_thuis", exc)
            return []

    async def _validate(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                        requested: Optional[Text]) -> List[Dict[Text, Any]]:
        if self.check_crisis and requested:
            if tracker.get_slot("open_vraag") == CHECK_OPEN:
                return rol_events(tracker) + self._check_answered(dispatcher, tracker, requested)
            stop = crisis_turn(tracker, dispatcher, in_form=True)
            if stop:
                return rol_events(tracker) + stop
            if safety_turns.answer_veilig_thuis_question(dispatcher, tracker, latest_text(tracker)) \
                    and not tells_of_violence(latest_text(tracker)):
                return rol_events(tracker) + [SlotSet("veilig_thuis_gezegd", True)] + keep_asking(requested)
        if requested:
            followed = self.follow_person(dispatcher, tracker, domain, requested)
            if followed is not None:
                return rol_events(tracker) + followed
        answer = interruption(tracker) if requested else ""
        if answer:
            utter(dispatcher, answer)
            return rol_events(tracker) + keep_asking(requested)
        if not requested:
            # activation: answers given earlier were validated when they were given
            reset = self.on_activation(tracker)
            fresh = tracker.copy()
            fresh.add_slots(reset)
            next_slot = await self.next_requested_slot(dispatcher, fresh, domain)
            return rol_events(tracker) + reset + ([next_slot] if next_slot else [])
        return rol_events(tracker) + list(await super().run(dispatcher, tracker, domain))

    @staticmethod
    def _check_answered(dispatcher, tracker: Tracker, requested: str) -> List[Dict[Text, Any]]:
        """The answer to the check question inside a form: crisis path, or the same question again."""
        events = safety_turns.answer_check_question(dispatcher, tracker, latest_text(tracker))
        if any(e.get("name") == "stap" and e.get("value") == "crisis" for e in events):
            return events + [SlotSet(requested, None), SlotSet("requested_slot", None)]
        return [e for e in events if e.get("name") != "stap"] + keep_asking(requested)

    def on_activation(self, tracker: Tracker) -> List[Dict[Text, Any]]:
        """Events when the form starts (before its first question); none by default."""
        return []

    def form_name(self) -> str:
        return self.name()[len("validate_"):]

    def hand_over(self, found: Optional[Request], requested: str, target: Optional[str] = None) -> List[Dict[Text, Any]]:
        """End this form for a request; the form can be resumed afterwards (slot onderbroken)."""
        kind = MENS if target == "action_zeg_medewerker" else found.kind
        # the rules in data/rules/onderbrekingen.yml read `stap` and run the action for it
        return [SlotSet("onderbroken", self.form_name()), SlotSet("stap", HAND_OVER[kind]), SlotSet(requested, None),
                SlotSet(REQUESTED_SLOT, None)]

    def follow_person(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                      requested: str) -> Optional[List[Dict[Text, Any]]]:
        """Events for an explicit request instead of an answer (None: read it as the answer).

        A plain stop or restart (asked to confirm), a person to talk to, a
        group or course asked for: the form hands over and can be resumed.
        """
        found = read_request(latest_text(tracker))
        if found is not None and found.kind in (STOPPEN, OPNIEUW, GROEP, GEEN_GROEP):
            return self.hand_over(found, requested)
        if wants_a_person(tracker):
            return self.hand_over(found, requested, "action_zeg_medewerker")
        return None

    async def _ask_next(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any],
                        events: List[Dict[Text, Any]], asked_before: Optional[Text]) -> List[Dict[Text, Any]]:
        """Ask the question the form needs next; the SlotSet of requested_slot if Rasa lacks one."""
        try:
            after = tracker.copy()
            after.add_slots(events)
            decided = [e for e in events if e.get("event") == "slot" and e.get("name") == REQUESTED_SLOT]
            extra: List[Dict[Text, Any]] = []
            if decided:
                next_slot = decided[-1].get("value")
            else:  # the form's own order: the first required slot without a value
                required = await self.required_slots(self.domain_slots(domain), dispatcher, after, domain)
                next_slot = next((s for s in required if after.get_slot(s) is None), None)
                extra = [SlotSet(REQUESTED_SLOT, next_slot)]
            if next_slot:
                ask(next_slot, dispatcher, after, domain, asked_before)
            return extra
        except Exception as exc:
            friendly_failure(dispatcher, self.name(), exc)
            return []
