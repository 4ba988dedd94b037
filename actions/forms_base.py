"""Base of every form validation: crisis first, and no exception reaches anyone.

On every answer inside a form the latest message is checked for crisis
signals before anything else; on crisis the form stops (requested_slot None)
and the rules hand over to action_crisis. If validation fails, the raw answer
is dropped (never left in a slot) and the question is asked again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.common import friendly_failure, latest_text, rol_events, rol_of
from bot.dialogue import input_check
from bot.triage.ranking import ranking_from_parse


def crisis_interrupt(tracker: Tracker) -> List[Dict[Text, Any]]:
    """Events that stop the form when the latest message holds a crisis signal."""
    check = input_check.check_input(latest_text(tracker))
    if not check.bruikbaar:
        return []
    from bot.triage import triage

    result = triage(check.tekst, theme_ranking=ranking_from_parse(tracker.latest_message),
                    rol=rol_of(tracker)).to_dict()
    if not result.get("crisis"):
        return []
    events = [SlotSet("triage", result), SlotSet("crisis", True), SlotSet("stap", "crisis")]
    requested = tracker.get_slot("requested_slot")
    if requested:
        events.append(SlotSet(requested, None))
    return events + [SlotSet("requested_slot", None)]


class SafeFormValidation(FormValidationAction, ABC):
    check_crisis = True

    @abstractmethod
    def name(self) -> Text:
        """validate_<form name>."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        requested = tracker.get_slot("requested_slot")
        try:
            if self.check_crisis and requested:
                stop = crisis_interrupt(tracker)
                if stop:
                    return rol_events(tracker) + stop
            return rol_events(tracker) + list(await super().run(dispatcher, tracker, domain))
        except Exception as exc:
            friendly_failure(dispatcher, self.name(), exc)
            return [SlotSet(requested, None)] if requested else []
