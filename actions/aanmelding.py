"""Closing the aanmelding (reference, what happens next) and storing feedback."""

from __future__ import annotations

from typing import Text

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, log_failure, send_card, utter
from actions.forms import _keuzes
from bot.aanmelding import service
from bot.dialogue.answers import NEE
from bot.dialogue.story import story_text


class ActionAanmeldingAfronden(SafeAction):
    def name(self) -> Text:
        return "action_aanmelding_afronden"

    def act(self, dispatcher, tracker, domain):
        ref = tracker.get_slot("aanmelding_ref")
        if tracker.get_slot("toestemming") == NEE or not ref:
            service.discard_concept(tracker.sender_id)
            utter(dispatcher, "utter_geen_toestemming")
            send_card(dispatcher, tracker, domain)
            return [SlotSet("toestemming", None), SlotSet("open_vraag", None)]
        service.update_triage(ref, tracker.sender_id, triage=tracker.get_slot("triage") or {},
                              hulpvraag=story_text(tracker.get_slot("verhaal")), keuzes=_keuzes(tracker),
                              aanbod=tracker.get_slot("aanbod_getoond") or [])
        row = service.confirm(ref, tracker.sender_id)
        utter(dispatcher, "utter_aanmelding_klaar", referentie=row["referentie"])
        voorkeur = row.get("contact_voorkeur") or "geen"
        utter(dispatcher, f"utter_wat_nu_{voorkeur if voorkeur in ('telefoon', 'email') else 'geen'}")
        send_card(dispatcher, tracker, domain, referentie=row["referentie"])
        return [SlotSet("aanmelding_bevestigd", True), SlotSet("open_vraag", None)]


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
