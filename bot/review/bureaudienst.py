"""Aanmeldingen at the Bureaudienst: the status flow, its history, the list with werkdagen.

Flow: nieuw -> in_behandeling -> toegewezen -> afgesloten (in_behandeling may
also close directly). Every step is one row in ``aanmelding_status`` (from,
to, who, when, to whom it was assigned) and one audit entry; a step that the
flow does not allow, or one from a status the row no longer has (someone else
was quicker), is refused with ``StatusError``. A ``concept`` (not confirmed
by the person) is never handled. The older closing word ``afgerond`` counts as
closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Dict, FrozenSet, List, Optional, Tuple

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine

from bot.aanmelding.models import Aanmelding
from bot.kaart.postcodes import try_parse_postcode
from bot.privacy import audit
from bot.review.index import wijk_of_pc4
from bot.review.models import AanmeldingStatus
from bot.review.werkdagen import werkdagen_terug, werkdagen_tussen
from bot.store.db import default_engine, session_scope

STATUSSEN = ("nieuw", "in_behandeling", "toegewezen", "afgesloten")
OPEN = ("nieuw", "in_behandeling", "toegewezen")
OVERGANGEN: Dict[str, FrozenSet[str]] = {
    "nieuw": frozenset({"in_behandeling"}),
    "in_behandeling": frozenset({"toegewezen", "afgesloten"}),
    "toegewezen": frozenset({"afgesloten"}),
}
TE_LAAT_WERKDAGEN = 5


class StatusError(ValueError):
    """A step the status flow does not allow; the message says which."""


@dataclass(frozen=True)
class StatusStap:
    van: str
    naar: str
    door: str
    toegewezen_aan: Optional[str]
    tijdstip: datetime


def _aware(moment: datetime) -> datetime:
    """A time read back from SQLite has no zone: it was stored in UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def historie(conn: Connection, aanmelding_id: int) -> Tuple[StatusStap, ...]:
    t = AanmeldingStatus.__table__
    rows = conn.execute(select(t).where(t.c.aanmelding_id == aanmelding_id).order_by(t.c.id))
    return tuple(StatusStap(r.van, r.naar, r.door, r.toegewezen_aan, _aware(r.tijdstip)) for r in rows)


def wijzig_status(aanmelding_id: int, naar: str, door: str, toegewezen_aan: Optional[str] = None,
                  engine: Optional[Engine] = None) -> StatusStap:
    """Move the aanmelding one step in the flow; ``door`` is the staff account doing it."""
    audit.check_actor(door)
    if naar == "toegewezen":
        if not toegewezen_aan:
            raise StatusError("toegewezen needs toegewezen_aan (a team or medewerker)")
        audit.check_actor(toegewezen_aan)
    with session_scope(engine) as session:
        van = session.execute(select(Aanmelding.status).where(Aanmelding.id == aanmelding_id)).scalar()
        if van is None:
            raise StatusError(f"no aanmelding {aanmelding_id}")
        if naar not in OVERGANGEN.get(van, frozenset()):
            raise StatusError(f"{van} -> {naar} is not a step of the flow")
        changed = session.execute(update(Aanmelding).where(Aanmelding.id == aanmelding_id, Aanmelding.status == van)
                                  .values(status=naar).execution_options(synchronize_session=False)).rowcount
        if changed != 1:
            raise StatusError(f"aanmelding {aanmelding_id} changed status meanwhile")
        stap = AanmeldingStatus(aanmelding_id=aanmelding_id, van=van, naar=naar, door=door,
                                toegewezen_aan=toegewezen_aan if naar == "toegewezen" else None)
        session.add(stap)
        session.flush()
        audit.record(session, "aanmelding_status", {"aanmelding_id": aanmelding_id, "van": van, "naar": naar}, wie=door)
        return StatusStap(van, naar, door, stap.toegewezen_aan, _aware(stap.tijdstip))


@dataclass(frozen=True)
class AanmeldingFilter:
    status: Optional[str] = None
    thema: Optional[str] = None  # the primary theme
    wijk: Optional[str] = None
    te_laat: Optional[bool] = None  # open for more than TE_LAAT_WERKDAGEN werkdagen


@dataclass(frozen=True)
class AanmeldingRij:
    id: int
    referentie: str
    status: str
    kanaal: str
    thema: Optional[str]
    advies: Optional[str]
    wijk: Optional[str]
    bevestigd: datetime
    werkdagen: int  # werkdagen since it was confirmed (until today)
    te_laat: bool  # still open after more than TE_LAAT_WERKDAGEN werkdagen
    toegewezen_aan: Optional[str]


def primary_theme(themas: object) -> Optional[str]:
    first = themas[0] if isinstance(themas, list) and themas else None
    return first.get("thema") if isinstance(first, dict) else None


def wijk_of_postcode(postcode: Optional[str]) -> Optional[str]:
    parsed = try_parse_postcode(postcode)
    return wijk_of_pc4(parsed.pc4) if parsed else None


def _assigned(conn: Connection, ids: List[int]) -> Dict[int, str]:
    t = AanmeldingStatus.__table__
    rows = conn.execute(select(t.c.aanmelding_id, t.c.toegewezen_aan).where(t.c.aanmelding_id.in_(ids),
                                                                           t.c.naar == "toegewezen").order_by(t.c.id))
    return {r.aanmelding_id: r.toegewezen_aan for r in rows} if ids else {}


def aanmeldingen(f: AanmeldingFilter = AanmeldingFilter(), vandaag: Optional[date] = None,
                 engine: Optional[Engine] = None) -> Tuple[AanmeldingRij, ...]:
    """The confirmed aanmeldingen that pass ``f``, oldest first.

    Status and age are filtered in SQL (age as a cut-off day: open and
    confirmed before the day ``TE_LAAT_WERKDAGEN`` werkdagen back); theme and
    wijk, which live in JSON and the postcode, on the rows.
    """
    vandaag = vandaag or date.today()
    query = select(Aanmelding).where(Aanmelding.status != "concept").order_by(Aanmelding.bevestigd, Aanmelding.id)
    if f.status:
        query = query.where(Aanmelding.status == f.status)
    cutoff = datetime.combine(werkdagen_terug(vandaag, TE_LAAT_WERKDAGEN), datetime.min.time(), tzinfo=timezone.utc)
    if f.te_laat is True:
        query = query.where(Aanmelding.status.in_(OPEN), Aanmelding.bevestigd < cutoff)
    rows: List[AanmeldingRij] = []
    with session_scope(engine or default_engine()) as session:
        found = session.execute(query).scalars().all()
        assigned = _assigned(session.connection(), [a.id for a in found])
        for a in found:
            bevestigd = _aware(a.bevestigd or a.aangemaakt)
            dagen = werkdagen_tussen(bevestigd.date(), vandaag)
            row = AanmeldingRij(
                id=a.id, referentie=a.referentie, status=a.status, kanaal=a.rol, thema=primary_theme(a.themas),
                advies=a.advies, wijk=wijk_of_postcode(a.postcode), bevestigd=bevestigd, werkdagen=dagen,
                te_laat=a.status in OPEN and dagen > TE_LAAT_WERKDAGEN, toegewezen_aan=assigned.get(a.id))
            if (f.thema and row.thema != f.thema) or (f.wijk and row.wijk != f.wijk):
                continue
            if f.te_laat is not None and row.te_laat != f.te_laat:
                continue
            rows.append(row)
    return tuple(rows)
