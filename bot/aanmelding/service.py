"""Create, fill, confirm and read an aanmelding; record feedback and follow-up.

Plain functions on an SQLAlchemy engine (default: DATABASE_URL). Every call is
one transaction. Contact details go only into the aanmelding's own columns;
the hulpvraag text is stored redacted. Rows are looked up by reference *and*
conversation id, so one conversation can never touch another's aanmelding.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Mapping, Optional, Sequence

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.aanmelding.reference import new_reference
from bot.store.db import session_scope, utcnow
from bot.triage.result import TriageLike, as_result

CONTACT_FIELDS = ("naam", "contact_voorkeur", "telefoon", "email", "postcode", "belmoment")
CONTACT_PREFERENCES = ("telefoon", "email", "geen")
MAX_HULPVRAAG = 5000
_REFERENCE_ATTEMPTS = 20


class AanmeldingError(LookupError):
    """No aanmelding with this reference in this conversation, or a bad field."""


def _redact(text: str) -> str:
    from bot.privacy import redact

    return redact(text or "")[:MAX_HULPVRAAG]


def _triage_columns(triage: TriageLike) -> Dict[str, Any]:
    """The aanmelding's columns of the triage (the result, or the ``triage`` slot's dict)."""
    result = as_result(triage)
    if result is None:
        return {"themas": [], "signalen": [], "advies": None, "advies_redenen": []}
    stored = result.to_dict()
    return {key: stored[key] for key in ("themas", "signalen", "advies", "advies_redenen")}


def snapshot(row: Aanmelding) -> Dict[str, Any]:
    """A plain dict of the row (safe to use after the session closed)."""
    return {c.name: getattr(row, c.name) for c in Aanmelding.__table__.columns}


def _unique_reference(session) -> str:
    for _ in range(_REFERENCE_ATTEMPTS):
        ref = new_reference()
        if session.execute(select(Aanmelding.id).where(Aanmelding.referentie == ref)).first() is None:
            return ref
    raise RuntimeError("could not find a free reference")  # 887M options: practically unreachable


def _concept_of(session, gesprek_id: str) -> Optional[Aanmelding]:
    return session.execute(
        select(Aanmelding).where(Aanmelding.gesprek_id == gesprek_id, Aanmelding.status == "concept")
        .order_by(Aanmelding.id.desc())
    ).scalars().first()


def start(
    *,
    gesprek_id: str,
    rol: str,
    triage: TriageLike,
    hulpvraag: str,
    keuzes: Optional[Mapping[str, Any]] = None,
    aanbod: Sequence[Mapping[str, Any]] = (),
    engine: Optional[Engine] = None,
) -> str:
    """After consent: a concept aanmelding (or the open one of this conversation). Returns its reference."""
    columns = dict(
        **_triage_columns(triage),
        hulpvraag=_redact(hulpvraag),
        keuzes=dict(keuzes or {}),
        aanbod_getoond=[dict(a) for a in aanbod],
        rol="kcc" if rol == "kcc" else "inwoner",
    )
    for attempt in range(3):
        try:
            with session_scope(engine) as session:
                row = _concept_of(session, gesprek_id)
                if row is None:
                    row = Aanmelding(gesprek_id=gesprek_id, referentie=_unique_reference(session), status="concept")
                    session.add(row)
                for key, value in columns.items():
                    setattr(row, key, value)
                row.toestemming = row.toestemming or utcnow()
                session.flush()
                return row.referentie
        except IntegrityError:  # two processes drew the same reference at once
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _find(session, referentie: str, gesprek_id: str) -> Aanmelding:
    row = session.execute(
        select(Aanmelding).where(Aanmelding.referentie == referentie, Aanmelding.gesprek_id == gesprek_id)
    ).scalars().first()
    if row is None:
        raise AanmeldingError(f"no aanmelding {referentie} in this conversation")
    return row


def get(referentie: str, gesprek_id: str, engine: Optional[Engine] = None) -> Dict[str, Any]:
    with session_scope(engine) as session:
        return snapshot(_find(session, referentie, gesprek_id))


def set_contact(referentie: str, gesprek_id: str, veld: str, waarde: Optional[str],
                engine: Optional[Engine] = None) -> None:
    """Store one contact detail (already validated) or clear it with None."""
    if veld not in CONTACT_FIELDS:
        raise AanmeldingError(f"unknown contact field {veld!r}")
    if veld == "contact_voorkeur" and waarde not in (None,) + CONTACT_PREFERENCES:
        raise AanmeldingError(f"contact_voorkeur must be one of {CONTACT_PREFERENCES}")
    column = Aanmelding.__table__.columns[veld]
    if waarde is not None and column.type.length and len(waarde) > column.type.length:
        raise AanmeldingError(f"{veld} is longer than {column.type.length} characters")
    with session_scope(engine) as session:
        setattr(_find(session, referentie, gesprek_id), veld, waarde)


def update_triage(referentie: str, gesprek_id: str, *, triage: TriageLike, hulpvraag: Optional[str] = None,
                  keuzes: Optional[Mapping[str, Any]] = None, aanbod: Optional[Sequence[Mapping[str, Any]]] = None,
                  engine: Optional[Engine] = None) -> None:
    """The story changed mid-form (a new subject, a correction): keep the row current."""
    with session_scope(engine) as session:
        row = _find(session, referentie, gesprek_id)
        for key, value in _triage_columns(triage).items():
            setattr(row, key, value)
        if hulpvraag is not None:
            row.hulpvraag = _redact(hulpvraag)
        if keuzes is not None:
            row.keuzes = {**(row.keuzes or {}), **dict(keuzes)}
        if aanbod is not None:
            row.aanbod_getoond = [dict(a) for a in aanbod]


def confirm(referentie: str, gesprek_id: str, engine: Optional[Engine] = None) -> Dict[str, Any]:
    """The person checked the summary: status nieuw, for the Bureaudienst."""
    with session_scope(engine) as session:
        row = _find(session, referentie, gesprek_id)
        if row.status == "concept":
            row.status = "nieuw"
            row.bevestigd = utcnow()
        if row.contact_voorkeur != "telefoon":
            row.belmoment = None
        return snapshot(row)


def discard_concept(gesprek_id: str, engine: Optional[Engine] = None) -> int:
    """The person stopped before confirming: nothing unconfirmed is kept."""
    with session_scope(engine) as session:
        result = session.execute(
            delete(Aanmelding).where(Aanmelding.gesprek_id == gesprek_id, Aanmelding.status == "concept")
        )
        return int(result.rowcount or 0)


def record_feedback(gesprek_id: str, score: Optional[int], antwoord: str, referentie: Optional[str] = None,
                    engine: Optional[Engine] = None) -> int:
    """The one-question feedback (score 1..3 or None when unclear). Returns its id."""
    if score is not None and score not in (1, 2, 3):
        raise ValueError("score must be 1, 2 or 3")
    with session_scope(engine) as session:
        aanmelding_id = None
        if referentie:
            found = session.execute(
                select(Aanmelding.id).where(Aanmelding.referentie == referentie, Aanmelding.gesprek_id == gesprek_id)
            ).first()
            aanmelding_id = found[0] if found else None
        row = Feedback(gesprek_id=gesprek_id, aanmelding_id=aanmelding_id, score=score, antwoord=(antwoord or "")[:20])
        session.add(row)
        session.flush()
        return row.id


def mark_opvolging(gesprek_id: str, reden: Iterable[str], *, terugbellen: bool = False,
                   telefoon: Optional[str] = None, engine: Optional[Engine] = None) -> int:
    """Mark the conversation for human follow-up (signal codes only, never text).

    One open follow-up per conversation: a later call (e.g. the callback
    request after a crisis) updates it instead of adding a second one.
    """
    codes = sorted({str(c) for c in reden})
    with session_scope(engine) as session:
        row = session.execute(
            select(Opvolging).where(Opvolging.gesprek_id == gesprek_id, Opvolging.afgehandeld.is_(False))
            .order_by(Opvolging.id.desc())
        ).scalars().first()
        if row is None:
            row = Opvolging(gesprek_id=gesprek_id, reden=codes, terugbellen=terugbellen, telefoon=telefoon,
                            afgehandeld=False)
            session.add(row)
        else:
            row.reden = sorted(set(row.reden or []) | set(codes))
            row.terugbellen = row.terugbellen or terugbellen
            row.telefoon = telefoon or row.telefoon
        session.flush()
        return row.id


def open_opvolging(gesprek_id: str, engine: Optional[Engine] = None) -> Optional[Dict[str, Any]]:
    with session_scope(engine) as session:
        row = session.execute(
            select(Opvolging).where(Opvolging.gesprek_id == gesprek_id, Opvolging.afgehandeld.is_(False))
        ).scalars().first()
        return None if row is None else {c.name: getattr(row, c.name) for c in Opvolging.__table__.columns}
