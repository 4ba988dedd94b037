"""Safety in the dialogue: a Veilig Thuis question, a refusal to call, the check question.

Words live in data/gesprek.yml (``veiligheid``); texts in domain.yml.
Decisions only, no Rasa: the actions in actions/safety.py translate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Optional, Pattern, Sequence

import yaml

from bot.dialogue.vocabulary import GESPREK_FILE, VocabularyError, _compile, whole_answer

CHECK_SIGNAL = "crisis_twijfel"  # ambiguous distress: ask before the full crisis answer
VIOLENCE_SIGNALS = ("contra_huiselijk_geweld", "crisis_geweld")
CHECK_YES, CHECK_NO = "ja", "nee"


@dataclass(frozen=True)
class SafetyWords:
    vraag_veilig_thuis: Pattern
    vraag_kcc: Pattern
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


def asks_about_veilig_thuis(text: str, rol: str = "inwoner") -> bool:
    """A question about Veilig Thuis (in KCC mode also the meldcode or doorverwijzen)."""
    words = safety_words()
    text = text or ""
    return bool(words.vraag_veilig_thuis.search(text) or (rol == "kcc" and words.vraag_kcc.search(text)))


REFUSAL_MAX_CHARS = 60  # a longer message tells more and is triaged as part of the story


def refuses_to_call(text: str) -> bool:
    """'Bellen helpt toch niet', 'ik bel niet', 'nee': no callback and no phone call."""
    text = (text or "").strip()
    if len(text) > REFUSAL_MAX_CHARS or not safety_words().weigert_bellen.search(text):
        return False
    from bot.triage import crisis_signals

    return not crisis_signals(text)  # "nee, ik doe het vanavond" is a crisis again, not a refusal


def check_answer(text: str) -> str:
    """The answer to the check question: 'nee' only when clearly no, else 'ja' (recall first)."""
    return CHECK_NO if whole_answer(safety_words().check_nee, text or "") else CHECK_YES


def _codes(triage: Optional[Mapping[str, Any]], soort: Optional[str] = None) -> Sequence[str]:
    return [s.get("code") for s in (triage or {}).get("signalen") or []
            if soort is None or s.get("soort") == soort]


def needs_check_question(triage: Optional[Mapping[str, Any]]) -> bool:
    """A crisis whose only crisis signal is ambiguous distress: ask first, do not stop."""
    crisis = _codes(triage, "crisis")
    return bool((triage or {}).get("crisis")) and bool(crisis) and set(crisis) == {CHECK_SIGNAL}


def has_violence(triage: Optional[Mapping[str, Any]]) -> bool:
    return any(code in VIOLENCE_SIGNALS for code in _codes(triage))


def violence_evidence(triage: Optional[Mapping[str, Any]]) -> str:
    for signal in (triage or {}).get("signalen") or []:
        if signal.get("code") in VIOLENCE_SIGNALS:
            return str(signal.get("bewijs") or "")
    return ""


def ignored_signals(levenscheck: Optional[str]) -> Sequence[str]:
    """After a clear no to the check question, ambiguous distress no longer decides the advice."""
    return (CHECK_SIGNAL,) if levenscheck == CHECK_NO else ()
