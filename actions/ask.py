"""The form questions (action_ask_<slot>): texts with the gemeente's variables.

Custom ask actions instead of plain utter_ask_ responses, so a question can
use data/gemeente.yml (retention days, wijkteam name), the summary can show
the details from the aanmelding row, and KCC mode gets its card every turn.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, Text

from actions.common import SafeAction, latest_intent, latest_text, send_card, utter
from bot.aanmelding import service
from bot.aanmelding.validation import display_phone
from bot.dialogue.advice import theme_label
from bot.dialogue.answers import NEE, yes_no


class _Ask(SafeAction):
    slot = ""

    @abstractmethod
    def name(self) -> Text:
        """Set by ``_ask``."""

    def act(self, dispatcher, tracker, domain):
        utter(dispatcher, f"utter_ask_{self.slot}")
        send_card(dispatcher, tracker, domain)
        return []


def _ask(slot: str) -> type:
    cls_name = "ActionAsk" + "".join(p.title() for p in slot.split("_"))
    return type(cls_name, (_Ask,), {"name": lambda self: f"action_ask_{slot}", "slot": slot,
                                    "__module__": __name__})


ActionAskVraagVoorWie = _ask("vraag_voor_wie")
ActionAskVraagSinds = _ask("vraag_sinds")
ActionAskVraagGeprobeerd = _ask("vraag_geprobeerd")
ActionAskVraagWens = _ask("vraag_wens")
ActionAskVraagGroep = _ask("vraag_groep")
ActionAskVraagPostcode = _ask("vraag_postcode")
ActionAskToestemming = _ask("toestemming")
ActionAskNaam = _ask("naam")
ActionAskContactVoorkeur = _ask("contact_voorkeur")
ActionAskTelefoon = _ask("telefoon")
ActionAskEmail = _ask("email")
ActionAskPostcode = _ask("postcode")
ActionAskBelmoment = _ask("belmoment")
ActionAskTerugbelTelefoon = _ask("terugbel_telefoon")
ActionAskFeedbackAntwoord = _ask("feedback_antwoord")


def summary_fields(row: Dict[str, Any], leeg: str) -> Dict[str, str]:
    """The variables of utter_ask_samenvatting_ok from the aanmelding row."""
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


class ActionAskSamenvattingOk(SafeAction):
    """The summary to confirm or correct; after a 'nee', ask what to change."""

    def name(self) -> Text:
        return "action_ask_samenvatting_ok"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("requested_slot") == "samenvatting_ok" and \
                yes_no(latest_text(tracker), *latest_intent(tracker)) == NEE:
            utter(dispatcher, "utter_samenvatting_wat_aanpassen")
            send_card(dispatcher, tracker, domain)
            return []
        row = service.get(tracker.get_slot("aanmelding_ref"), tracker.sender_id)
        leeg = next(iter(domain.get("responses", {}).get("utter_samenvatting_leeg", [])), {}).get("text", "-")
        utter(dispatcher, "utter_ask_samenvatting_ok", thema_label=theme_label(tracker.get_slot("triage")) or leeg,
              **summary_fields(row, leeg))
        send_card(dispatcher, tracker, domain)
        return []
