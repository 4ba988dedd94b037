"""'Ik wil een medewerker spreken': the gemeente's contact route, at any moment."""

from __future__ import annotations

from typing import Text

from actions.common import SafeAction, send_card, utter


class ActionZegMedewerker(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_zeg_medewerker"

    def act(self, dispatcher, tracker, domain):
        utter(dispatcher, "utter_medewerker")
        send_card(dispatcher, tracker, domain)
        return []
