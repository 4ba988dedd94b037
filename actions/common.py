"""Shared helpers of the actions: role, gemeente texts, KCC card, safety net.

``SafeAction`` and ``safe_run`` make sure no Python exception ever reaches the
person: they get a friendly answer with the gemeente's phone route, and the
error is logged with the action name and traceback, never the message text.
"""

from __future__ import annotations

import logging
import re
import traceback
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Any, Dict, List, Mapping, Optional, Sequence, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import paths
from bot.config import settings
from bot.dialogue.card import build_card
from bot.dialogue.clarify import still_unknown
from bot.dialogue.story import story_text
from bot.dialogue.vocabulary import vocabulary
from bot.taxonomy import taxonomy
from bot.triage.ranking import merge_rankings, ranking_from_parse, theme_of_intent

log = logging.getLogger("actions")

KCC = "kcc"
INWONER = "inwoner"
HANDED_OVER = ("stoppen", "opnieuw", "mens", "groep")


# --------------------------------------------------------------- role
def rol_of(tracker: Tracker) -> str:
    """The role from the channel's message metadata, else the session's.

    Only the channel sets metadata ({"rol": "kcc"} from the KCC console);
    nothing a person types can change it.
    """
    meta = (tracker.latest_message or {}).get("metadata") or {}
    if isinstance(meta, dict) and meta.get("rol") in (KCC, INWONER):
        return meta["rol"]
    start = tracker.get_slot("session_started_metadata") or {}
    if isinstance(start, dict) and start.get("rol") in (KCC, INWONER):
        return start["rol"]
    return KCC if tracker.get_slot("rol") == KCC else INWONER


def rol_events(tracker: Tracker) -> List[Dict[Text, Any]]:
    rol = rol_of(tracker)
    return [] if tracker.get_slot("rol") == rol else [SlotSet("rol", rol)]


# ------------------------------------------------------- gemeente texts
def gemeente_vars() -> Dict[str, Any]:
    """Variables every response may use, from data/gemeente.yml."""
    s = settings()
    g = s.gemeente
    nood = s.noodnummers
    return {
        "gemeente": g.naam,
        "gemeente_telefoon": g.telefoon,
        "gemeente_website": g.website,
        "bereikbaar": g.bereikbaar,
        "wijkteam": g.wijkteam,
        "contact_route": s.contact_route,
        "privacy_tekst": s.privacy.tekst,
        "gesprek_dagen": s.privacy.gesprekken_dagen,
        "aanmelding_dagen": s.privacy.aanmeldingen_dagen,
        "lezers": ", ".join(s.privacy.lezers),
        "nood_algemeen": nood.get("algemeen", "112"),
        "nood_113": nood.get("zelfmoordpreventie", "113"),
        "nood_veilig_thuis": nood.get("veilig_thuis", "0800-2000"),
        "max_tekens": vocabulary().max_tekens,
    }


@lru_cache(maxsize=1)
def local_domain() -> Dict[str, Any]:
    """domain.yml as a dict, read once: the domain the model was trained on.

    endpoints.yml enables Rasa's selective domain, so the Rasa server no
    longer sends its whole domain (about 29 kB, serialised anew) with every
    action call; actions use this copy instead. Its ``forms``, ``slots`` and
    ``responses`` have the same shape as Rasa's ``Domain.as_dict()``
    (tests/actions/test_domain_consistency.py).
    """
    return yaml.safe_load((paths.ROOT / "domain.yml").read_text(encoding="utf-8")) or {}


def domain_or_local(domain: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """The domain Rasa sent, or else the local domain.yml."""
    return domain if domain else local_domain()


@lru_cache(maxsize=1)
def _variables_per_response() -> Dict[str, frozenset]:
    """{response: the {variables} its variants use}, read once from domain.yml."""
    found: Dict[str, frozenset] = {}
    for name, variants in (local_domain().get("responses") or {}).items():
        text = " ".join(str(v.get("text", "")) + " " + str(v.get("buttons", "")) for v in variants or [])
        found[name] = frozenset(re.findall(r"\{([a-z0-9_]+)\}", text))
    return found


def utter(dispatcher: CollectingDispatcher, response: str, **variables: Any) -> None:
    """Send a response with only the variables it uses.

    Rasa stores the variables in the bot event's metadata, and every action
    call carries all events: passing everything to every message would make
    each turn slower as the conversation grows.
    """
    wanted = _variables_per_response().get(response)
    values = {**gemeente_vars(), **variables}
    if wanted is not None:
        values = {k: v for k, v in values.items() if k in wanted}
    dispatcher.utter_message(response=response, **values)


def response_text(domain: Mapping[str, Any], response: str, rol: str = INWONER) -> str:
    """The text of a response variant (KCC variant when rol is kcc)."""
    variants = ((domain or {}).get("responses") or {}).get(response) or []
    plain = [v for v in variants if not v.get("condition")]
    kcc = [v for v in variants if any(c.get("name") == "rol" and c.get("value") == KCC
                                       for c in v.get("condition") or [])]
    chosen = (kcc if rol == KCC and kcc else plain) or variants
    return str(chosen[0].get("text", "")) if chosen else ""


# ------------------------------------------------------------- tracker
def latest_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def latest_intent(tracker: Tracker) -> tuple:
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def previous_user_text(tracker: Tracker) -> Optional[str]:
    """The user message before the latest one, for the 'same message again' check."""
    texts = [e.get("text") for e in tracker.events if e.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 else None


def merged_ranking(tracker: Tracker) -> List[Any]:
    """The ranking so far merged with the latest message's.

    Later messages (answers such as "ja" or "voor mijzelf") only add theme
    intents: their confident "bevestigen" must not make the story look
    theme-less.
    """
    known = tracker.get_slot("ranking") or []
    known = [(str(p[0]), float(p[1])) for p in known if isinstance(p, (list, tuple)) and len(p) == 2]
    latest = ranking_from_parse(tracker.latest_message)
    if known:
        themes = set(taxonomy().theme_codes)
        latest = [(i, c) for i, c in latest if theme_of_intent(i) in themes]
    return [list(p) for p in merge_rankings([known, latest])]


def answered_questions(tracker: Tracker) -> Dict[str, Any]:
    return {s: tracker.get_slot(s) for s in vocabulary().vragen + (vocabulary().groepsvraag,)
            if tracker.get_slot(s)}


# ------------------------------------------------------------ KCC card
def send_card(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Mapping[str, Any],
              triage: Optional[Mapping[str, Any]] = None, rol: Optional[str] = None, **extra: Any) -> None:
    """In KCC mode: the structured triage card as a custom payload."""
    rol = rol or rol_of(tracker)
    if rol != KCC:
        return
    triage = triage if triage is not None else tracker.get_slot("triage")
    story = extra.pop("verhaal", None) or tracker.get_slot("verhaal") or []
    answered = {**answered_questions(tracker), **extra.pop("beantwoord", {})}
    volgende = [
        {"slot": slot, "vraag": response_text(domain, f"utter_question_{slot}", KCC)}
        for slot in still_unknown(story_text(story), answered)
    ]
    keuzes = {"voor_wie": extra.pop("voor_wie", None) or tracker.get_slot("voor_wie"), **answered}
    dispatcher.utter_message(json_message=build_card(
        triage, volgende, {k: v for k, v in keuzes.items() if v},
        referentie=extra.pop("referentie", None) or tracker.get_slot("aanmelding_ref"),
    ))


# --------------------------------------------------------- safety net
def log_failure(action: str, exc: BaseException) -> None:
    """Log an action's failure: type and traceback, never the person's text."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("action %s failed with %s\n%s", action, type(exc).__name__, frames)


def friendly_failure(dispatcher: CollectingDispatcher, action: str, exc: BaseException) -> None:
    log_failure(action, exc)
    try:
        utter(dispatcher, "utter_technisch_probleem")
    except Exception as inner:  # even the settings may be broken: still answer
        log_failure(action + " (fallback)", inner)
        dispatcher.utter_message(response="utter_technisch_probleem")


# ------------------------------------------------------- crisis check
CHECK_OPEN = "levenscheck"  # open_vraag while the check question waits for its answer


def ask_check_question(dispatcher, tracker: Tracker, triage: Mapping[str, Any]) -> List[Dict[Text, Any]]:
    """"Bedoelt u dat u niet meer wilt leven?" (113 visible); the answer is read by action_levenscheck."""
    from bot.dialogue.safety import check_evidence

    utter(dispatcher, "utter_levenscheck", bewijs=check_evidence(triage))
    return [SlotSet("triage", dict(triage)), SlotSet("stap", "checkvraag"), SlotSet("open_vraag", CHECK_OPEN),
            SlotSet("levenscheck", "gevraagd")]


def keep_asking(requested: str) -> List[Dict[Text, Any]]:
    """Drop the (raw) answer and ask the same question again."""
    return [SlotSet(requested, None), SlotSet("requested_slot", requested)]


def crisis_turn(tracker: Tracker, dispatcher: Optional[CollectingDispatcher] = None, *,
                in_form: bool = False) -> List[Dict[Text, Any]]:
    """The one crisis check of every message the person sends: events when it holds a crisis signal, else [].

    Outside a form (``SafeAction.crisis_first``: welcome, info answers, stop,
    opnieuw, fallback) the message joins the story, so a later turn still
    knows the crisis, and the turn hands over to action_crisis, or to
    action_levenscheck for ambiguous distress ("ik kan niet meer"); an active
    loop is closed. Inside a form (``in_form``, every form validation) the
    form stops (requested_slot None) and the rules hand over to action_crisis;
    ambiguous distress asks the check question in place when there is a
    ``dispatcher`` (the form waits for its answer), and without one the next
    answer is checked again.
    """
    from bot.dialogue.safety import crisis_in_message
    from bot.dialogue.story import add_to_story

    found = crisis_in_message(latest_text(tracker), ranking_from_parse(tracker.latest_message), rol_of(tracker),
                              tracker.get_slot("levenscheck"),
                              requested_slot=tracker.get_slot("requested_slot") if in_form else None)
    if found is None:
        return []
    result = dict(found.triage)
    if in_form:
        requested = tracker.get_slot("requested_slot")
        if dispatcher is not None and found.check_first:
            return ask_check_question(dispatcher, tracker, result) + keep_asking(requested)
        if found.check_first and not result.get("crisis"):
            return []  # the learned middle band with no one to ask: the next answer is checked again
        events: List[Dict[Text, Any]] = [SlotSet("triage", result), SlotSet("crisis", True), SlotSet("stap", "crisis")]
        if requested:
            events.append(SlotSet(requested, None))
        return events + [SlotSet("requested_slot", None)]
    events = [SlotSet("triage", result), SlotSet("verhaal", add_to_story(tracker.get_slot("verhaal"), found.tekst))]
    if not found.check_first:  # ambiguous distress: the check question, not the crisis stop
        events += [SlotSet("crisis", True), SlotSet("stap", "crisis")]
    if (tracker.active_loop or {}).get("name"):
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events + [FollowupAction("action_levenscheck" if found.check_first else "action_crisis")]


class SafeAction(Action, ABC):
    """An action whose ``act`` may fail without the person seeing a traceback.

    With ``crisis_first`` the latest message is checked for crisis signals
    before the action answers (``crisis_turn``), so a crisis
    is never answered with anything else, whatever intent the language model
    guessed.
    """

    crisis_first = False
    # an explicit request in the person's words (a group, an aanmelding, a
    # person to talk to, a plain stop) goes to the action for it (actions/flow.py)
    follows_requests = True

    @abstractmethod
    def name(self) -> Text:
        """The action's name in domain.yml."""

    @abstractmethod
    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        """The action itself; exceptions are caught by ``run``."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        domain = domain_or_local(domain)
        try:
            if self.crisis_first:
                crisis = crisis_turn(tracker)
                if crisis:
                    return rol_events(tracker) + crisis
                if self.follows_requests and self.name() != "action_crisis":
                    from actions.flow import route_request

                    routed = route_request(tracker, here=self.name())
                    if routed:
                        return rol_events(tracker) + routed
            # a request a form handed over (stap stoppen/opnieuw/mens/groep) is handled now
            done = [SlotSet("stap", "verhelderen")] if tracker.get_slot("stap") in HANDED_OVER else []
            return rol_events(tracker) + done + list(self.act(dispatcher, tracker, domain) or [])
        except Exception as exc:
            friendly_failure(dispatcher, self.name(), exc)
            return []


def slot_resets(slots: Sequence[str]) -> List[Dict[Text, Any]]:
    return [SlotSet(s, None) for s in slots]
