"""The form questions, asked by the form validations themselves.

Rasa's FormAction would call a second action, ``action_ask_<slot>``, after
every validation: a second round trip to this server, with the tracker, on
every answer. Instead each validation (actions/forms_base.py) ends by asking
the next question here. The domain therefore has no ``action_ask_<slot>`` or
``utter_ask_<slot>``; Rasa then leaves the asking to the custom action
(rasa/core/actions/forms.py, ``FormAction._ask_for_slot``). The texts are the
responses ``utter_question_<slot>`` with the gemeente's variables; the
summary shows the details from the aanmelding row; in KCC mode the card
follows every question.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_intent, latest_text, send_card, utter
from bot.aanmelding import service
from bot.aanmelding.validation import display_phone
from bot.dialogue.advice import theme_label
from bot.dialogue.answers import NEE, yes_no

SUMMARY = "samenvatting_ok"
# asked again right after an unclear answer: the same question in other words (one question per turn)
REPHRASED = {"toestemming": "utter_question_toestemming_anders"}


def question_response(slot: str) -> str:
    """The response that asks for ``slot``."""
    return f"utter_question_{slot}"


def ask(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Mapping[str, Any],
        asked_before: Optional[str] = None) -> None:
    """Ask for ``slot``; ``tracker`` holds the slots after this turn's validation.

    ``asked_before`` is the question the person just answered (or None).
    """
    if slot == SUMMARY:
        _ask_summary(dispatcher, tracker, domain, asked_before)
    elif asked_before == slot and slot in REPHRASED:
        utter(dispatcher, REPHRASED[slot])
    else:
        utter(dispatcher, question_response(slot))
    send_card(dispatcher, tracker, domain)


def summary_fields(row: Dict[str, Any], leeg: str) -> Dict[str, str]:
    """The variables of the summary question from the aanmelding row."""
    voorkeur = row.get("contact_voorkeur")
    if voorkeur == "telefoon" and row.get("telefoon"):
        contact = f"{display_phone(row['telefoon'])}"
    elif voorkeur == "email" and row.get("email"):
        contact = row["email"]
    else:
        contact = leeg
    return {
        "naam": row.get("naam") or leeg,
        "contact": contact,
        "postcode": row.get("postcode") or leeg,
        "belmoment": (row.get("belmoment") if voorkeur == "telefoon" else None) or leeg,
    }


def names_a_change(text: str) -> bool:
    """'nee, de naam moet Sanne zijn' says what to change: the summary comes again, corrected."""
    from bot.aanmelding import validation as fmt
    from bot.dialogue.answers import field_named

    return bool(field_named(text) or fmt.find_phone(text) or fmt.find_email(text) or fmt.find_postcode(text))


def _ask_summary(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Mapping[str, Any],
                 asked_before: Optional[str]) -> None:
    """The summary to confirm or correct; after a 'nee', ask what to change."""
    text = latest_text(tracker)
    if asked_before == SUMMARY and yes_no(text, *latest_intent(tracker)) == NEE and not names_a_change(text):
        utter(dispatcher, "utter_samenvatting_wat_aanpassen")
        return
    row = service.get(tracker.get_slot("aanmelding_ref"), tracker.sender_id)
    leeg = next(iter(domain.get("responses", {}).get("utter_samenvatting_leeg", [])), {}).get("text", "-")
    utter(dispatcher, question_response(SUMMARY), thema_label=theme_label(tracker.get_slot("triage")) or leeg,
          **summary_fields(row, leeg))
