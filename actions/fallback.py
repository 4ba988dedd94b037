"""When the message is not understood: a specific, friendly answer.

Empty, only emoji, another language, the same message again, or just unclear:
each gets its own answer; the gemeente's phone route is always in reach.
"""

from __future__ import annotations

from typing import Text

from actions.common import SafeAction, latest_text, previous_user_text, send_card, utter
from bot.dialogue import input_check


class ActionFallback(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_fallback"

    def act(self, dispatcher, tracker, domain):
        check = input_check.check_input(latest_text(tracker), previous_user_text(tracker))
        if check.kind == input_check.LEEG:
            utter(dispatcher, "utter_leeg")
        elif check.kind == input_check.GEEN_WOORDEN:
            utter(dispatcher, "utter_geen_woorden")
        elif check.kind == input_check.ANDERSTALIG:
            utter(dispatcher, "utter_anderstalig")
        elif check.herhaald:
            utter(dispatcher, "utter_herhaald")
        else:
            utter(dispatcher, "utter_fallback")
        send_card(dispatcher, tracker, domain)
        return []
