"""Safety in the dialogue: a Veilig Thuis question, a refusal to call, the check question.

Words live in data/gesprek.yml (``veiligheid``); texts in domain.yml.
Decisions only, no Rasa: the actions in actions/safety.py translate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Optional, Pattern, Sequence, Tuple

import yaml

from bot.dialogue.vocabulary import GESPREK_FILE, VocabularyError, _compile, whole_answer

CHECK_SIGNAL = "crisis_twijfel"  # ambiguous distress: ask before the full crisis answer
VIOLENCE_SIGNALS = ("contra_huiselijk_geweld", "crisis_geweld")
CHECK_YES, CHECK_NO = "ja", "nee"


@dataclass(frozen=True)
class SafetyWords:
    vraag_veilig_thuis: Pattern
    vraag_kcc: Pattern
    vraag_wat_nu: Pattern
    weigert_bellen: Pattern
    check_nee: Pattern


@lru_cache(maxsize=1)
def safety_words() -> SafetyWords:
    raw = yaml.safe_load(GESPREK_FILE.read_text(encoding="utf-8")) or {}
    section = raw.get("veiligheid")
    if not isinstance(section, dict):
        raise VocabularyError(f"{GESPREK_FILE}: 'veiligheid' is missing")
    return SafetyWords(**{key: _compile(section.get(key), f"{GESPREK_FILE}: veiligheid.{key}")
                          for key in SafetyWords.__dataclass_fields__})


def asks_about_veilig_thuis(text: str, rol: str = "inwoner",
                            triage: Optional[Mapping[str, Any]] = None) -> bool:
    """A question about Veilig Thuis (in KCC mode also the meldcode or doorverwijzen).

    In KCC mode, once the conversation shows a sign of violence, a short "wat
    kan ik nu doen?" is that question too: the medewerker asks what to do about
    it (a longer message tells more and goes to the story).
    """
    words = safety_words()
    text = text or ""
    if words.vraag_veilig_thuis.search(text):
        return True
    if rol != "kcc":
        return False
    what_now = len(text.strip()) <= SHORT_MAX_CHARS and has_violence(triage) and words.vraag_wat_nu.search(text)
    return bool(words.vraag_kcc.search(text) or what_now)


SHORT_MAX_CHARS = 60  # a longer message tells more and is triaged as part of the story
REFUSAL_MAX_CHARS = SHORT_MAX_CHARS


def refuses_to_call(text: str) -> bool:
    """'Bellen helpt toch niet', 'ik bel niet', 'nee': no callback and no phone call."""
    text = (text or "").strip()
    if len(text) > REFUSAL_MAX_CHARS or not safety_words().weigert_bellen.search(text):
        return False
    from bot.triage.signals import detect

    # "nee, ik doe het vanavond" is a crisis again, not a refusal. The rules decide
    # here: the learned layer reads a short "ik durf niet te bellen" too eagerly.
    return not any(s.soort == "crisis" for s in detect(text))


def check_answer(text: str) -> str:
    """The answer to the check question: 'nee' only when clearly no, else 'ja' (recall first)."""
    return CHECK_NO if whole_answer(safety_words().check_nee, text or "") else CHECK_YES


def _codes(triage: Optional[Mapping[str, Any]], soort: Optional[str] = None) -> Sequence[str]:
    return [s.get("code") for s in (triage or {}).get("signalen") or []
            if soort is None or s.get("soort") == soort]


def needs_check_question(triage: Optional[Mapping[str, Any]]) -> bool:
    """Ask "Bedoelt u dat u niet meer wilt leven?" first, do not stop.

    Either a crisis whose only crisis signal is ambiguous distress (the rules),
    or no crisis but the learned layer's middle band (``crisis_check``).
    """
    triage = triage or {}
    crisis = _codes(triage, "crisis")
    if triage.get("crisis"):
        return bool(crisis) and set(crisis) == {CHECK_SIGNAL}
    # violence told: Veilig Thuis is the answer, not a question about wanting to die
    return bool(triage.get("crisis_check")) and not has_violence(triage)


def check_evidence(triage: Optional[Mapping[str, Any]]) -> str:
    """The fragment behind the check question (the rule's, else the learned layer's)."""
    for signal in (triage or {}).get("signalen") or []:
        if signal.get("code") == CHECK_SIGNAL:
            return str(signal.get("bewijs") or "")
    return str(((triage or {}).get("crisis_check") or {}).get("bewijs") or "")


@dataclass(frozen=True)
class CrisisReading:
    """A message read for danger: its own triage, and whether the check question comes first."""

    triage: Mapping[str, Any]
    check_first: bool
    tekst: str


# Answers that are a name or a contact detail: read by the rules alone (the
# learned layer's character n-grams see "vannacht" in "Anna van Wit").
IDENTIFIER_SLOTS = ("naam", "telefoon", "email", "postcode", "belmoment", "terugbel_telefoon")


def crisis_in_message(text: str, ranking: Sequence[Any], rol: str,
                      levenscheck: Optional[str], requested_slot: Optional[str] = None) -> Optional[CrisisReading]:
    """The crisis (or the check question) one message calls for, whatever else the conversation does.

    None when the message holds no danger, or only the ambiguous distress the
    person already said no to. The same rules and learned layer as triage (the
    rules alone for the answer to a question in ``IDENTIFIER_SLOTS``); the full
    triage runs only on a hit.
    """
    from bot.dialogue import input_check
    from bot.triage import needs_safety_look, triage

    learned = requested_slot not in IDENTIFIER_SLOTS
    check = input_check.check_input(text)
    if not check.controleerbaar or check.tekst.startswith("/") or not needs_safety_look(check.tekst, learned):
        return None
    result = triage(check.tekst, theme_ranking=list(ranking or []), rol=rol, learned=learned).to_dict()
    check_first = needs_check_question(result)
    if not result.get("crisis") and not check_first:
        return None
    if check_first and levenscheck == CHECK_NO:
        return None
    return CrisisReading(result, check_first, check.tekst)


def has_violence(triage: Optional[Mapping[str, Any]]) -> bool:
    return any(code in VIOLENCE_SIGNALS for code in _codes(triage))


SUICIDE_SIGNALS = ("crisis_suicide", "crisis_suicide_plan", CHECK_SIGNAL)


def chat_routes(triage: Optional[Mapping[str, Any]]) -> Tuple[str, ...]:
    """Which chat routes fit someone who does not want to call (keys of ``noodnummers``).

    Veilig Thuis for any sign of violence; 113 for thoughts of suicide or doubt
    about them, and whenever there is no sign of violence (the general line).
    """
    codes = _codes(triage)
    routes = []
    if has_violence(triage):
        routes.append("chat_veilig_thuis")
    if not routes or any(code in SUICIDE_SIGNALS for code in codes):
        routes.append("chat_113")
    return tuple(routes)


def violence_evidence(triage: Optional[Mapping[str, Any]]) -> str:
    for signal in (triage or {}).get("signalen") or []:
        if signal.get("code") in VIOLENCE_SIGNALS:
            return str(signal.get("bewijs") or "")
    return ""


def ignored_signals(levenscheck: Optional[str]) -> Sequence[str]:
    """After a clear no to the check question, ambiguous distress no longer decides the advice."""
    return (CHECK_SIGNAL,) if levenscheck == CHECK_NO else ()
