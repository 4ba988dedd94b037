"""An adaptive conversation harness: a person who answers the question actually asked.

A scenario is a first message, answers keyed to the assistant's question
(keywords of its last text, each scenario answer used once, then the
ordinary answers of bot.bench.driver), and expectations on what must and
must not be said: overall, and in the reply to one particular message.
Every conversation also keeps two invariants: no technical error reaches the
person, and no turn asks more than one question.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.bench.driver import DEFAULT_ANSWERS, Conversation, Turn, next_answer

Answer = Tuple[Tuple[str, ...], str]
TECHNISCH = "er ging iets mis aan onze kant"
HULPVRAAG_KEYS = ("vertel in uw eigen woorden", "wat vertelt de inwoner", "wat is de vraag van de inwoner")
STOP_KEYS = ("dank u voor uw antwoord", "klaar voor de volgende inwoner")


@dataclass(frozen=True)
class Expect:
    """In the reply to the message containing ``after``: all of ``must``, none of ``must_not`` (lower case)."""

    after: str
    must: Tuple[str, ...] = ()
    must_not: Tuple[str, ...] = ()
    last: bool = False  # the last message with that text, not the first ("ja" is said often)


@dataclass(frozen=True)
class Scenario:
    name: str
    first: str
    answers: Tuple[Answer, ...] = ()
    kcc: bool = False
    opening: Tuple[str, ...] = ()
    must: Tuple[str, ...] = ()
    must_not: Tuple[str, ...] = ()
    expect: Tuple[Expect, ...] = ()
    # expected columns of the stored aanmelding (None: no aanmelding may exist)
    aanmelding: Optional[Dict[str, Any]] = field(default_factory=dict)
    identifiers: Tuple[str, ...] = ()  # raw values that must never be in the stored events
    max_turns: int = 24
    stop_after: str = ""  # end the conversation after a reply containing this (lower case)


def ask_count(turn: Turn) -> int:
    """How many of the assistant's texts in this turn end in a question."""
    return sum(1 for t in turn.texts if t.rstrip().endswith("?"))


def run_scenario(servers, scenario: Scenario) -> Conversation:
    """Talk to ``servers`` (bot.bench.servers.Servers) until the feedback is thanked, nothing fits, or ``max_turns``.

    A KCC scenario sends the console's metadata with its proof (``Servers.kcc_metadata``).
    """
    sender = f"flow-{scenario.name[:30].replace(' ', '-')}-{uuid.uuid4().hex[:8]}"
    meta = servers.kcc_metadata(sender) if scenario.kcc else None
    convo = Conversation(sender)
    pending: List[Answer] = list(scenario.answers)

    def turn(message: str) -> Turn:
        t = Turn(message, servers.say(sender, message, meta), 0.0)
        convo.turns.append(t)
        return t

    for line in scenario.opening:
        turn(line)
    last = turn(scenario.first)
    while len(convo.turns) < scenario.max_turns:
        said = " ".join(last.texts).lower()
        if any(k in said for k in STOP_KEYS) or (scenario.stop_after and scenario.stop_after in said):
            break
        question = (last.texts or [""])[-1]
        answer = _pop(pending, question)
        if answer is None:
            answer = next_answer(question, DEFAULT_ANSWERS)
        if answer is None and any(k in question.lower() for k in HULPVRAAG_KEYS):
            answer = scenario.first
        if answer is None:
            break
        last = turn(answer)
    return convo


def _pop(pending: List[Answer], question: str) -> Optional[str]:
    low = question.lower()
    for i, (keys, answer) in enumerate(pending):
        if any(k in low for k in keys):
            del pending[i]
            return answer
    return None


def problems(scenario: Scenario, convo: Conversation) -> List[str]:
    """Everything the conversation got wrong (empty when it passed)."""
    found: List[str] = []
    said = "\n".join(convo.all_texts).lower()
    for text in scenario.must:
        if text.lower() not in said:
            found.append(f"never said {text!r}")
    for text in scenario.must_not:
        if text.lower() in said:
            found.append(f"said {text!r}")
    for exp in scenario.expect:
        turns = ([t for t in convo.turns if exp.after.lower() == t.user.lower()]
                 or [t for t in convo.turns if exp.after.lower() in t.user.lower()])
        if not turns:
            found.append(f"never got to say {exp.after!r}")
            continue
        reply = " ".join(turns[-1 if exp.last else 0].texts).lower()
        found += [f"after {exp.after!r}: missing {m!r} in {reply!r}" for m in exp.must if m.lower() not in reply]
        found += [f"after {exp.after!r}: said {m!r}" for m in exp.must_not if m.lower() in reply]
    for t in convo.turns:
        if any(TECHNISCH in x.lower() for x in t.texts):
            found.append(f"technical error after {t.user!r}")
        if ask_count(t) > 1:
            found.append(f"more than one question after {t.user!r}: {t.texts!r}")
        if scenario.kcc and not t.cards:
            found.append(f"no triage card after {t.user!r}")
    return found


def transcript(convo: Conversation) -> str:
    lines = []
    for t in convo.turns:
        lines.append(f"> {t.user}")
        lines += [f"  {x}" for x in t.texts]
    return "\n".join(lines)


def check_all(scenarios: Sequence[Scenario]) -> None:
    names = [s.name for s in scenarios]
    assert len(names) == len(set(names)), "scenario names must be unique"
