"""Rode draden: which questions recur per wijk, as typed table rows.

Counted over the conversation index (``gesprek_overzicht``): a hulpvraag is a
conversation with at least one theme, and it counts once for every theme it
has (``gesprek_thema``). A conversation without a known wijk counts under
``ONBEKEND``. A collective approach fits when the advice is
``collectief_mogelijk`` or ``combinatie``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import case, func, select
from sqlalchemy.engine import Engine

from bot.kaart.search import months_before
from bot.review.listing import GesprekFilter, conditions
from bot.review.models import GesprekOverzicht, GesprekSignaal, GesprekThema
from bot.store.db import default_engine
from bot.triage.result import COLLECTIVE_ADVICE

OVERZICHT, T, S = GesprekOverzicht.__table__, GesprekThema.__table__, GesprekSignaal.__table__
ONBEKEND = "onbekend"
COLLECTIEF = tuple(sorted(a.value for a in COLLECTIVE_ADVICE))  # collectief_mogelijk, combinatie


@dataclass(frozen=True)
class ThemaWijkMaand:
    wijk: str
    maand: str  # YYYY-MM
    thema: str
    aantal: int


@dataclass(frozen=True)
class CollectiefAandeel:
    thema: str
    wijk: str
    hulpvragen: int
    collectief: int
    aandeel: float  # collectief / hulpvragen, 0..1


@dataclass(frozen=True)
class ThemaTrend:
    maand: str
    thema: str
    aantal: int


@dataclass(frozen=True)
class SignaalWijk:
    wijk: str
    signaal: str
    aantal: int
    rang: int  # 1 = most frequent in this wijk


def _wijk() -> Any:
    return func.coalesce(OVERZICHT.c.wijk, ONBEKEND)


def _rows(query: Any, engine: Optional[Engine]) -> List[Any]:
    with (engine or default_engine()).connect() as conn:
        return list(conn.execute(query))


def themas_per_wijk_per_maand(f: GesprekFilter = GesprekFilter(),
                              engine: Optional[Engine] = None) -> Tuple[ThemaWijkMaand, ...]:
    wijk = _wijk().label("wijk")
    query = (select(wijk, OVERZICHT.c.maand, T.c.thema, func.count().label("aantal"))
             .select_from(T.join(OVERZICHT, OVERZICHT.c.gesprek_id == T.c.gesprek_id)).where(*conditions(f))
             .group_by(wijk, OVERZICHT.c.maand, T.c.thema).order_by(wijk, OVERZICHT.c.maand, T.c.thema))
    return tuple(ThemaWijkMaand(r.wijk, r.maand, r.thema, int(r.aantal)) for r in _rows(query, engine))


def collectief_aandeel(f: GesprekFilter = GesprekFilter(),
                       engine: Optional[Engine] = None) -> Tuple[CollectiefAandeel, ...]:
    wijk = _wijk().label("wijk")
    fits = func.sum(case((OVERZICHT.c.advies.in_(COLLECTIEF), 1), else_=0)).label("collectief")
    query = (select(T.c.thema, wijk, func.count().label("hulpvragen"), fits)
             .select_from(T.join(OVERZICHT, OVERZICHT.c.gesprek_id == T.c.gesprek_id)).where(*conditions(f))
             .group_by(T.c.thema, wijk).order_by(T.c.thema, wijk))
    return tuple(CollectiefAandeel(r.thema, r.wijk, int(r.hulpvragen), int(r.collectief or 0),
                                   round(int(r.collectief or 0) / int(r.hulpvragen), 4)) for r in _rows(query, engine))


def last_months(vandaag: date, maanden: int) -> List[str]:
    return [f"{months_before(vandaag.replace(day=1), n):%Y-%m}" for n in range(maanden - 1, -1, -1)]


def trends(maanden: int = 6, vandaag: Optional[date] = None, f: GesprekFilter = GesprekFilter(),
           engine: Optional[Engine] = None) -> Tuple[ThemaTrend, ...]:
    """Hulpvragen per theme per month over the last ``maanden`` months (this one included; empty months are 0)."""
    months = last_months(vandaag or date.today(), maanden)
    query = (select(OVERZICHT.c.maand, T.c.thema, func.count().label("aantal"))
             .select_from(T.join(OVERZICHT, OVERZICHT.c.gesprek_id == T.c.gesprek_id))
             .where(*conditions(f), OVERZICHT.c.maand.in_(months)).group_by(OVERZICHT.c.maand, T.c.thema))
    counts: Dict[Tuple[str, str], int] = {(r.maand, r.thema): int(r.aantal) for r in _rows(query, engine)}
    themes = sorted({thema for _, thema in counts})
    return tuple(ThemaTrend(m, t, counts.get((m, t), 0)) for t in themes for m in months)


def signalen_per_wijk(top: int = 5, f: GesprekFilter = GesprekFilter(),
                      engine: Optional[Engine] = None) -> Tuple[SignaalWijk, ...]:
    """The ``top`` most frequent signals per wijk (ties by code)."""
    wijk = _wijk().label("wijk")
    query = (select(wijk, S.c.code, func.count().label("aantal"))
             .select_from(S.join(OVERZICHT, OVERZICHT.c.gesprek_id == S.c.gesprek_id)).where(*conditions(f))
             .group_by(wijk, S.c.code))
    per_wijk: Dict[str, List[Tuple[int, str]]] = {}
    for r in _rows(query, engine):
        per_wijk.setdefault(r.wijk, []).append((int(r.aantal), r.code))
    out = []
    for name in sorted(per_wijk):
        ranked = sorted(per_wijk[name], key=lambda x: (-x[0], x[1]))[:top]
        out += [SignaalWijk(name, code, n, i + 1) for i, (n, code) in enumerate(ranked)]
    return tuple(out)
