"""Synthetic, already redacted conversations for tests and the benchmark.

Events are shaped like the ones the redacting tracker store writes (user,
bot with ``utter_action``, ``triage`` and other slots), and ``store`` writes
them the way the tracker store does: rows in Rasa's ``events`` table, then
``bot.review.index.update``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Sequence, Tuple

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from bot.review import index
from bot.review.summary import Summary, fold

THEMAS = ("geldzaken", "eenzaamheid", "opvoeding", "psychisch", "wonen", "mantelzorg", "werk_dagbesteding")
SIGNALEN = ("indicatie_vaardigheid", "indicatie_sociaal_contact", "indicatie_lotgenoten", "contra_schaamte",
            "contra_groep_ongewenst", "indicatie_informatie")
ADVIEZEN = ("collectief_mogelijk", "combinatie", "eerst_individueel", "verheldering_nodig")
PC4S = ("8011", "8012", "8031", "8041", "8043", "8044", None)
TEKSTEN = {
    "geldzaken": "Ik heb schulden en ik wil graag leren budgetteren",
    "eenzaamheid": "Ik voel me erg eenzaam sinds mijn man is overleden",
    "opvoeding": "Mijn zoon luistert niet meer en ik weet niet wat ik moet doen",
    "psychisch": "Ik slaap slecht en pieker de hele dag",
    "wonen": "Mijn huis is veel te klein en er zit schimmel op de muren",
    "mantelzorg": "Ik zorg voor mijn moeder en het wordt me te veel",
    "werk_dagbesteding": "Ik zit al een jaar thuis en wil graag iets doen overdag",
}
BEWIJS = {"indicatie_vaardigheid": "wil graag leren", "indicatie_sociaal_contact": "eenzaam"}


@dataclass(frozen=True)
class Spec:
    """What one synthetic conversation is about."""

    gesprek_id: str
    begin: datetime
    kanaal: str
    pc4: Optional[str]
    themas: Tuple[str, ...]
    signalen: Tuple[str, ...]
    advies: str
    crisis: bool = False
    fallback: bool = False
    feedback: Optional[str] = None


def random_spec(rng: random.Random, n: int, start: datetime, days: int = 180) -> Spec:
    themas = tuple(rng.sample(THEMAS, rng.choice((1, 1, 2))))
    return Spec(
        gesprek_id=f"synth-{n:06d}", begin=start + timedelta(seconds=rng.randrange(days * 86400)),
        kanaal=rng.choice(("inwoner", "inwoner", "inwoner", "kcc")), pc4=rng.choice(PC4S), themas=themas,
        signalen=tuple(sorted(rng.sample(SIGNALEN, rng.choice((0, 1, 1, 2))))), advies=rng.choice(ADVIEZEN),
        crisis=rng.random() < 0.03, fallback=rng.random() < 0.15,
        feedback=rng.choice((None, None, "goed", "matig", "niet_goed")))


def triage_value(spec: Spec) -> Dict[str, Any]:
    return {
        "thema": spec.themas[0],
        "themas": [{"thema": t, "zekerheid": 0.9 - 0.3 * i, "waarom": f"woorden: {TEKSTEN[t].split()[-1]}"}
                   for i, t in enumerate(spec.themas)],
        "crisis": spec.crisis,
        "signalen": [{"code": c, "soort": c.split("_")[0], "bewijs": BEWIJS.get(c, ""), "regel": c}
                     for c in spec.signalen],
        "advies": "crisis" if spec.crisis else spec.advies,
        "advies_redenen": [],
    }


def events_of(spec: Spec) -> List[Dict[str, Any]]:
    t = spec.begin.timestamp()

    def at(i: int, event: Dict[str, Any]) -> Dict[str, Any]:
        return {**event, "timestamp": t + i}

    events = [at(0, {"event": "session_started"}), at(0, {"event": "slot", "name": "rol", "value": spec.kanaal})]
    if spec.fallback:
        events += [at(1, {"event": "user", "text": "blabla", "parse_data": {"intent": {"name": "nlu_fallback"}}}),
                   at(1, {"event": "bot", "text": "Sorry, dat begrijp ik niet goed.",
                          "metadata": {"utter_action": "utter_fallback"}})]
    text = TEKSTEN[spec.themas[0]] + (", postcode [POSTCODE]" if spec.pc4 else "")
    intent = {"name": f"hulpvraag_{spec.themas[0]}"}
    events += [at(2, {"event": "user", "text": text, "parse_data": {"intent": intent}}),
               at(3, {"event": "action", "name": "action_triage"}),
               at(3, {"event": "bot", "text": "Dank u dat u dit vertelt.",
                      "metadata": {"utter_action": "utter_erkenning"}}),
               at(3, {"event": "slot", "name": "triage", "value": triage_value(spec)}),
               at(3, {"event": "slot", "name": "crisis", "value": spec.crisis})]
    if spec.pc4:
        events.append(at(3, {"event": "slot", "name": "vraag_postcode", "value": spec.pc4}))
    if spec.feedback:
        events += [at(4, {"event": "user", "text": spec.feedback, "parse_data": {"intent": {"name": "bevestigen"}}}),
                   at(4, {"event": "slot", "name": "feedback_antwoord", "value": spec.feedback})]
    return events


def store(engine: Engine, gesprek_id: str, events: Sequence[Dict[str, Any]]) -> List[int]:
    """Write ``events`` as the tracker store does (events table, then the index); returns the event ids."""
    index.EVENTS.create(engine, checkfirst=True)
    ids = []
    with engine.begin() as conn:
        for event in events:
            result = conn.execute(insert(index.EVENTS).values(
                sender_id=gesprek_id, type_name=event["event"], timestamp=event.get("timestamp"),
                intent_name=(event.get("parse_data") or {}).get("intent", {}).get("name"),
                action_name=event.get("name"), data=json.dumps(event)))
            ids.append(int(result.inserted_primary_key[0]))
    index.update(engine, gesprek_id, events)
    return ids


def fill_index(engine: Engine, specs: Sequence[Spec]) -> None:
    """Index rows for ``specs`` in one transaction, without events (the benchmark's 10,000)."""
    with engine.begin() as conn:
        for spec in specs:
            index.write(conn, fold(Summary(spec.gesprek_id), events_of(spec)))


def utc(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=timezone.utc)
