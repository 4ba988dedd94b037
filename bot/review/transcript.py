"""One conversation for the reviewer: the redacted transcript turn by turn.

Each user turn carries the triage card the actions stored after it (the
``triage`` slot, shaped by ``bot.dialogue.card.build_card`` as the KCC console
shows it), the fragments of its text that are evidence for a signal or a
theme (for highlighting), and the reviewer's corrections of it. The
conversation's aanmelding is shown without contact details, with its status history.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Mapping, Optional, Tuple

from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection, Engine

from bot.aanmelding.models import Aanmelding
from bot.dialogue.card import build_card
from bot.review.bureaudienst import StatusStap, historie, primary_theme, wijk_of_postcode
from bot.review.index import EVENTS
from bot.review.listing import GesprekRij, row_of
from bot.review.models import GesprekOverzicht, ReviewCorrectie, ReviewTag
from bot.review.summary import demo_day
from bot.store.db import default_engine


@dataclass(frozen=True)
class ThemaRegel:
    thema: str
    label: str
    zekerheid: Optional[float]
    waarom: str


@dataclass(frozen=True)
class SignaalRegel:
    code: str
    soort: str
    label: str
    bewijs: str
    regel: str


@dataclass(frozen=True)
class Kaart:
    thema: Optional[str]
    themas: Tuple[ThemaRegel, ...]
    signalen: Tuple[SignaalRegel, ...]
    advies: Optional[str]
    advies_uitleg: str
    advies_redenen: Tuple[str, ...]
    crisis: bool
    aanbod: Tuple[str, ...]  # names of the offers shown


@dataclass(frozen=True)
class Fragment:
    start: int
    end: int
    soort: str  # signaal | thema
    code: str


@dataclass(frozen=True)
class Correctie:
    id: int
    soort: str  # thema | signalen | advies
    was: Tuple[str, ...]
    juist: Tuple[str, ...]
    door: str
    tijdstip: datetime


@dataclass(frozen=True)
class Beurt:
    event_id: int
    tijdstip: datetime
    tekst: str
    intent: Optional[str]
    antwoorden: Tuple[str, ...]
    kaart: Optional[Kaart]  # None when no triage followed this message
    fragmenten: Tuple[Fragment, ...]
    correcties: Tuple[Correctie, ...]


@dataclass(frozen=True)
class AanmeldingInfo:
    id: int
    referentie: str
    status: str
    thema: Optional[str]
    advies: Optional[str]
    wijk: Optional[str]
    aangemaakt: datetime
    historie: Tuple[StatusStap, ...]


@dataclass(frozen=True)
class GesprekWeergave:
    gesprek_id: str
    rij: Optional[GesprekRij]
    opening: Tuple[str, ...]  # what the assistant said before the first message
    beurten: Tuple[Beurt, ...]
    aanmeldingen: Tuple[AanmeldingInfo, ...]
    tags: Tuple[str, ...]
    bekeken_door: Optional[str]
    bekeken_op: Optional[datetime]


def kaart_of(triage: Mapping[str, Any]) -> Kaart:
    card = build_card(triage)["triage_kaart"]
    return Kaart(
        thema=card.get("thema"),
        themas=tuple(ThemaRegel(t["thema"], t["label"], t.get("zekerheid"), t.get("waarom") or "")
                     for t in card["themas"] if t.get("thema")),
        signalen=tuple(SignaalRegel(s["code"], s.get("soort") or "", s["label"], s.get("bewijs") or "",
                                    s.get("regel") or "") for s in card["signalen"] if s.get("code")),
        advies=card["advies"]["code"], advies_uitleg=card["advies"]["uitleg"],
        advies_redenen=tuple(str(r) for r in card["advies"]["redenen"]), crisis=card["crisis"],
        aanbod=tuple(str(a.get("naam")) for a in card.get("aanbod") or [] if isinstance(a, Mapping)))


def _theme_words(waarom: str) -> List[str]:
    match = re.search(r"woorden:\s*(.+)$", waarom or "")
    words = [w.strip() for w in match.group(1).split(",")] if match else []
    return [w for w in words if w and "_" not in w]  # signal codes in the reason are no words


def fragments(text: str, kaart: Optional[Kaart]) -> Tuple[Fragment, ...]:
    """Non-overlapping evidence spans in ``text``: signal evidence first, then theme words."""
    if not kaart or not text:
        return ()
    found: List[Fragment] = []
    low = text.lower()
    wanted = [(s.bewijs, "signaal", s.code, False) for s in kaart.signalen if s.bewijs]
    wanted += [(w, "thema", t.thema, True) for t in kaart.themas for w in _theme_words(t.waarom)]
    for needle, soort, code, whole_word in wanted:
        pattern = r"\b" + re.escape(needle.lower()) + r"\w*" if whole_word else re.escape(needle.lower())
        for m in re.finditer(pattern, low):
            if all(m.end() <= f.start or m.start() >= f.end for f in found):
                found.append(Fragment(m.start(), m.end(), soort, code))
    return tuple(sorted(found, key=lambda f: f.start))


def _moment(ts: Any) -> datetime:
    return datetime.fromtimestamp(float(ts or 0.0), timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _corrections(conn: Connection, gesprek_id: str) -> Dict[int, List[Correctie]]:
    t = ReviewCorrectie.__table__
    out: Dict[int, List[Correctie]] = {}
    for r in conn.execute(select(t).where(t.c.gesprek_id == gesprek_id).order_by(t.c.id)):
        out.setdefault(r.event_id, []).append(Correctie(r.id, r.soort, tuple(r.was or ()), tuple(r.juist or ()),
                                                        r.door, _aware(r.tijdstip)))
    return out


def _demo_shift(gesprek_id: str, rows: List[Tuple[int, Dict[str, Any]]]) -> timedelta:
    """For a demo conversation, from its real day to its intended day (as in the index)."""
    day = demo_day(gesprek_id)
    first = next((e.get("timestamp") for _, e in rows if isinstance(e.get("timestamp"), (int, float))), None)
    if day is None or first is None:
        return timedelta(0)
    return day - _moment(first).replace(hour=0, minute=0, second=0, microsecond=0)


def _turns(rows: List[Tuple[int, Dict[str, Any]]], corrections: Dict[int, List[Correctie]],
           shift: timedelta = timedelta(0)):
    opening: List[str] = []
    turns: List[Dict[str, Any]] = []
    for event_id, e in rows:
        kind = e.get("event")
        if kind == "user":
            intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name")
            moment = _moment(e.get("timestamp")) + shift
            turns.append({"event_id": event_id, "tijdstip": moment, "tekst": e.get("text") or "",
                          "intent": intent, "antwoorden": [], "triage": None})
        elif kind == "bot" and e.get("text"):
            (turns[-1]["antwoorden"] if turns else opening).append(e["text"])
        elif kind == "slot" and e.get("name") == "triage" and isinstance(e.get("value"), Mapping) and turns:
            turns[-1]["triage"] = e["value"]
    beurten = []
    for t in turns:
        kaart = kaart_of(t["triage"]) if t["triage"] else None
        beurten.append(Beurt(t["event_id"], t["tijdstip"], t["tekst"], t["intent"], tuple(t["antwoorden"]), kaart,
                             fragments(t["tekst"], kaart), tuple(corrections.get(t["event_id"], ()))))
    return tuple(opening), tuple(beurten)


def user_turn(conn: Connection, gesprek_id: str, event_id: int) -> Optional[Beurt]:
    """The user turn ``event_id`` of this conversation (with its card), or None."""
    rows = _events(conn, gesprek_id)
    return next((b for b in _turns(rows, {})[1] if b.event_id == event_id), None)


def _events(conn: Connection, gesprek_id: str) -> List[Tuple[int, Dict[str, Any]]]:
    if not inspect(conn).has_table(EVENTS.name):
        return []
    query = select(EVENTS.c.id, EVENTS.c.data).where(EVENTS.c.sender_id == gesprek_id).order_by(EVENTS.c.id)
    return [(i, json.loads(d or "{}")) for i, d in conn.execute(query)]


def _aanmeldingen(conn: Connection, gesprek_id: str) -> Tuple[AanmeldingInfo, ...]:
    t = Aanmelding.__table__
    rows = conn.execute(select(t).where(t.c.gesprek_id == gesprek_id, t.c.status != "concept").order_by(t.c.id))
    return tuple(AanmeldingInfo(r.id, r.referentie, r.status, primary_theme(r.themas), r.advies,
                                wijk_of_postcode(r.postcode), _aware(r.aangemaakt), historie(conn, r.id)) for r in rows)


def gesprek(gesprek_id: str, engine: Optional[Engine] = None) -> Optional[GesprekWeergave]:
    """The conversation's review page, or None when it has no events and no index row."""
    engine = engine or default_engine()
    o, tags = GesprekOverzicht.__table__, ReviewTag.__table__
    with engine.connect() as conn:
        rows = _events(conn, gesprek_id)
        review = conn.execute(select(o.c.bekeken_door, o.c.bekeken_op).where(o.c.gesprek_id == gesprek_id)).first()
        if not rows and review is None:
            return None
        opening, beurten = _turns(rows, _corrections(conn, gesprek_id), _demo_shift(gesprek_id, rows))
        tag_list = tuple(conn.execute(select(tags.c.tag).where(tags.c.gesprek_id == gesprek_id)
                                      .order_by(tags.c.tag)).scalars())
        aanmeldingen = _aanmeldingen(conn, gesprek_id)
        found = conn.execute(select(o).where(o.c.gesprek_id == gesprek_id)).first()
    rij = row_of(found) if found else None
    return GesprekWeergave(gesprek_id, rij, opening, beurten, aanmeldingen, tag_list,
                           review.bekeken_door if review else None,
                           _aware(review.bekeken_op) if review and review.bekeken_op else None)
