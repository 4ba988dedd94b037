"""Every save of the redacting tracker store folds the redacted events into the review index."""

from __future__ import annotations

import asyncio

from rasa.shared.core.events import UserUttered
from sqlalchemy import create_engine, select

from bot.rasa_adapters.tracker_store import RedactingSQLTrackerStore
from bot.review.models import GesprekOverzicht
from bot.store import db

from .test_tracker_store import DOMAIN, IDENTIFIERS, _conversation, _parse


def _index(url):
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(GesprekOverzicht.__table__))]
    engine.dispose()
    return rows


def test_save_updates_the_index_row(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    db.upgrade(db.make_engine(db_url))
    store = RedactingSQLTrackerStore(domain=DOMAIN)
    asyncio.run(store.save(_conversation("gesprek-i")))
    (row,) = _index(db_url)
    assert (row["gesprek_id"], row["berichten"], row["rol"]) == ("gesprek-i", 3, "inwoner")
    assert row["review_status"] == "open"
    tracker = asyncio.run(store.retrieve("gesprek-i"))
    tracker.update(UserUttered(f"Mijn nummer is {IDENTIFIERS['phone']}", parse_data=_parse("x")))
    asyncio.run(store.save(tracker))
    (row,) = _index(db_url)
    assert row["berichten"] == 4 and row["events"] == len(_conversation("x").events) + 1  # every stored event
    blob = str(row)
    assert not any(value in blob for value in IDENTIFIERS.values())


def test_save_without_the_review_tables_still_works(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN)  # no migrations: only Rasa's events table
    asyncio.run(store.save(_conversation("gesprek-j")))
    assert asyncio.run(store.retrieve("gesprek-j")) is not None
