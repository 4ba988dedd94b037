"""'Ik wil een medewerker spreken': the gemeente's phone route and a callback, at any moment."""

from __future__ import annotations

from typing import Text

from actions.common import SafeAction, send_card, utter


class ActionZegMedewerker(SafeAction):
    crisis_first = True

    def name(self) -> Text:
        return "action_zeg_medewerker"

    def act(self, dispatcher, tracker, domain):
        """The phone route, and a callback offered (one question)."""
        from rasa_sdk.events import ActiveLoop, SlotSet

        utter(dispatcher, "utter_medewerker")
        utter(dispatcher, "utter_terugbel_aanbod")
        send_card(dispatcher, tracker, domain)
        events = [SlotSet("open_vraag", "terugbellen")]
        active = (tracker.active_loop or {}).get("name")
        if active:
            events += [SlotSet("onderbroken", active), ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
