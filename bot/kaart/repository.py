"""Reading and writing kaart records in the database (SQLAlchemy Core, 2.0 style).

``save_records`` upserts by id inside the caller's transaction; ``load_records``
rebuilds the records exactly as they were saved (order of lists kept).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from bot.kaart.models import (
    KaartAanbod,
    KaartAanbodLocatie,
    KaartAanbodThema,
    KaartLocatie,
    KaartMeta,
    KaartOrganisatie,
    KaartWerkgebied,
)
from bot.kaart.record import Aanbod

CHUNK = 500
VERSION_KEY = "versie"

_AANBOD_COLUMNS = (
    "id", "organisatie_id", "naam", "omschrijving", "vorm", "formeel", "toegang", "leeftijd_min", "leeftijd_max",
    "gemeente", "wijk", "wanneer", "kosten", "kosten_centen", "hoe_aansluiten", "email", "telefoon", "website",
    "status", "laatst_gecontroleerd", "bron", "voorbeeld",
)
_JSON_COLUMNS = ("doelgroepen", "kenmerken", "toegankelijkheid", "talen")


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _existing(session: Session, column, ids: Sequence[str]) -> set:
    found = set()
    for chunk in _chunks(ids):
        found.update(session.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def _upsert(session: Session, model, rows: Dict[str, dict]) -> None:
    if not rows:
        return
    table = model.__table__
    existing = _existing(session, table.c.id, list(rows))
    new = [row for key, row in rows.items() if key not in existing]
    old = [{"b_" + k: v for k, v in row.items()} for key, row in rows.items() if key in existing]
    if new:
        session.execute(insert(table), new)
    if old:
        columns = [c for c in old[0] if c != "b_id"]
        stmt = (update(table).where(table.c.id == bindparam("b_id"))
                .values({c[2:]: bindparam(c) for c in columns}))
        session.execute(stmt, old)


def save_records(session: Session, records: Sequence[Aanbod]) -> Tuple[int, int]:
    """Insert or replace ``records`` by id; returns (new, updated). Bumps the kaart version."""
    organisations = {r.organisatie_id: {"id": r.organisatie_id, "naam": r.organisatie} for r in records}
    locations = {
        r.locatie_id: {"id": r.locatie_id, "naam": r.locatie_naam, "adres": r.adres, "postcode": r.postcode,
                       "plaats": r.plaats}
        for r in records if r.locatie_id
    }
    _upsert(session, KaartOrganisatie, organisations)
    _upsert(session, KaartLocatie, locations)

    ids = [r.id for r in records]
    existing = _existing(session, KaartAanbod.__table__.c.id, ids)
    for chunk in _chunks(sorted(existing)):
        for link in (KaartAanbodThema, KaartWerkgebied, KaartAanbodLocatie):
            session.execute(delete(link.__table__).where(link.__table__.c.aanbod_id.in_(chunk)))
        session.execute(delete(KaartAanbod.__table__).where(KaartAanbod.__table__.c.id.in_(chunk)))

    session.execute(insert(KaartAanbod.__table__), [
        {**{c: getattr(r, c) for c in _AANBOD_COLUMNS}, **{c: list(getattr(r, c)) for c in _JSON_COLUMNS}}
        for r in records
    ])
    themes = [{"aanbod_id": r.id, "thema": t, "volgorde": i} for r in records for i, t in enumerate(r.themas)]
    areas = [{"aanbod_id": r.id, "pc4": p, "volgorde": i} for r in records for i, p in enumerate(r.postcodes)]
    links = [{"aanbod_id": r.id, "locatie_id": r.locatie_id} for r in records if r.locatie_id]
    for model, rows in ((KaartAanbodThema, themes), (KaartWerkgebied, areas), (KaartAanbodLocatie, links)):
        if rows:
            session.execute(insert(model.__table__), rows)
    _remove_orphans(session)
    bump_version(session)
    return len(records) - len(existing), len(existing)


def _remove_orphans(session: Session) -> None:
    used_locations = select(KaartAanbodLocatie.locatie_id)
    session.execute(delete(KaartLocatie.__table__).where(KaartLocatie.id.not_in(used_locations)))
    used_orgs = select(KaartAanbod.organisatie_id)
    session.execute(delete(KaartOrganisatie.__table__).where(KaartOrganisatie.id.not_in(used_orgs)))


def bump_version(session: Session) -> None:
    updated = session.execute(
        update(KaartMeta.__table__).where(KaartMeta.sleutel == VERSION_KEY).values(waarde=KaartMeta.waarde + 1)
    ).rowcount
    if not updated:
        session.execute(insert(KaartMeta.__table__).values(sleutel=VERSION_KEY, waarde=1))


def current_version(connection) -> Optional[int]:
    return connection.execute(select(KaartMeta.waarde).where(KaartMeta.sleutel == VERSION_KEY)).scalar()


def count_records(session: Session) -> int:
    return session.execute(select(func.count()).select_from(KaartAanbod)).scalar_one()


def load_records(connection, statuses: Optional[Iterable[str]] = None) -> List[Aanbod]:
    """Every record (or those with one of ``statuses``), sorted by id."""
    query = (select(*KaartAanbod.__table__.c, KaartOrganisatie.naam.label("organisatie_naam"))
             .join_from(KaartAanbod, KaartOrganisatie, KaartOrganisatie.id == KaartAanbod.organisatie_id)
             .order_by(KaartAanbod.id))
    if statuses is not None:
        query = query.where(KaartAanbod.status.in_(list(statuses)))
    rows = connection.execute(query).mappings().all()
    themes: Dict[str, List[str]] = defaultdict(list)
    for aanbod_id, thema in connection.execute(
            select(KaartAanbodThema.aanbod_id, KaartAanbodThema.thema)
            .order_by(KaartAanbodThema.aanbod_id, KaartAanbodThema.volgorde)):
        themes[aanbod_id].append(thema)
    areas: Dict[str, List[str]] = defaultdict(list)
    for aanbod_id, pc4 in connection.execute(
            select(KaartWerkgebied.aanbod_id, KaartWerkgebied.pc4)
            .order_by(KaartWerkgebied.aanbod_id, KaartWerkgebied.volgorde)):
        areas[aanbod_id].append(pc4)
    locations = {
        row.aanbod_id: row for row in connection.execute(
            select(KaartAanbodLocatie.aanbod_id, KaartLocatie.id, KaartLocatie.naam, KaartLocatie.adres,
                   KaartLocatie.postcode, KaartLocatie.plaats)
            .join_from(KaartAanbodLocatie, KaartLocatie, KaartLocatie.id == KaartAanbodLocatie.locatie_id))
    }
    records = []
    for row in rows:
        loc = locations.get(row["id"])
        records.append(Aanbod(
            id=row["id"], naam=row["naam"], organisatie_id=row["organisatie_id"],
            organisatie=row["organisatie_naam"], omschrijving=row["omschrijving"],
            themas=tuple(themes.get(row["id"], ())), vorm=row["vorm"], formeel=bool(row["formeel"]),
            toegang=row["toegang"], doelgroepen=tuple(row["doelgroepen"] or ()),
            kenmerken=tuple(row["kenmerken"] or ()), leeftijd_min=row["leeftijd_min"],
            leeftijd_max=row["leeftijd_max"], gemeente=row["gemeente"], wijk=row["wijk"],
            postcodes=tuple(areas.get(row["id"], ())), locatie_id=loc.id if loc else None,
            locatie_naam=loc.naam if loc else "", adres=loc.adres if loc else "",
            postcode=loc.postcode if loc else "", plaats=loc.plaats if loc else "",
            toegankelijkheid=tuple(row["toegankelijkheid"] or ()), talen=tuple(row["talen"] or ()),
            wanneer=row["wanneer"], kosten=row["kosten"], kosten_centen=row["kosten_centen"],
            hoe_aansluiten=row["hoe_aansluiten"], email=row["email"], telefoon=row["telefoon"],
            website=row["website"], status=row["status"], laatst_gecontroleerd=row["laatst_gecontroleerd"],
            bron=row["bron"], voorbeeld=bool(row["voorbeeld"]),
        ))
    return records
