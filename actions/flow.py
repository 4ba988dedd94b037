"""An intake that follows the person: requests in their own words, a checked stop.

- A request said in so many words ("is er een budgetcursus?", "dan maar een
  aanmelding, per mail", "ik wil een mens spreken") is honoured at any moment,
  whatever intent the language model guessed (bot/dialogue/requests.py).
- Nothing is wiped on a guess: a plain stop gets a question that says what
  will be wiped; "nee" goes back to where the conversation was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet

from actions.common import SafeAction, latest_text, merged_ranking, send_card, utter
from actions.story_triage import triage_of
from bot.aanmelding import validation as fmt
from bot.config import settings
from bot.dialogue import requests as req
from bot.dialogue.advice import reasons_text, theme_label
from bot.dialogue.answers import JA, NEE, pc4_of
from bot.dialogue.clarify import has_contra
from bot.dialogue.offers import offers_to_show, postcode_area
from bot.dialogue.story import add_to_story
from bot.triage.result import TriageResult

FORMS = ("verheldering_form", "aanmelding_form", "terugbel_form")
CONFIRM_WIPE = {"stoppen": "utter_stoppen_bevestigen", "opnieuw": "utter_opnieuw_bevestigen"}
ASK_AGAIN = {"aanmelding": "utter_vraag_aanmelding_anders", "terugbellen": "utter_terugbel_aanbod",
             "doorgaan": "utter_vraag_doorgaan"}


def has_story(tracker) -> bool:
    return bool(tracker.get_slot("verhaal")) or bool(tracker.get_slot("aanmelding_ref"))


def route_request(tracker, text: Optional[str] = None, here: str = "") -> List[Dict[Text, Any]]:
    """Events that hand an explicit request to the action for it ([] when there is none).

    ``here`` is the calling action, so a request is never handed to itself.
    """
    found = req.read_request(latest_text(tracker) if text is None else text)
    if found is None:
        return []
    target = {req.MENS: "action_zeg_medewerker", req.GROEP: "action_toon_aanbod",
              req.GEEN_GROEP: "action_toon_aanbod", req.STOPPEN: "action_stoppen", req.OPNIEUW: "action_opnieuw",
              req.AANMELDING: "aanmelding_form"}[found.kind]
    if target == here or (found.kind in (req.GROEP, req.GEEN_GROEP, req.AANMELDING) and not has_story(tracker)):
        return []
    if found.kind == req.AANMELDING and tracker.get_slot("aanmelding_bevestigd"):
        return []
    events: List[Dict[Text, Any]] = []
    if found.kind == req.AANMELDING and found.route:
        events.append(SlotSet("contact_voorkeur", found.route))
    return events + [FollowupAction(target)]


def wiped_text(tracker) -> str:
    """What a stop would wipe, in words (the confirming question says it)."""
    if tracker.get_slot("aanmelding_ref") and not tracker.get_slot("aanmelding_bevestigd"):
        return "wat u mij verteld heeft en de aanmelding die nog niet klaar is"
    if tracker.get_slot("verhaal"):
        return "wat u mij verteld heeft"
    return ""


def ask_to_wipe(dispatcher, tracker, domain, kind: str) -> List[Dict[Text, Any]]:
    """The confirming question before a stop or a restart; remembers where we were."""
    wat = wiped_text(tracker)
    active = (tracker.active_loop or {}).get("name") or tracker.get_slot("onderbroken")
    where = active if active in FORMS else (tracker.get_slot("open_vraag") or "")
    if where in ("stoppen", "opnieuw"):
        where = tracker.get_slot("onderbroken") or ""
    utter(dispatcher, CONFIRM_WIPE[kind], wat_weg=wat)
    send_card(dispatcher, tracker, domain)
    events = [SlotSet("open_vraag", kind), SlotSet("onderbroken", where or None)]
    if (tracker.active_loop or {}).get("name"):
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events


class ActionDoorgaan(SafeAction):
    """'Nee, niet stoppen': back to the question we were at."""

    crisis_first = True

    def name(self) -> Text:
        return "action_doorgaan"

    def act(self, dispatcher, tracker, domain):
        where = tracker.get_slot("onderbroken") or ""
        utter(dispatcher, "utter_doorgaan")
        events = [SlotSet("onderbroken", None), SlotSet("open_vraag", None)]
        if where in FORMS:
            return events + [FollowupAction(where)]
        if where in ASK_AGAIN:
            utter(dispatcher, ASK_AGAIN[where])
            send_card(dispatcher, tracker, domain)
            return [SlotSet("onderbroken", None), SlotSet("open_vraag", where)]
        utter(dispatcher, "utter_vertel_maar")
        send_card(dispatcher, tracker, domain)
        return events


def _request_themes(text: str) -> List[str]:
    """Themes the request's own words name ('budgetcursus' -> geldzaken)."""
    import re

    from bot.triage.lexicon import default_lexicon

    lexicon = default_lexicon()
    found: List[str] = []
    for word in re.findall(r"[^\W\d_]+", (text or "").lower()):
        for theme in sorted(lexicon.themes_of(word)):
            if theme not in found:
                found.append(theme)
    return found


class ActionToonAanbod(SafeAction):
    """A group or course asked for in so many words: shown, the individual route first where it fits."""

    crisis_first = True

    def name(self) -> Text:
        return "action_toon_aanbod"

    def act(self, dispatcher, tracker, domain):
        text = latest_text(tracker)
        found = req.read_request(text)
        if found is not None and found.kind == req.GEEN_GROEP:
            utter(dispatcher, "utter_advies_geen_groep")
            utter(dispatcher, "utter_vraag_aanmelding")
            send_card(dispatcher, tracker, domain)
            return [SlotSet("vraag_groep", NEE), SlotSet("groep_gevraagd", False), SlotSet("aanbod_getoond", []),
                    SlotSet("open_vraag", "aanmelding")]
        story = add_to_story(tracker.get_slot("verhaal"), text)
        ranking = merged_ranking(tracker)
        result = TriageResult.from_dict(triage_of(tracker, story, ranking, aanbod_gevraagd=True))
        wanted = set(_request_themes(text) or [result.thema])
        result = replace(result, suggesties=tuple(s for s in result.suggesties if set(s.themas) & wanted)
                         or result.suggesties)
        offers = offers_to_show(result)
        individual_first = (not result.advies.code.collective or result.crisis
                            or has_contra(result.signal_codes()))
        if individual_first:
            utter(dispatcher, "utter_aanbod_gevraagd_individueel", redenen=reasons_text(result))
        say_offers(dispatcher, tracker, domain, offers, individual_first)
        utter(dispatcher, "utter_vraag_aanmelding")
        send_card(dispatcher, tracker, domain, triage=result, verhaal=story)
        return [SlotSet("verhaal", story), SlotSet("ranking", ranking), SlotSet("triage", result.to_dict()),
                SlotSet("vraag_groep", JA), SlotSet("groep_gevraagd", True), SlotSet("aanbod_getoond", offers),
                SlotSet("open_vraag", "aanmelding"), SlotSet("stap", "verhelderen")]


def say_offers(dispatcher, tracker, domain, offers: List[Dict[str, str]], individual_first: bool) -> None:
    """The offers (each with why it fits), honest about a postcode of another gemeente."""
    unknown = next((v for v in domain.get("responses", {}).get("utter_aanbod_onbekend", [])), {}).get("text", "")
    area = postcode_area(tracker.get_slot("vraag_postcode"), settings().gemeente.naam)
    if offers and area["soort"] == "buiten":
        utter(dispatcher, "utter_buiten_gemeente", pc4=tracker.get_slot("vraag_postcode"),
              andere_gemeente=area["gemeente"] or "uw eigen gemeente")
    if not offers:
        utter(dispatcher, "utter_aanbod_gevraagd_geen")
    elif not individual_first:
        utter(dispatcher, "utter_aanbod_gevraagd")
    for offer in offers:
        utter(dispatcher, "utter_aanbod_item", **{k: (v or unknown) for k, v in offer.items()})
    if not individual_first:
        utter(dispatcher, "utter_individuele_route")


def theme_events(tracker, text: str, dispatcher) -> List[Dict[Text, Any]]:
    """'Het gaat eigenlijk over geld': the corrected theme comes first (and is what the aanmelding stores)."""
    found = req.theme_correction(text)
    if not found:
        return []
    thema = found[0]
    story = add_to_story(tracker.get_slot("verhaal"), text)
    result = triage_of(tracker, story, merged_ranking(tracker), thema=thema)
    utter(dispatcher, "utter_thema_aangepast", thema_label=theme_label(result))
    return [SlotSet("thema_keuze", thema), SlotSet("verhaal", story), SlotSet("triage", result)]


def told_before_asked(tracker, text: str) -> Dict[str, Any]:
    """A postcode (only its PC4) or a contact route said before it was asked: taken, not asked again."""
    slots: Dict[str, Any] = {}
    postcode = fmt.find_postcode(text)
    if postcode and not pc4_of(str(tracker.get_slot("vraag_postcode") or "")):
        slots["vraag_postcode"] = postcode[:4]
    route = req.contact_route(text)
    if route and not tracker.get_slot("aanmelding_ref"):
        slots["contact_voorkeur"] = route
    return slots
