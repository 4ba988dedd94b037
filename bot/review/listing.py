"""The conversations list: filters on every column, a date range, pages.

One indexed query for the page (newest first, ordered by the index
``(begonnen, id)``) and one count for the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, List, Optional, Tuple

from sqlalchemy import and_, exists, func, select
from sqlalchemy.engine import Engine

from bot.review.models import GesprekOverzicht, GesprekSignaal, GesprekThema, ReviewTag
from bot.store.db import default_engine

OVERZICHT = GesprekOverzicht.__table__
MAX_PER_PAGINA = 200


@dataclass(frozen=True)
class GesprekFilter:
    vanaf: Optional[date] = None  # first day, inclusive
    tot: Optional[date] = None  # last day, inclusive
    kanaal: Optional[str] = None  # inwoner | kcc
    wijk: Optional[str] = None
    thema: Optional[str] = None  # any of the conversation's themes
    signaal: Optional[str] = None
    advies: Optional[str] = None
    crisis: Optional[bool] = None
    fallback: Optional[bool] = None
    feedback: Optional[bool] = None  # feedback given or not
    review_status: Optional[str] = None  # open | bekeken
    tag: Optional[str] = None
    demo: Optional[bool] = None


@dataclass(frozen=True)
class GesprekRij:
    gesprek_id: str
    begonnen: datetime
    kanaal: str
    wijk: Optional[str]
    thema: Optional[str]
    themas: Tuple[str, ...]
    signalen: Tuple[str, ...]
    advies: Optional[str]
    crisis: bool
    fallback: bool
    feedback: Optional[str]
    aanmelding: bool
    berichten: int
    review_status: str
    demo: bool


@dataclass(frozen=True)
class GesprekPagina:
    rijen: Tuple[GesprekRij, ...]
    pagina: int
    per_pagina: int
    totaal: int

    @property
    def paginas(self) -> int:
        return max(1, -(-self.totaal // self.per_pagina))


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def conditions(f: GesprekFilter) -> List[Any]:
    where: List[Any] = []
    if f.vanaf:
        where.append(OVERZICHT.c.begonnen >= _day_start(f.vanaf))
    if f.tot:
        where.append(OVERZICHT.c.begonnen < _day_start(f.tot + timedelta(days=1)))
    for column, value in ((OVERZICHT.c.rol, f.kanaal), (OVERZICHT.c.wijk, f.wijk), (OVERZICHT.c.advies, f.advies),
                          (OVERZICHT.c.review_status, f.review_status)):
        if value is not None:
            where.append(column == value)
    for column, flag in ((OVERZICHT.c.crisis, f.crisis), (OVERZICHT.c.fallback, f.fallback), (OVERZICHT.c.demo, f.demo)):
        if flag is not None:
            where.append(column.is_(True) if flag else column.is_(False))
    if f.feedback is not None:
        where.append(OVERZICHT.c.feedback.isnot(None) if f.feedback else OVERZICHT.c.feedback.is_(None))
    links = ((GesprekThema.__table__, "thema", f.thema), (GesprekSignaal.__table__, "code", f.signaal),
             (ReviewTag.__table__, "tag", f.tag))
    for link, key, value in links:
        if value is not None:
            where.append(exists().where(and_(link.c.gesprek_id == OVERZICHT.c.gesprek_id, link.c[key] == value)))
    return where


def row_of(r: Any) -> GesprekRij:
    begonnen = r.begonnen if r.begonnen.tzinfo else r.begonnen.replace(tzinfo=timezone.utc)
    return GesprekRij(
        gesprek_id=r.gesprek_id, begonnen=begonnen, kanaal=r.rol, wijk=r.wijk, thema=r.thema,
        themas=tuple(r.themas or ()), signalen=tuple(r.signalen or ()), advies=r.advies, crisis=bool(r.crisis),
        fallback=bool(r.fallback), feedback=r.feedback, aanmelding=bool(r.aanmelding), berichten=r.berichten,
        review_status=r.review_status, demo=bool(r.demo))


def gesprekken(f: GesprekFilter = GesprekFilter(), pagina: int = 1, per_pagina: int = 25,
               engine: Optional[Engine] = None) -> GesprekPagina:
    """One page of the conversations that pass ``f``, newest first."""
    engine = engine or default_engine()
    pagina, per_pagina = max(1, int(pagina)), min(MAX_PER_PAGINA, max(1, int(per_pagina)))
    where = conditions(f)
    columns = [OVERZICHT.c[name] for name in ("gesprek_id", "begonnen", "rol", "wijk", "thema", "themas", "signalen",
                                      "advies", "crisis", "fallback", "feedback", "aanmelding", "berichten",
                                      "review_status", "demo")]
    page = (select(*columns).where(*where).order_by(OVERZICHT.c.begonnen.desc(), OVERZICHT.c.id.desc())
            .limit(per_pagina).offset((pagina - 1) * per_pagina))
    with engine.connect() as conn:
        rows = tuple(row_of(r) for r in conn.execute(page))
        total = conn.execute(select(func.count()).select_from(OVERZICHT).where(*where)).scalar_one()
    return GesprekPagina(rijen=rows, pagina=pagina, per_pagina=per_pagina, totaal=int(total))
