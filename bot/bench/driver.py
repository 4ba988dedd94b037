"""A scripted person for end-to-end tests and the benchmark.

It answers the assistant's questions by recognising them (keywords of the
texts in domain.yml) and walks from the first hulpvraag to a confirmed
aanmelding and the feedback. Every turn is kept for assertions.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

REFERENCE = re.compile(r"\bWT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}\b")

# (keywords in the assistant's last question, lower case) -> answer
DEFAULT_ANSWERS: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (("klopt dit",), "ja"),  # first: the summary names every field
    (("niet meer wilt leven", "niet meer wil leven", "niet meer te willen leven"), "nee, dat bedoel ik niet"),  # the check question (inwoner, KCC)
    (("wilt u verder",), "/bevestigen"),
    (("voor wie",), "Voor mijzelf"),
    (("hoe lang speelt", "sinds wanneer"), "al een half jaar"),
    (("geprobeerd",), "nog niets, er helpt nog niemand"),
    (("hoopt",), "dat het rustiger wordt in mijn hoofd"),
    (("groep of activiteit in de buurt? het hoeft niet", "anderen ontmoeten die hetzelfde"), "Nee liever niet"),
    (("aanmelding maak", "aanmelding maken voor de inwoner"), "/bevestigen"),
    (("bewaren we uw vraag", "vraag toestemming"), "ja"),
    (("hoe mogen we u noemen", "naam van de inwoner"), "Fatima Bakker"),
    (("hoe wilt u dat we contact", "contact via telefoon"), "telefoon"),
    (("telefoonnummer",), "06 12345678"),
    (("wanneer kunnen we u het beste bellen", "gebeld worden"), "dinsdagochtend"),
    (("postcode",), "8011 AB"),
    (("hoe vond u dit gesprek", "hoe bruikbaar"), "goed"),
)
END_MARKERS = ("dank u voor uw antwoord", "klaar voor de volgende inwoner")


@dataclass
class Turn:
    user: str
    replies: List[Dict[str, Any]]
    seconds: float

    @property
    def texts(self) -> List[str]:
        return [r["text"] for r in self.replies if r.get("text")]

    @property
    def cards(self) -> List[Dict[str, Any]]:
        return [r["custom"]["triage_kaart"] for r in self.replies if (r.get("custom") or {}).get("triage_kaart")]


@dataclass
class Conversation:
    sender: str
    turns: List[Turn] = field(default_factory=list)

    @property
    def all_texts(self) -> List[str]:
        return [t for turn in self.turns for t in turn.texts]

    @property
    def reference(self) -> Optional[str]:
        for text in self.all_texts:
            found = REFERENCE.search(text)
            if found:
                return found.group(0)
        return None

    @property
    def finished(self) -> bool:
        return any(m in t.lower() for t in self.all_texts for m in END_MARKERS)


def next_answer(last_text: str, answers: Sequence[Tuple[Tuple[str, ...], str]]) -> Optional[str]:
    low = (last_text or "").lower()
    for keys, answer in answers:
        if any(k in low for k in keys):
            return answer
    return None


def converse(say: Callable[[str], List[Dict[str, Any]]], sender: str, opening: Sequence[str], hulpvraag: str,
             answers: Sequence[Tuple[Tuple[str, ...], str]] = DEFAULT_ANSWERS, max_turns: int = 30) -> Conversation:
    """Say the opening lines, then the hulpvraag, then answer until the end."""
    convo = Conversation(sender)

    def turn(message: str) -> Turn:
        start = time.perf_counter()
        replies = say(message)
        t = Turn(message, replies, time.perf_counter() - start)
        convo.turns.append(t)
        return t

    for line in opening:
        turn(line)
    last = turn(hulpvraag)
    hulpvraag_keys = ("vertel in uw eigen woorden", "wat vertelt de inwoner", "wat is de vraag van de inwoner")
    while len(convo.turns) < max_turns and not convo.finished:
        question = (last.texts or [""])[-1]
        answer = next_answer(question, answers)
        if answer is None and any(k in question.lower() for k in hulpvraag_keys):
            answer = hulpvraag
        if answer is None:
            break
        last = turn(answer)
    return convo
