"""Bundelen: open aanmeldingen in one wijk with the same theme and a collective fit.

A candidate group is at least ``min_aantal`` open (nieuw, in_behandeling,
toegewezen) aanmeldingen since ``vanaf`` (default: the start of this quarter)
with the same primary theme, advice ``collectief_mogelijk`` or ``combinatie``
and a postcode in the same wijk. It is linked to the collective offers
(groep, cursus, inloop, activiteit) the sociale kaart has for that theme near
the wijk, or marked as a gap (``gat``) when there are none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Dict, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.aanmelding.models import Aanmelding
from bot.kaart.postcodes import pc4_table
from bot.kaart.search import zoek
from bot.review.bureaudienst import OPEN, primary_theme, wijk_of_postcode
from bot.review.rode_draden import COLLECTIEF
from bot.store.db import default_engine, session_scope
from bot.taxonomy import taxonomy

COLLECTIEVE_VORMEN = ("groep", "cursus", "inloop", "activiteit")


@dataclass(frozen=True)
class Aanbieding:
    id: str
    naam: str
    vorm: str
    wijk: str
    waarom: str


@dataclass(frozen=True)
class Kandidaatgroep:
    wijk: str
    thema: str
    aantal: int
    aanmelding_ids: Tuple[int, ...]
    tekst: str  # "8 inwoners in Assendorp vroegen dit kwartaal naar geld en schulden"
    aanbod: Tuple[Aanbieding, ...]
    gat: bool  # no collective offer for this theme near the wijk


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _pc4_of_wijk(wijk: str) -> Optional[str]:
    return next((pc4 for pc4, area in sorted(pc4_table().items()) if area.wijk == wijk), None)


def collective_offers(thema: str, wijk: str, engine: Optional[Engine] = None, limit: int = 3) -> Tuple[Aanbieding, ...]:
    pc4 = _pc4_of_wijk(wijk)
    if pc4 is None:
        return ()
    found = zoek([thema], postcode=pc4, limit=20, engine=engine, alleen_eigen_gemeente=True)
    return tuple(Aanbieding(m.id, m.naam, m.record.vorm, m.wijk, m.waarom)
                 for m in found if m.record.vorm in COLLECTIEVE_VORMEN)[:limit]


def _period_text(vanaf: date, vandaag: date) -> str:
    return "dit kwartaal" if vanaf == quarter_start(vandaag) else f"sinds {vanaf:%d-%m-%Y}"


def bundelen(vanaf: Optional[date] = None, vandaag: Optional[date] = None, min_aantal: int = 3,
             engine: Optional[Engine] = None) -> Tuple[Kandidaatgroep, ...]:
    """Candidate groups, largest first."""
    engine = engine or default_engine()
    vandaag = vandaag or date.today()
    vanaf = vanaf or quarter_start(vandaag)
    since = datetime.combine(vanaf, time.min, tzinfo=timezone.utc)
    groups: Dict[Tuple[str, str], List[int]] = {}
    with session_scope(engine) as session:
        rows = session.execute(select(Aanmelding.id, Aanmelding.themas, Aanmelding.postcode).where(
            Aanmelding.status.in_(OPEN), Aanmelding.advies.in_(COLLECTIEF), Aanmelding.aangemaakt >= since)
            .order_by(Aanmelding.id)).all()
    for aanmelding_id, themas, postcode in rows:
        wijk, thema = wijk_of_postcode(postcode), primary_theme(themas)
        if wijk and thema:
            groups.setdefault((wijk, thema), []).append(aanmelding_id)
    tax, period = taxonomy(), _period_text(vanaf, vandaag)
    out = []
    for (wijk, thema), ids in groups.items():
        if len(ids) < min_aantal:
            continue
        label = tax.themes[thema].label.lower() if thema in tax.themes else thema
        offers = collective_offers(thema, wijk, engine)
        out.append(Kandidaatgroep(wijk, thema, len(ids), tuple(ids),
                                  f"{len(ids)} inwoners in {wijk} vroegen {period} naar {label}", offers, not offers))
    return tuple(sorted(out, key=lambda g: (-g.aantal, g.wijk, g.thema)))
