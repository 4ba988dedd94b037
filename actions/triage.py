"""The hulpvraag: triage of the person's own words, and the advice turn."""

from __future__ import annotations

from typing import Text

from rasa_sdk.events import FollowupAction, SlotSet

from actions.common import (
    CHECK_OPEN,
    SafeAction,
    ask_check_question,
    latest_text,
    merged_ranking,
    previous_user_text,
    rol_of,
    send_card,
    utter,
)
from actions.flow import ActionToonAanbod, route_request, theme_events, told_before_asked
from actions.safety import answer_check_question, answer_veilig_thuis_question, tell_veilig_thuis, wants_check_question
from actions.story_triage import triage_of
from bot.config import settings
from bot.dialogue import input_check
from bot.dialogue.advice import advice_label, advice_steps, theme_label
from bot.dialogue.answers import NEE, yes_no
from bot.dialogue.clarify import is_correction, voor_wie_in_story, voor_wie_of
from bot.dialogue.offers import postcode_area
from bot.dialogue.requests import GROEP, read_request
from bot.dialogue.safety import refuses_to_call
from bot.dialogue.story import add_to_story, step_after
from bot.taxonomy import taxonomy
from bot.triage import crisis_signals
from bot.triage.result import as_result
from bot.triage.signals import detect

VIOLENCE_CODE = "contra_huiselijk_geweld"

def update_voor_wie(current, text):
    """The new voor_wie when the text tells it: a correction, or a first clear phrase."""
    if is_correction(text):
        return voor_wie_of(text)[0]
    found = voor_wie_in_story(text)
    return found[0] if found and current is None else current


def tells_more_than_the_question(text: str) -> bool:
    """A Veilig Thuis question that also tells of violence or a crisis is a hulpvraag too."""
    return any(s.soort == "crisis" or s.code == VIOLENCE_CODE for s in detect(text))


class ActionTriage(SafeAction):
    """Add the message to the story, triage the story, say what we understood."""

    def name(self) -> Text:
        return "action_triage"

    def act(self, dispatcher, tracker, domain):
        if tracker.get_slot("open_vraag") == CHECK_OPEN:  # the answer to "Bedoelt u dat u niet meer wilt leven?"
            events = answer_check_question(dispatcher, tracker, latest_text(tracker))
            send_card(dispatcher, tracker, domain)
            return events
        check = input_check.check_input(latest_text(tracker), previous_user_text(tracker))
        if tracker.get_slot("crisis_beantwoord") and refuses_to_call(check.tekst):
            return [SlotSet("stap", "crisis")]  # action_crisis keeps the door open (chat, stay, callback)
        # Not Dutch, but a crisis in words the rules know (English): the crisis path all the same.
        foreign_crisis = check.kind == input_check.ANDERSTALIG and bool(crisis_signals(check.tekst))
        if not check.bruikbaar and not foreign_crisis:
            utter(dispatcher, input_check.UNUSABLE_RESPONSE[check.kind])
            send_card(dispatcher, tracker, domain)
            return [SlotSet("stap", "onbruikbaar")]
        story_before = tracker.get_slot("verhaal") or []
        answered = check.bruikbaar and answer_veilig_thuis_question(dispatcher, tracker, check.tekst)
        if answered and not tells_more_than_the_question(check.tekst):
            send_card(dispatcher, tracker, domain)
            # the intake goes on where it was; before any story (or after the advice) we wait
            # (in a crisis the crisis answer stands: no advice or aanmelding question after it)
            go_on = bool(story_before) and tracker.get_slot("aanbod_getoond") is None and not tracker.get_slot("crisis")
            return [SlotSet("veilig_thuis_gezegd", True), SlotSet("stap", "verhelderen" if go_on else "onbruikbaar")]
        if check.herhaald and story_before and story_before[-1] == check.tekst:
            utter(dispatcher, "utter_herhaald")
            send_card(dispatcher, tracker, domain)
            return [SlotSet("stap", "onbruikbaar")]
        if story_before and not tells_more_than_the_question(check.tekst):
            # a request in so many words (a group, an aanmelding, a person) or a corrected theme
            routed = route_request(tracker, check.tekst, here=self.name())
            if routed:
                return routed
            themed = theme_events(tracker, check.tekst, dispatcher)
            if themed:
                utter(dispatcher, "utter_vraag_aanmelding")
                send_card(dispatcher, tracker, domain)
                return themed + [SlotSet("stap", "verhelderen"), SlotSet("open_vraag", "aanmelding")]
        told = told_before_asked(tracker, check.tekst)
        story = add_to_story(story_before, check.tekst)
        ranking = merged_ranking(tracker)
        voor_wie = update_voor_wie(tracker.get_slot("voor_wie"), check.tekst)
        rol = rol_of(tracker)
        result = triage_of(tracker, story, ranking, voor_wie=voor_wie, postcode=told.get("vraag_postcode"))
        step = step_after(result)
        events = [SlotSet("verhaal", story), SlotSet("ranking", ranking), SlotSet("triage", result),
                  SlotSet("crisis", result["crisis"]), SlotSet("voor_wie", voor_wie), SlotSet("stap", step),
                  SlotSet("open_vraag", None)] + [SlotSet(k, v) for k, v in told.items()]
        found = read_request(check.tekst, stop=False)
        if not story_before and found is not None and found.kind == GROEP:
            events.append(SlotSet("groep_gevraagd", True))  # asked in the first message: shown after the questions
        if wants_check_question(tracker, result):  # the rules' ambiguous distress or the learned middle band
            events += ask_check_question(dispatcher, tracker, result)  # gently first, 113 visible
            send_card(dispatcher, tracker, domain, triage=result, verhaal=story, voor_wie=voor_wie, rol=rol)
            return events
        if step == "crisis":
            return events  # action_crisis answers first, with nothing before it
        if not tracker.get_slot("welkom_gehad"):
            utter(dispatcher, "utter_welkom_kort")
            utter(dispatcher, "utter_privacy")
            events.append(SlotSet("welkom_gehad", True))
        if check.afgekapt:
            utter(dispatcher, "utter_te_lang")
        if answered:
            events.append(SlotSet("veilig_thuis_gezegd", True))
        else:
            events += tell_veilig_thuis(dispatcher, tracker, result)  # violence, not acute: Veilig Thuis first
        if len(story) > 1 and tracker.active_loop.get("name") is None and tracker.get_slot("triage"):
            utter(dispatcher, "utter_erkenning_aanvulling", thema_label=theme_label(result),
                  advies_label=advice_label(result))
        elif result.get("thema") == taxonomy().onduidelijk:
            utter(dispatcher, "utter_erkenning_onduidelijk")
        else:
            top = (result.get("themas") or [{}])[0]
            utter(dispatcher, "utter_erkenning", thema_label=theme_label(result),
                  zekerheid=f"{float(top.get('zekerheid') or 0):.2f}", advies_label=advice_label(result))
        send_card(dispatcher, tracker, domain, triage=result, verhaal=story, voor_wie=voor_wie, rol=rol)
        return events


class ActionAdvies(SafeAction):
    """The advice in B1: offers only where a group may fit, always the individual route."""

    def name(self) -> Text:
        return "action_advies"

    def act(self, dispatcher, tracker, domain):
        result = as_result(tracker.get_slot("triage"))
        groep = yes_no(tracker.get_slot("vraag_groep") or "") if tracker.get_slot("vraag_groep") else None
        if tracker.get_slot("groep_gevraagd") and groep != NEE:
            return ActionToonAanbod().act(dispatcher, tracker, domain)
        steps, offers = advice_steps(result, groep)
        unknown = next((v for v in domain.get("responses", {}).get("utter_aanbod_onbekend", [])), {}).get("text", "")
        area = postcode_area(tracker.get_slot("vraag_postcode"), settings().gemeente.naam)
        asked = bool(tracker.get_slot("aanmelding_gevraagd"))
        first_offer = True
        for response, variables in steps:
            if response == "utter_aanbod_item":
                if area["soort"] == "buiten" and first_offer:
                    utter(dispatcher, "utter_buiten_gemeente", pc4=tracker.get_slot("vraag_postcode"),
                          andere_gemeente=area["gemeente"] or "uw eigen gemeente")
                first_offer = False
                variables = {k: (v or unknown) for k, v in variables.items()}
            if response == "utter_vraag_aanmelding" and asked:
                continue  # the person asked for it: the aanmelding starts with its own first question
            utter(dispatcher, response, **variables)
        send_card(dispatcher, tracker, domain, triage=result)
        if asked:
            return [SlotSet("aanbod_getoond", offers), SlotSet("aanmelding_gevraagd", False), SlotSet("open_vraag", None),
                    FollowupAction("aanmelding_form")]
        return [SlotSet("aanbod_getoond", offers), SlotSet("open_vraag", "aanmelding")]
