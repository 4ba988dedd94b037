"""Rasa's ``events`` table, seen without importing Rasa.

The redacting tracker store writes one row per event (sender_id = the
conversation id, timestamp = float epoch seconds). Retention and erasure only
need to find and delete rows, so a lightweight table clause is enough; every
function copes with the table not existing yet (no conversation so far).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Sequence

from sqlalchemy import column, delete, func, inspect, select, table
from sqlalchemy.engine import Connection

EVENTS = table("events", column("sender_id"), column("timestamp"))
_CHUNK = 500


def has_events_table(conn: Connection) -> bool:
    return inspect(conn).has_table("events")


def stale_conversations(conn: Connection, cutoff: datetime) -> List[str]:
    """Conversations whose newest event is older than ``cutoff``."""
    if not has_events_table(conn):
        return []
    newest = func.max(EVENTS.c.timestamp)
    query = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(newest < cutoff.timestamp())
    return sorted(row[0] for row in conn.execute(query))


def chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def count_events(conn: Connection, ids: Sequence[str]) -> int:
    if not ids or not has_events_table(conn):
        return 0
    return sum(
        conn.execute(select(func.count()).select_from(EVENTS).where(EVENTS.c.sender_id.in_(part))).scalar_one()
        for part in chunks(ids)
    )


# Tables derived from a conversation, keyed by its id (the review's index and marks, bot/review):
# deleted together with the conversation's events.
DERIVED = ("gesprek_thema", "gesprek_signaal", "gesprek_overzicht", "review_correctie", "review_tag")


def delete_derived(conn: Connection, ids: Sequence[str]) -> None:
    present = set(inspect(conn).get_table_names())
    for name in DERIVED:
        if name in present:
            derived = table(name, column("gesprek_id"))
            for part in chunks(ids):
                conn.execute(delete(derived).where(derived.c.gesprek_id.in_(part)))


def delete_events(conn: Connection, ids: Sequence[str]) -> int:
    """Delete the events of these conversations and every row derived from them; returns the events deleted."""
    if not ids:
        return 0
    delete_derived(conn, ids)
    if not has_events_table(conn):
        return 0
    return sum(conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(part))).rowcount for part in chunks(ids))
