"""The tracker store never receives raw identifiers (issue 6, item 3).

A conversation full of identifiers is saved through RedactingSQLTrackerStore
on SQLite and PostgreSQL; the raw ``events`` table is then read with
SQLAlchemy and must hold none of them.
"""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import column, create_engine, select, table

from bot.rasa_adapters.tracker_store import RedactingSQLTrackerStore, connection_params

IDENTIFIERS = {
    "bsn": "123456782",
    "bsn_dots": "1234.56.782",
    "iban": "NL91 ABNA 0417 1643 00",
    "iban_compact": "NL91ABNA0417164300",
    "phone": "06-12345678",
    "phone_compact": "0612345678",
    "email": "fatima.amrani@example.nl",
    "street": "Kerkstraat 12",
    "postcode": "8011 AB",
    "name": "Fatima",
    "surname": "Amrani",
    "son": "Daan",
    "form_name": "Jansen",
}

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [inform, greet]
entities: [telefoon, naam]
slots:
  telefoon:
    type: text
    mappings: [{type: custom}]
  naam:
    type: text
    mappings: [{type: custom}]
  requested_slot:
    type: any
    mappings: [{type: custom}]
"""
)


def _parse(text, entities=()):
    return {
        "text": text,
        "intent": {"name": "inform", "confidence": 0.9},
        "entities": list(entities),
        "intent_ranking": [{"name": "inform", "confidence": 0.9}],
    }


def _conversation(sender_id: str) -> DialogueStateTracker:
    first = (
        f"Ik ben Fatima el Amrani, mijn BSN is {IDENTIFIERS['bsn']} en mijn zoon Daan heeft hulp nodig. "
        f"Bel {IDENTIFIERS['phone']} of mail {IDENTIFIERS['email']}."
    )
    second = (
        f"Ik woon op de {IDENTIFIERS['street']}, {IDENTIFIERS['postcode']} Zwolle. "
        f"Rekening {IDENTIFIERS['iban']}, ook wel {IDENTIFIERS['iban_compact']}; bsn {IDENTIFIERS['bsn_dots']}."
    )
    entities = [
        {"entity": "telefoon", "value": IDENTIFIERS["phone_compact"], "start": 0, "end": 10},
        {"entity": "naam", "value": "Fatima el Amrani", "start": 0, "end": 6},
    ]
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered(first, intent={"name": "inform", "confidence": 0.9}, parse_data=_parse(first, entities)),
        SlotSet("telefoon", IDENTIFIERS["phone_compact"]),
        BotUttered(f"Dank u, Fatima. Ik noteer {IDENTIFIERS['phone']}."),
        ActionExecuted("action_listen"),
        UserUttered(second, intent={"name": "inform", "confidence": 0.9}, parse_data=_parse(second)),
        SlotSet("requested_slot", "naam"),
        BotUttered("Wat is uw achternaam?"),
        ActionExecuted("action_listen"),
        UserUttered("Jansen", intent={"name": "inform", "confidence": 0.9}, parse_data=_parse("Jansen")),
        SlotSet("naam", "Jansen"),
        SlotSet("requested_slot", None),
    ]
    return DialogueStateTracker.from_events(sender_id, events, DOMAIN.slots)


def _raw_events(url: str):
    engine = create_engine(url)
    events = table("events", column("sender_id"), column("data"), column("type_name"))
    with engine.connect() as conn:
        rows = conn.execute(select(events.c.sender_id, events.c.type_name, events.c.data)).all()
    engine.dispose()
    return rows


def _assert_clean(rows):
    blob = "\n".join(row.data for row in rows)
    for kind, value in IDENTIFIERS.items():
        assert value not in blob, f"{kind} '{value}' leaked into the events table"
    assert "fatima" not in blob.lower()


def test_events_table_holds_no_identifier(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN)
    tracker = _conversation("gesprek-1")
    asyncio.run(store.save(tracker))

    rows = _raw_events(db_url)
    assert len(rows) == len(tracker.events)
    _assert_clean(rows)
    blob = "\n".join(row.data for row in rows)
    for expected in ("[BSN]", "[TELEFOON]", "[EMAIL]", "[IBAN]", "[ADRES]", "[POSTCODE]", "[NAAM]", "Zwolle"):
        assert expected in blob


def test_in_memory_tracker_keeps_real_values_for_the_ongoing_turn(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN)
    tracker = _conversation("gesprek-2")
    asyncio.run(store.save(tracker))
    assert tracker.get_slot("telefoon") == IDENTIFIERS["phone_compact"]
    assert IDENTIFIERS["bsn"] in tracker.events[3].text
    assert tracker.events[3].parse_data["entities"][0]["value"] == IDENTIFIERS["phone_compact"]


def test_second_save_adds_only_new_events_redacted(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN)
    tracker = _conversation("gesprek-3")
    asyncio.run(store.save(tracker))
    retrieved = asyncio.run(store.retrieve("gesprek-3"))
    assert retrieved.get_slot("telefoon") == "[TELEFOON]"
    retrieved.update(UserUttered(f"Mijn nieuwe nummer is {IDENTIFIERS['phone']}", parse_data=_parse("x")))
    asyncio.run(store.save(retrieved))
    rows = [r for r in _raw_events(db_url) if r.sender_id == "gesprek-3"]
    assert len(rows) == len(tracker.events) + 1
    _assert_clean(rows)


def test_connection_params_follow_the_url():
    params = connection_params("postgresql://user:geheim@db.example:5433/wijkteam?sslmode=require")
    assert params["dialect"] == "postgresql"
    assert (params["host"], params["port"], params["db"]) == ("db.example", 5433, "wijkteam")
    assert (params["username"], params["password"]) == ("user", "geheim")
    assert params["query"] == {"sslmode": "require"}


def _saved(db_url, monkeypatch, sender_id, **store_kwargs):
    """A store on ``db_url`` holding the example conversation of ``sender_id``."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN, **store_kwargs)
    asyncio.run(store.save(_conversation(sender_id)))
    return store


def _state(tracker):
    return [e.as_dict() for e in tracker.events], tracker.current_slot_values()


def _assert_as_read_from_the_table(tracker):
    """``tracker`` (from the cache) equals what a new store, with no cache yet, reads."""
    fresh = asyncio.run(RedactingSQLTrackerStore(domain=DOMAIN).retrieve(tracker.sender_id))
    assert _state(tracker) == _state(fresh)


def test_cached_retrieve_equals_a_fresh_read_from_the_database(db_url, monkeypatch):
    """The in-process event cache serves exactly what a new store reads from the table."""
    store = _saved(db_url, monkeypatch, "gesprek-cache")
    first = asyncio.run(store.retrieve("gesprek-cache"))  # fills the cache from the table
    first.update(UserUttered(f"Bel {IDENTIFIERS['phone']}", parse_data=_parse("x")))
    first.update(SlotSet("naam", "Fatima"))
    asyncio.run(store.save(first))  # extends the cache with the redacted new events

    cached = asyncio.run(store.retrieve("gesprek-cache"))
    _assert_as_read_from_the_table(cached)
    assert cached.get_slot("naam") == "[NAAM]"
    assert IDENTIFIERS["phone"] not in str(_state(cached))


def test_rows_deleted_by_another_process_are_not_served_from_the_cache(db_url, monkeypatch):
    """Erasure or retention (another process) empties the table: the cache must notice."""
    store = _saved(db_url, monkeypatch, "gesprek-wis")
    assert asyncio.run(store.retrieve("gesprek-wis")) is not None

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(table("events", column("sender_id")).delete().where(column("sender_id") == "gesprek-wis"))
    engine.dispose()
    assert asyncio.run(store.retrieve("gesprek-wis")) is None


def test_a_new_session_starts_from_its_own_events(db_url, monkeypatch):
    store = _saved(db_url, monkeypatch, "gesprek-sessie")
    tracker = asyncio.run(store.retrieve("gesprek-sessie"))
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))

    again = asyncio.run(store.retrieve("gesprek-sessie"))
    _assert_as_read_from_the_table(again)
    assert [e.type_name for e in again.events][:2] == ["session_started", "action"]


def test_the_cache_is_bounded(db_url, monkeypatch):
    store = _saved(db_url, monkeypatch, "gesprek-lru-0", cache_conversations=2)
    asyncio.run(store.retrieve("gesprek-lru-0"))
    for i in range(1, 4):
        asyncio.run(store.save(_conversation(f"gesprek-lru-{i}")))
        asyncio.run(store.retrieve(f"gesprek-lru-{i}"))
    assert len(store._rows._rows) == 2
    assert asyncio.run(store.retrieve("gesprek-lru-0")).sender_id == "gesprek-lru-0"  # read again from the table


def test_a_storage_error_is_an_error_not_an_exit(db_url, monkeypatch):
    """Rasa 3.6 turned any ValueError inside a session into sys.exit (hardening, finding 1)."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    store = RedactingSQLTrackerStore(domain=DOMAIN)
    tracker = DialogueStateTracker.from_events("x\udfff", [SessionStarted(), UserUttered("hallo", _parse("hallo"))],
                                               DOMAIN.slots)
    with pytest.raises(Exception) as raised:
        asyncio.run(store.save(tracker))
    assert not isinstance(raised.value, SystemExit)
    ok = DialogueStateTracker.from_events("gewoon", [SessionStarted(), UserUttered("hallo", _parse("hallo"))],
                                          DOMAIN.slots)
    asyncio.run(store.save(ok))  # the store still works afterwards
    assert asyncio.run(store.retrieve("gewoon")) is not None
