"""Answers that only need the gemeente's settings: welcome, contact, privacy.

Each is a custom action (not a plain utter_) so the texts can carry the
gemeente's name, phone route and privacy text from data/gemeente.yml, and so
every turn in KCC mode carries the triage card.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Text

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, latest_text, send_card, utter
from actions.safety import answer_veilig_thuis_question


class ActionWelkom(SafeAction):
    """What the assistant is for, that it is no emergency line, privacy, a choice."""

    crisis_first = True

    def name(self) -> Text:
        return "action_welkom"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("welkom_gehad"):
            utter(dispatcher, "utter_vraag_hulpvraag")
        else:
            utter(dispatcher, "utter_welkom")
            utter(dispatcher, "utter_privacy")
            utter(dispatcher, "utter_vraag_doorgaan")
        send_card(dispatcher, tracker, domain)
        asked = [] if tracker.get_slot("welkom_gehad") else [SlotSet("open_vraag", "doorgaan")]
        return [SlotSet("welkom_gehad", True)] + asked


class _Zeg(SafeAction):
    """Say one response with the gemeente's variables (and the card in KCC mode)."""

    crisis_first = True

    response = ""
    closes_question = False  # answers a yes/no question: forget it afterwards

    @abstractmethod
    def name(self) -> Text:
        """Set by ``_zeg``."""

    def act(self, dispatcher, tracker, domain):
        # read as small talk, asked about Veilig Thuis (KCC: "wat kan ik nu doen?" after a sign of violence)
        if answer_veilig_thuis_question(dispatcher, tracker, latest_text(tracker)):
            send_card(dispatcher, tracker, domain)
            return [SlotSet("veilig_thuis_gezegd", True)]
        utter(dispatcher, self.response)
        send_card(dispatcher, tracker, domain)
        return [SlotSet("open_vraag", None)] if self.closes_question else []


def _zeg(action: str, response: str, closes_question: bool = False) -> type:
    cls_name = "".join(p.title() for p in action.split("_"))
    return type(cls_name, (_Zeg,), {"name": lambda self: action, "response": response,
                                    "closes_question": closes_question, "__module__": __name__})


ActionZegVraagHulpvraag = _zeg("action_zeg_vraag_hulpvraag", "utter_vraag_hulpvraag", closes_question=True)
ActionZegVertelMaar = _zeg("action_zeg_vertel_maar", "utter_vertel_maar")
ActionZegGeenProbleem = _zeg("action_zeg_geen_probleem", "utter_geen_probleem", closes_question=True)
ActionZegBuitenScope = _zeg("action_zeg_buiten_scope", "utter_buiten_scope")
ActionZegOverBot = _zeg("action_zeg_over_bot", "utter_over_bot")
ActionZegPrivacy = _zeg("action_zeg_privacy", "utter_privacy_antwoord")
class ActionZegAfscheid(_Zeg):
    """A goodbye needs a goodbye word or high confidence, and no open question.

    "dat ik rust krijg" after "Wilt u dat ik een aanmelding maak?" is an
    answer, not a goodbye: the question comes again in other words.
    """

    response = "utter_afscheid"
    SURE = 0.9

    def name(self) -> Text:
        return "action_zeg_afscheid"

    def act(self, dispatcher, tracker, domain):
        from actions.common import latest_intent, latest_text
        from actions.flow import ASK_AGAIN
        from bot.dialogue.requests import is_goodbye

        text = latest_text(tracker)
        _, confidence = latest_intent(tracker)
        open_vraag = tracker.get_slot("open_vraag")
        if is_goodbye(text) or (confidence >= self.SURE and not open_vraag):
            return super().act(dispatcher, tracker, domain)
        if open_vraag in ASK_AGAIN:
            utter(dispatcher, ASK_AGAIN[open_vraag])
        else:
            utter(dispatcher, "utter_fallback")
        send_card(dispatcher, tracker, domain)
        return []
ActionZegGraagGedaan = _zeg("action_zeg_graag_gedaan", "utter_graag_gedaan")
ActionZegGeenAanmelding = _zeg("action_zeg_geen_aanmelding", "utter_geen_aanmelding", closes_question=True)
