"""Fixtures for retention and erasure: a migrated database with Rasa's events table."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.store.db import session_scope

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)

# The columns of Rasa 3.6's SQLTrackerStore.SQLEvent (rasa/core/tracker_store.py).
_meta = MetaData()
EVENTS = Table(
    "events", _meta,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def add_conversation(engine, sender_id: str, days_ago: float, events: int = 3) -> None:
    """``events`` events, the newest ``days_ago`` days before NOW."""
    EVENTS.create(engine, checkfirst=True)
    newest = (NOW - timedelta(days=days_ago)).timestamp()
    with engine.begin() as conn:
        conn.execute(EVENTS.insert(), [
            {"sender_id": sender_id, "type_name": "user", "timestamp": newest - 60 * (events - 1 - i),
             "data": json.dumps({"event": "user", "text": "[NAAM] heeft hulp nodig"})}
            for i in range(events)
        ])


def add_aanmelding(engine, referentie: str, gesprek_id: str, days_ago: float, status: str = "nieuw") -> int:
    with session_scope(engine) as session:
        row = Aanmelding(referentie=referentie, gesprek_id=gesprek_id, status=status,
                         aangemaakt=NOW - timedelta(days=days_ago), naam="Echte Naam", telefoon="0612345678")
        session.add(row)
        session.flush()
        session.add(Feedback(gesprek_id=gesprek_id, aanmelding_id=row.id, score=3,
                             aangemaakt=NOW - timedelta(days=days_ago)))
        session.add(Opvolging(gesprek_id=gesprek_id, reden=["crisis"], aangemaakt=NOW - timedelta(days=days_ago)))
        return row.id


@pytest.fixture
def now():
    return NOW
