"""``verwijder REFERENCE``: erase one aanmelding with its whole conversation.

Deletes the aanmelding (reference matched case-insensitively, spaces
and dashes ignored), its feedback, and every event, opvolging and feedback row of its
conversation (gesprek_id). An unknown reference deletes nothing. Either way
one audit entry is written holding only the SHA-256 of the reference and counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Engine

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.privacy import audit, conversations
from bot.store.db import default_engine, session_scope, upgrade


@dataclass(frozen=True)
class ErasureReport:
    gevonden: bool
    referentie_sha256: str
    aanmeldingen: int = 0
    events: int = 0
    opvolgingen: int = 0
    feedback: int = 0


def _find(session, reference: str) -> Optional[Aanmelding]:
    wanted = audit.normalise_reference(reference)
    column = func.upper(func.replace(func.replace(Aanmelding.referentie, " ", ""), "-", ""))
    return session.execute(select(Aanmelding).where(column == wanted)).scalars().first()


def verwijder(reference: str, engine: Optional[Engine] = None) -> ErasureReport:
    engine = engine or default_engine()
    upgrade(engine)
    hashed = audit.reference_hash(reference)
    with session_scope(engine) as session:
        aanmelding = _find(session, reference) if audit.normalise_reference(reference) else None
        if aanmelding is None:
            report = ErasureReport(gevonden=False, referentie_sha256=hashed)
            audit.record(session, "verwijder_onbekend", {"referentie_sha256": hashed})
            return report
        gesprek = aanmelding.gesprek_id
        feedback = session.execute(
            delete(Feedback).where(or_(Feedback.aanmelding_id == aanmelding.id, Feedback.gesprek_id == gesprek))
            .execution_options(synchronize_session=False)
        ).rowcount
        opvolgingen = session.execute(
            delete(Opvolging).where(Opvolging.gesprek_id == gesprek).execution_options(synchronize_session=False)
        ).rowcount
        events = conversations.delete_events(session.connection(), [gesprek])
        session.execute(delete(Aanmelding).where(Aanmelding.id == aanmelding.id).execution_options(synchronize_session=False))
        report = ErasureReport(True, hashed, 1, events, opvolgingen, feedback)
        audit.record(session, "verwijder", {
            "referentie_sha256": hashed, "aanmeldingen": 1, "events": events,
            "opvolgingen": opvolgingen, "feedback": feedback,
        })
    return report
