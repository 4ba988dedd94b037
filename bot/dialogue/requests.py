"""What a person asks for in so many words, whatever the language model guessed.

A request in the person's words wins over an intent guess: "Ik heb me
bedacht. Ik wil toch graag horen over een groep." asks for a group, it is no
stop. Every reading carries the fragment that shows it (the reason). The
words are in data/gesprek.yml (``verzoek``, ``geen_naam``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional, Pattern, Tuple

import yaml

from bot.dialogue.vocabulary import GESPREK_FILE, _compile, whole_answer

GROEP, GEEN_GROEP, AANMELDING, MENS, STOPPEN, OPNIEUW = "groep", "geen_groep", "aanmelding", "mens", "stoppen", "opnieuw"


@dataclass(frozen=True)
class Request:
    kind: str  # groep | geen_groep | aanmelding | mens | stoppen | opnieuw
    fragment: str  # the words that show it
    route: Optional[str] = None  # telefoon | email, when the person named a contact route


@lru_cache(maxsize=1)
def _patterns() -> Dict[str, Pattern]:
    raw = yaml.safe_load(GESPREK_FILE.read_text(encoding="utf-8"))
    found = {k: _compile(v, f"{GESPREK_FILE}: verzoek.{k}") for k, v in (raw.get("verzoek") or {}).items()}
    for key in ("geen_naam", "naam_overslaan"):
        found[key] = _compile(raw[key], f"{GESPREK_FILE}: {key}")
    return found


def _search(key: str, text: str) -> Optional[str]:
    match = _patterns()[key].search(text or "")
    return match.group(0) if match else None


def contact_route(text: str) -> Optional[str]:
    """'per mail' -> email, 'bel me maar' -> telefoon (only when said in so many words)."""
    if _search("route_email", text):
        return "email"
    if _search("route_telefoon", text):
        return "telefoon"
    return None


def is_clear_stop(text: str) -> bool:
    """Only a short, plain stop ("stop", "ik wil stoppen") ends the conversation (after a check)."""
    return whole_answer(_patterns()["stoppen_duidelijk"], text) and read_request(text, stop=False) is None


def is_clear_restart(text: str) -> bool:
    return whole_answer(_patterns()["opnieuw_duidelijk"], text) and read_request(text, stop=False) is None


def is_goodbye(text: str) -> bool:
    return _search("afscheid", text) is not None


def changed_mind(text: str) -> Optional[str]:
    """'ik heb me bedacht', 'toch wel': the fragment, else None."""
    return _search("bedacht", text)


def read_request(text: str, stop: bool = True) -> Optional[Request]:
    """The first explicit request in ``text``: mens, aanmelding, groep (or not), stop, restart."""
    text = text or ""
    for kind in (MENS, AANMELDING):
        fragment = _search(kind, text)
        if fragment:
            return Request(kind, fragment, contact_route(text))
    no_group = _search(GEEN_GROEP, text)
    group = _search(GROEP, text)
    if group and not no_group:
        return Request(GROEP, group)
    if no_group and (group or changed_mind(text) or re.search(r"\bgroep", text, re.IGNORECASE)):
        return Request(GEEN_GROEP, no_group)
    if stop and is_clear_stop(text):
        return Request(STOPPEN, text.strip())
    if stop and is_clear_restart(text):
        return Request(OPNIEUW, text.strip())
    return None


def theme_correction(text: str) -> Optional[Tuple[str, str]]:
    """(theme code, fragment) for 'het gaat eigenlijk over geld', else None."""
    from bot.triage.lexicon import default_lexicon

    match = _patterns()["thema_correctie"].search(text or "")
    if not match:
        return None
    tail = text[match.end():]
    words = re.findall(r"[^\W\d_]+", tail.lower())
    for word in words:
        themes = sorted(default_lexicon().themes_of(word))
        if themes:
            return themes[0], f"{match.group(0)}{tail[:tail.lower().find(word) + len(word)]}"
    return None


def not_a_name(text: str) -> bool:
    """'liever geen naam', 'bellen', 'nee', a contact word: never stored as a name."""
    return whole_answer(_patterns()["geen_naam"], text)


def skips_name(text: str) -> bool:
    return whole_answer(_patterns()["naam_overslaan"], text)


_FIELD_WORDS = re.compile(
    r"\b(nee|ja|de|mijn|naam|voornaam|achternaam|is|moet|moeten|zijn|wordt|worden|zet|er|maar|neer|van|het|graag|dat|"
    r"dit|klopt|niet|aanpassen|veranderen|veranderd|in|naar|anders|sorry|ik|heet|bedoel|noem|me|mij|u|mag|kunt)\b", re.IGNORECASE)
_NEVER_IN_NAME = {"bellen", "bel", "mail", "email", "e-mail", "telefoon", "nee", "ja", "geen", "naam", "liever", "niet",
                  "graag", "overslaan", "stop", "weet"}


def name_in(text: str, field_words: bool = False) -> Optional[str]:
    """The name in an answer, or None ('liever geen naam', 'bellen', 'nee' are no names).

    With ``field_words`` the words around a correction are left out first:
    'naam. Zet er maar Sanne neer', 'nee, de naam moet Sanne zijn' -> 'Sanne'.
    """
    from bot.aanmelding.validation import find_name
    from bot.dialogue.answers import yes_no

    if not_a_name(text):
        return None
    clean = text
    if field_words:
        words = re.sub(r"[,.:;!?]", " ", text or "").split()
        capitals = [i for i, w in enumerate(words) if w[:1].isupper() and not _FIELD_WORDS.fullmatch(w)]
        # a name is written with capitals: from the first to the last ("Sanne de Vries")
        clean = (" ".join(words[capitals[0]:capitals[-1] + 1]) if capitals
                 else " ".join(_FIELD_WORDS.sub(" ", " ".join(words)).split()))
    name = find_name(clean)
    if not name or yes_no(name) is not None:
        return None
    if any(word in _NEVER_IN_NAME for word in name.split()):  # lower case: a word, not a name like "Bel"
        return None
    return name
