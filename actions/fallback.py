"""When the message is not understood: a specific, friendly answer.

Empty, only emoji, another language, the same message again, or just unclear:
each gets its own answer; the gemeente's phone route is always in reach. A
message the language model found ambiguous between hulpvraag themes is a
hulpvraag all the same and goes to action_triage.
"""

from __future__ import annotations

from typing import Text

from rasa_sdk.events import FollowupAction

from actions.common import SafeAction, latest_text, previous_user_text, send_card, utter
from bot.dialogue import input_check
from bot.triage.ranking import ranking_from_parse

# when the language model hesitates between hulpvraag intents (e.g. geldzaken
# 0.47 / psychisch 0.52 gives nlu_fallback), the message is still a hulpvraag
HULPVRAAG_SHARE = 0.5


def looks_like_hulpvraag(parse_data) -> bool:
    share = sum(c for name, c in ranking_from_parse(parse_data) if name.startswith("hulpvraag_"))
    return share >= HULPVRAAG_SHARE


class ActionFallback(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_fallback"

    def act(self, dispatcher, tracker, domain):
        check = input_check.check_input(latest_text(tracker), previous_user_text(tracker))
        if check.bruikbaar and not check.herhaald and looks_like_hulpvraag(tracker.latest_message):
            return [FollowupAction("action_triage")]
        if check.kind in input_check.UNUSABLE_RESPONSE:
            utter(dispatcher, input_check.UNUSABLE_RESPONSE[check.kind])
        elif check.herhaald:
            utter(dispatcher, "utter_herhaald")
        else:
            utter(dispatcher, "utter_fallback")
        send_card(dispatcher, tracker, domain)
        return []
