"""``opschonen``: delete what is older than the configured retention.

- Conversations (Rasa ``events``) whose newest event is older than
  ``privacy.bewaartermijn.gesprekken_dagen`` (default 28), with their
  opvolging and feedback rows and their never-confirmed ('concept')
  aanmeldingen. Opvolging and loose feedback rows older than that period are
  deleted too, even when the events live elsewhere.
- Aanmeldingen of any status older than ``aanmeldingen_dagen``, with their feedback.

A dry run (the default) only counts. Both write one audit entry with counts
and cut-off dates, never personal data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import List, Optional

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Engine

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.config import Settings, settings
from bot.privacy import audit, conversations
from bot.store.db import default_engine, session_scope, upgrade


@dataclass(frozen=True)
class RetentionReport:
    dry_run: bool
    grens_gesprekken: datetime
    grens_aanmeldingen: datetime
    gesprekken: int
    events: int
    opvolgingen: int
    feedback: int
    concept_aanmeldingen: int
    aanmeldingen: int

    def details(self) -> dict:
        return asdict(self)


def _count(session, stmt) -> int:
    return session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()


def opschonen(
    uitvoeren: bool = False,
    engine: Optional[Engine] = None,
    now: Optional[datetime] = None,
    config: Optional[Settings] = None,
) -> RetentionReport:
    """Count (and with ``uitvoeren`` delete) everything past its retention."""
    engine = engine or default_engine()
    upgrade(engine)
    privacy = (config or settings()).privacy
    now = now or datetime.now(timezone.utc)
    cutoff_talk = now - timedelta(days=privacy.gesprekken_dagen)
    cutoff_aanmelding = now - timedelta(days=privacy.aanmeldingen_dagen)

    with session_scope(engine) as session:
        conn = session.connection()
        stale: List[str] = conversations.stale_conversations(conn, cutoff_talk)
        in_stale = [Aanmelding.gesprek_id.in_(part) for part in conversations.chunks(stale)]
        old_aanmelding = Aanmelding.aangemaakt < cutoff_aanmelding
        aanmelding_filter = or_(old_aanmelding, *[(Aanmelding.status == "concept") & c for c in in_stale])
        doomed_ids = select(Aanmelding.id).where(aanmelding_filter)
        opvolging_filter = or_(
            Opvolging.aangemaakt < cutoff_talk, *[Opvolging.gesprek_id.in_(p) for p in conversations.chunks(stale)]
        )
        feedback_filter = or_(
            Feedback.aanmelding_id.in_(doomed_ids),
            (Feedback.aangemaakt < cutoff_talk) & Feedback.aanmelding_id.is_(None),
            *[Feedback.gesprek_id.in_(p) for p in conversations.chunks(stale)],
        )
        report = RetentionReport(
            dry_run=not uitvoeren,
            grens_gesprekken=cutoff_talk,
            grens_aanmeldingen=cutoff_aanmelding,
            gesprekken=len(stale),
            events=conversations.count_events(conn, stale),
            opvolgingen=_count(session, select(Opvolging.id).where(opvolging_filter)),
            feedback=_count(session, select(Feedback.id).where(feedback_filter)),
            concept_aanmeldingen=_count(
                session, select(Aanmelding.id).where(~old_aanmelding, aanmelding_filter)
            ),
            aanmeldingen=_count(session, select(Aanmelding.id).where(old_aanmelding)),
        )
        if uitvoeren:
            session.execute(delete(Feedback).where(feedback_filter).execution_options(synchronize_session=False))
            session.execute(delete(Opvolging).where(opvolging_filter).execution_options(synchronize_session=False))
            session.execute(delete(Aanmelding).where(aanmelding_filter).execution_options(synchronize_session=False))
            conversations.delete_events(conn, stale)
        audit.record(session, "opschonen", report.details())
    return report
