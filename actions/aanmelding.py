"""Storing the feedback at the end of the conversation.

The aanmelding itself is confirmed by the summary's validation
(actions/forms.py, ValidateAanmeldingForm._confirm).
"""

from __future__ import annotations

from typing import Text

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, log_failure, send_card, utter
from bot.aanmelding import service


class ActionFeedbackOpslaan(SafeAction):
    def name(self) -> Text:
        return "action_feedback_opslaan"

    def act(self, dispatcher, tracker, domain):
        label = tracker.get_slot("feedback_antwoord") or "anders"
        score = {"goed": 3, "gaat_wel": 2, "niet_goed": 1}.get(label)
        try:
            service.record_feedback(tracker.sender_id, score, label, referentie=tracker.get_slot("aanmelding_ref"))
        except Exception as exc:  # feedback is nice to have: thank the person anyway
            log_failure("record_feedback", exc)
        utter(dispatcher, "utter_feedback_dank")
        send_card(dispatcher, tracker, domain)
        return [SlotSet("feedback_antwoord", None)]
