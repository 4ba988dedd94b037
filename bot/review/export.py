"""Learning back: corrected messages as Rasa 3 NLU YAML, signal corrections as JSONL.

Only the latest correction of each kind per message counts. Texts come from
the tracker store's redacted events (so a conversation past its retention
has nothing left to export); a text that is only placeholders is left out.
Theme corrections become examples of the project's theme intents
(``hulpvraag_<thema>``, those in domain.yml); signal corrections become rows
``{"tekst", "was", "juist", "erbij", "eraf", "gecorrigeerd"}`` for the
signal-rule tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import yaml
from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from bot import paths
from bot.review.index import EVENTS
from bot.review.models import ReviewCorrectie
from bot.store.db import default_engine

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_ENTITY_SYNTAX = re.compile(r"\]([({\[])")


@dataclass(frozen=True)
class Gecorrigeerd:
    event_id: int
    soort: str
    tekst: str
    was: Tuple[str, ...]
    juist: Tuple[str, ...]
    tijdstip: datetime


@lru_cache(maxsize=1)
def domain_intents() -> Tuple[str, ...]:
    raw = yaml.safe_load((paths.ROOT / "domain.yml").read_text(encoding="utf-8")) or {}
    return tuple(i if isinstance(i, str) else next(iter(i)) for i in raw.get("intents") or [])


def intent_of(thema: str) -> Optional[str]:
    name = f"hulpvraag_{thema}"
    return name if name in domain_intents() else None


def clean_example(text: str) -> Optional[str]:
    """One line, no Rasa entity syntax after a placeholder; None when nothing but placeholders is left."""
    line = " ".join((text or "").split())
    if not _PLACEHOLDER.sub("", line).strip(" .,!?"):
        return None
    return _ENTITY_SYNTAX.sub(r"] \1", line)


def latest_corrections(engine: Optional[Engine] = None, sinds: Optional[date] = None) -> List[Gecorrigeerd]:
    engine = engine or default_engine()
    c = ReviewCorrectie.__table__
    query = select(c.c.event_id, c.c.soort, c.c.was, c.c.juist, c.c.tijdstip, EVENTS.c.data).join(
        EVENTS, EVENTS.c.id == c.c.event_id).where(EVENTS.c.sender_id == c.c.gesprek_id).order_by(c.c.id)
    if sinds:
        query = query.where(c.c.tijdstip >= datetime.combine(sinds, time.min, tzinfo=timezone.utc))
    latest: Dict[Tuple[int, str], Gecorrigeerd] = {}
    with engine.connect() as conn:
        if not inspect(conn).has_table(EVENTS.name):
            return []
        for r in conn.execute(query):
            text = (json.loads(r.data or "{}").get("text") or "")
            latest[(r.event_id, r.soort)] = Gecorrigeerd(r.event_id, r.soort, text, tuple(r.was or ()),
                                                         tuple(r.juist or ()), r.tijdstip)
    return list(latest.values())


def nlu_examples(corrections: List[Gecorrigeerd]) -> Dict[str, List[str]]:
    out: Dict[str, List[str]] = {}
    for c in corrections:
        if c.soort != "thema" or not c.juist:
            continue
        intent, example = intent_of(c.juist[0]), clean_example(c.tekst)
        if intent and example and example not in out.setdefault(intent, []):
            out[intent].append(example)
    return {k: v for k, v in sorted(out.items()) if v}


def nlu_yaml(examples: Dict[str, List[str]]) -> str:
    """Rasa 3 NLU training data (``version: "3.1"``)."""
    lines = ["# Corrected in the wijkteam's review (python -m bot review export-nlu); redacted texts.",
             'version: "3.1"', "nlu:" + ("" if examples else " []")]
    for intent, texts in examples.items():
        lines += [f"- intent: {intent}", "  examples: |"] + [f"    - {t}" for t in texts]
    return "\n".join(lines) + "\n"


def export_nlu(engine: Optional[Engine] = None, sinds: Optional[date] = None) -> str:
    return nlu_yaml(nlu_examples(latest_corrections(engine, sinds)))


def signal_rows(engine: Optional[Engine] = None, sinds: Optional[date] = None) -> List[Dict[str, object]]:
    rows: List[Dict[str, object]] = []
    for c in latest_corrections(engine, sinds):
        if c.soort != "signalen":
            continue
        example = clean_example(c.tekst)
        if example:
            rows.append({"tekst": example, "was": list(c.was), "juist": list(c.juist),
                         "erbij": sorted(set(c.juist) - set(c.was)), "eraf": sorted(set(c.was) - set(c.juist)),
                         "gecorrigeerd": c.tijdstip.date().isoformat()})
    return rows


def export_signals_jsonl(engine: Optional[Engine] = None, sinds: Optional[date] = None) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in signal_rows(engine, sinds))
