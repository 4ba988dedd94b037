"""The ``gesprek_overzicht`` index: one row per conversation, from the redacted events.

``update`` folds the events the tracker store has just written into the
conversation's row (called by ``RedactingSQLTrackerStore.save`` after every
turn); ``rebuild`` recomputes every row from Rasa's ``events`` table (``python
-m bot review index``) and drops rows of conversations that no longer exist.
The review columns (status, by whom, when) are never touched here.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, bindparam, delete, insert, inspect, select
from sqlalchemy import update as sql_update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.aanmelding.models import Aanmelding
from bot.kaart.postcodes import pc4_table
from bot.review.models import GesprekOverzicht, GesprekSignaal, GesprekThema
from bot.review.summary import Summary, fold, month_of, pc4_of

log = logging.getLogger(__name__)

# Rasa's events table (rasa/core/tracker_store.py SQLTrackerStore.SQLEvent), seen without Rasa.
EVENTS = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
OVERZICHT = GesprekOverzicht.__table__
_CHUNK = 500
# Built once: the update after every turn executes these with parameters
# instead of building and hashing new statements each time.
_ROW = select(OVERZICHT).where(OVERZICHT.c.gesprek_id == bindparam("row_id"))
_UPDATE_ROW = sql_update(OVERZICHT).where(OVERZICHT.c.gesprek_id == bindparam("row_id"))
_INSERT_ROW = insert(OVERZICHT)


def wijk_of_pc4(pc4: Optional[str]) -> Optional[str]:
    area = pc4_table().get(pc4) if pc4 else None
    return area.wijk if area else None


def _aanmelding_pc4(conn: Connection, gesprek_id: str) -> Optional[str]:
    rows = conn.execute(select(Aanmelding.postcode).where(Aanmelding.gesprek_id == gesprek_id,
                                                          Aanmelding.postcode.isnot(None))
                        .order_by(Aanmelding.id.desc()).limit(1)).scalars()
    return pc4_of(next(iter(rows), None))


def _summary_of(row: Mapping[str, Any]) -> Summary:
    return Summary(
        gesprek_id=row["gesprek_id"], eerste=row["eerste_ts"], laatste=row["laatste_ts"], rol=row["rol"],
        pc4=row["pc4"], thema=row["thema"], themas=list(row["themas"] or []), signalen=list(row["signalen"] or []),
        advies=row["advies"], crisis=bool(row["crisis"]), fallback=bool(row["fallback"]), feedback=row["feedback"],
        aanmelding=bool(row["aanmelding"]), berichten=row["berichten"], events=row["events"])


def _columns(conn: Connection, s: Summary) -> Dict[str, Any]:
    begonnen, laatste = s.dates()
    pc4 = s.pc4 or (_aanmelding_pc4(conn, s.gesprek_id) if s.aanmelding else None)
    return dict(
        gesprek_id=s.gesprek_id, begonnen=begonnen, laatste=laatste, eerste_ts=s.eerste, laatste_ts=s.laatste,
        maand=month_of(begonnen), rol=s.rol, pc4=pc4, wijk=wijk_of_pc4(pc4), thema=s.thema, themas=list(s.themas),
        signalen=list(s.signalen), advies=s.advies, crisis=s.crisis, fallback=s.fallback, feedback=s.feedback,
        aanmelding=s.aanmelding, berichten=s.berichten, events=s.events, demo=s.demo)


def _relink(conn: Connection, gesprek_id: str, table: Table, key: str, codes: Sequence[str]) -> None:
    conn.execute(delete(table).where(table.c.gesprek_id == gesprek_id))
    if codes:
        conn.execute(insert(table), [{"gesprek_id": gesprek_id, key: c} for c in dict.fromkeys(codes)])


def write(conn: Connection, summary: Summary, old: Optional[Summary] = None, exists: bool = False) -> None:
    """Insert or update the row of ``summary`` (and its theme and signal links)."""
    values = _columns(conn, summary)
    if exists:
        del values["gesprek_id"]  # the key stays; the other columns are set
        conn.execute(_UPDATE_ROW, {"row_id": summary.gesprek_id, **values})
    else:
        conn.execute(_INSERT_ROW, {"review_status": "open", **values})
    if old is None or old.themas != summary.themas:
        _relink(conn, summary.gesprek_id, GesprekThema.__table__, "thema", summary.themas)
    if old is None or old.signalen != summary.signalen:
        _relink(conn, summary.gesprek_id, GesprekSignaal.__table__, "code", summary.signalen)


def _load(conn: Connection, gesprek_id: str) -> Optional[Summary]:
    row = conn.execute(_ROW, {"row_id": gesprek_id}).mappings().first()
    return _summary_of(row) if row else None


def update(engine: Engine, gesprek_id: str, events: Sequence[Mapping[str, Any]]) -> None:
    """Fold ``events`` (just stored, redacted) into the conversation's row."""
    if not events:
        return
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                old = _load(conn, gesprek_id)
                new = fold(old or Summary(gesprek_id), events)
                write(conn, new, old, exists=old is not None)
            return
        except IntegrityError:  # another process inserted the row at the same moment
            if attempt == 2:
                raise


def update_quietly(engine: Engine, gesprek_id: str, events: Sequence[Mapping[str, Any]]) -> None:
    """``update``, logging instead of raising: the index never breaks a conversation."""
    try:
        if has_index(engine):
            update(engine, gesprek_id, events)
    except Exception as exc:  # noqa: BLE001 - logged without content, the turn goes on
        log.warning("review index not updated: %s", type(exc).__name__)


_HAS_INDEX: Dict[str, Tuple[bool, float]] = {}
_RECHECK_SECONDS = 30.0


def has_index(engine: Engine) -> bool:
    """Whether the migration has run: remembered per URL once true, asked again every 30 s while false."""
    key, now = str(engine.url), time.monotonic()
    known, checked = _HAS_INDEX.get(key, (False, -_RECHECK_SECONDS))
    if not known and now - checked >= _RECHECK_SECONDS:
        known = inspect(engine).has_table(OVERZICHT.name)
        _HAS_INDEX[key] = (known, now)
    return known


def _stored_events(conn: Connection) -> Iterator[Tuple[str, Dict[str, Any]]]:
    rows = conn.execution_options(stream_results=True).execute(
        select(EVENTS.c.sender_id, EVENTS.c.data).order_by(EVENTS.c.sender_id, EVENTS.c.id))
    for sender, data in rows:
        try:
            yield sender, json.loads(data or "{}")
        except ValueError:
            yield sender, {}


def _by_sender(pairs: Iterable[Tuple[str, Dict[str, Any]]]) -> Iterator[Tuple[str, List[Dict[str, Any]]]]:
    current = ""
    batch: List[Dict[str, Any]] = []
    for sender, event in pairs:
        if sender != current and batch:
            yield current, batch
            batch = []
        current = sender
        batch.append(event)
    if batch:
        yield current, batch


@dataclass(frozen=True)
class RebuildReport:
    gesprekken: int
    verwijderd: int


def rebuild(engine: Engine) -> RebuildReport:
    """Recompute every row from the events; rows of vanished conversations are deleted."""
    with engine.connect() as reader:
        if not inspect(reader).has_table(EVENTS.name):
            summaries: List[Summary] = []
        else:
            summaries = [fold(Summary(s), events) for s, events in _by_sender(_stored_events(reader))]
    seen = {s.gesprek_id for s in summaries}
    with engine.begin() as conn:
        existing = set(conn.execute(select(OVERZICHT.c.gesprek_id)).scalars())
        for s in summaries:
            write(conn, s, None, exists=s.gesprek_id in existing)
        gone = sorted(existing - seen)
        forget(conn, gone)
    return RebuildReport(gesprekken=len(summaries), verwijderd=len(gone))


def forget(conn: Connection, gesprek_ids: Sequence[str]) -> None:
    """Delete the index rows (and links) of these conversations."""
    for start in range(0, len(gesprek_ids), _CHUNK):
        part = list(gesprek_ids[start:start + _CHUNK])
        for table in (GesprekThema.__table__, GesprekSignaal.__table__, OVERZICHT):
            conn.execute(delete(table).where(table.c.gesprek_id.in_(part)))
