"""Rasa's SQL tracker store, redacting every event before it is written.

Configured in endpoints.yml as
``tracker_store: {type: bot.rasa_adapters.tracker_store.RedactingSQLTrackerStore}``.
It connects to ``DATABASE_URL`` (SQLite under var/ by default), the same
database as the project's own tables, and keeps Rasa's ``events`` table.

Where the hook sits (Rasa 3.6, rasa/core/tracker_store.py): ``save`` writes
the events the database does not have yet; this class writes redacted copies
of them, and ``stream_events`` publishes redacted copies to an event broker.
The in-memory tracker of the ongoing turn is untouched, so actions in this
turn still see the real values (and an aanmelding can keep contact details in
its own columns); the next turn reads the redacted events.

Speed: each conversation's stored (already redacted) events of its current
session are kept, deserialised, in a bounded in-process cache, so a turn does
not re-read and re-parse them. Rasa treats events as immutable (it shares them
between tracker copies itself), so a cached event is shared the same way. The
cache is checked against the database's event count on every retrieve, so
rows deleted or added by another process (erasure, retention, a second
server) are never served from the cache.

After each save the redacted events just written are folded into the
conversation's row of the review index (``bot.review.index``, table
``gesprek_overzicht``); a failure there is logged and never fails the turn.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections import OrderedDict
from typing import Any, Dict, Generator, Iterable, Iterator, List, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs, ensure_schema_exists
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, Event, SessionStarted, SlotSet, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import bindparam, create_engine, func, insert, or_, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker

from bot.config import database_url
from bot.privacy.transcript import redacted_events
from bot.review.index import update_quietly
from bot.runtime import freeze_loaded_objects

log = logging.getLogger(__name__)


def connection_params(url: str) -> Dict[str, Any]:
    """SQLTrackerStore keyword arguments for an SQLAlchemy URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        from pathlib import Path

        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return {
        "dialect": parsed.drivername,
        "host": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
        "query": dict(parsed.query) or None,
    }


class _StoredEvent:
    """What SQLTrackerStore.save needs of an event: its type and its dict."""

    __slots__ = ("type_name", "_data")

    def __init__(self, type_name: str, data: Dict[str, Any]) -> None:
        self.type_name = type_name
        self._data = data

    def as_dict(self) -> Dict[str, Any]:
        return self._data


def _form_state(event: Event) -> Dict[str, Any]:
    """What redacted_events reads of an earlier event: which form question is open."""
    data: Dict[str, Any] = {"event": event.type_name}
    if isinstance(event, SlotSet):
        data.update(name=event.key, value=event.value)
    elif isinstance(event, ActiveLoop):
        data["name"] = event.name
    return data


def _session_queries(events):
    """(count, rows) of a conversation's latest session, bound by ``sender``.

    The same selection as Rasa's ``SQLTrackerStore._event_query`` (events from
    the latest ``session_started`` on, or all when there is none), built once
    in SQLAlchemy Core instead of an ORM query per call.
    """
    sender = bindparam("sender")
    session_start = (
        select(func.max(events.c.timestamp))
        .where(events.c.sender_id == sender, events.c.type_name == SessionStarted.type_name)
        .scalar_subquery()
    )
    latest = (events.c.sender_id == sender, or_(session_start.is_(None), events.c.timestamp >= session_start))
    count = select(func.count()).select_from(events).where(*latest)
    rows = select(events.c.data).where(*latest).order_by(events.c.id)
    return count, rows


def _row(sender_id: str, event: "_StoredEvent") -> Dict[str, Any]:
    """The columns of Rasa's events table for one (redacted) event."""
    data = event.as_dict()
    parse = data.get("parse_data")
    parse_data: Dict[str, Any] = parse if isinstance(parse, dict) else {}
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": (parse_data.get("intent") or {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


class _RowCache:
    """The stored events of each conversation's current session, LRU-bounded.

    They are valid only while their number equals the database's count for
    that conversation; anything else is a miss.
    """

    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._rows: "OrderedDict[str, List[Event]]" = OrderedDict()

    def get(self, sender_id: str, count: int) -> Optional[List[Event]]:
        rows = self._rows.get(sender_id)
        if rows is None or len(rows) != count:
            return None
        self._rows.move_to_end(sender_id)
        return rows

    def put(self, sender_id: str, rows: Iterable[Event]) -> None:
        if not self.size:
            return
        self._rows[sender_id] = list(rows)
        self._rows.move_to_end(sender_id)
        while len(self._rows) > self.size:
            self._rows.popitem(last=False)

    def extend(self, sender_id: str, stored: int, written: List[Event]) -> None:
        rows = self._rows.get(sender_id)
        if rows is not None and len(rows) == stored:
            rows.extend(written)
        else:
            self.forget(sender_id)

    def forget(self, sender_id: str) -> None:
        self._rows.pop(sender_id, None)


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore on DATABASE_URL that never stores a raw identifier."""

    engine: Engine  # set by SQLTrackerStore.__init__, then replaced below

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[Text] = None,
        cache_conversations: int = 300,
        **kwargs: Any,
    ) -> None:
        for ignored in ("dialect", "port", "db", "username", "password", "query", "login_db"):
            if kwargs.pop(ignored, None) is not None:
                log.warning("tracker_store: '%s' is ignored; the connection comes from DATABASE_URL", ignored)
        if host:
            log.warning("tracker_store: 'url' in endpoints.yml is ignored; the connection comes from DATABASE_URL")
        super().__init__(domain=domain, event_broker=event_broker, **connection_params(url or database_url()), **kwargs)
        from bot.store.db import engine_options, tune_sqlite

        # Rasa's engine has no pool for SQLite files, and puts statement
        # parameters (what people typed) into its error messages: both are
        # replaced by the project's engine options.
        engine_url = self.engine.url
        self.engine.dispose()
        if engine_url.get_backend_name() == "sqlite":
            self.engine = tune_sqlite(create_engine(engine_url, **engine_options(str(engine_url))))
        else:
            self.engine = create_engine(
                engine_url, **{**create_engine_kwargs(engine_url), **engine_options(str(engine_url))}
            )
        self.sessionmaker = sessionmaker(bind=self.engine)
        self._rows = _RowCache(int(cache_conversations))
        self._count_rows, self._select_rows = _session_queries(self.SQLEvent.__table__)

    @contextlib.contextmanager
    def session_scope(self) -> Generator[Any, None, None]:
        """Rasa's session scope, without its exit on any ValueError.

        Rasa 3.6 reads every ValueError inside a session (UnicodeEncodeError
        of an odd sender id, a driver's value error) as a missing PostgreSQL
        schema and exits the whole server (``print_error_and_exit``). Here
        the error stays an error: the turn fails, the channel answers with a
        friendly message, and the server keeps serving everyone else.
        """
        session = self.sessionmaker()
        try:
            ensure_schema_exists(session)
            yield session
        finally:
            session.close()

    def _redacted(self, tracker: DialogueStateTracker, offset: int) -> Iterator[_StoredEvent]:
        originals = list(tracker.events)
        serialised = (e.as_dict() if i >= offset else _form_state(e) for i, e in enumerate(originals))
        for index, data in redacted_events(serialised, offset):
            yield _StoredEvent(originals[index].type_name, data)

    def _stored_count(self, session, sender_id: Text) -> int:
        return session.execute(self._count_rows, {"sender": sender_id}).scalar_one()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the latest session, from the cache when it is current."""
        freeze_loaded_objects()  # the first conversation: the model is loaded by now (bot/runtime.py)
        with self.session_scope() as session:
            count = self._stored_count(session, sender_id)
            events = self._rows.get(sender_id, count)
            if events is None:
                rows = session.execute(self._select_rows, {"sender": sender_id}).scalars()
                events = deserialise_events([json.loads(row) for row in rows])
                self._rows.put(sender_id, events)
        if not (self.domain and events):
            return None
        return DialogueStateTracker.from_events(sender_id, events, self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the redacted copies of the events the database lacks."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = self._stored_count(session, tracker.sender_id)
            values = [_row(tracker.sender_id, event) for event in self._redacted(tracker, stored)]
            if values:
                session.execute(insert(self.SQLEvent.__table__), values)
            session.commit()
        stored_dicts = [json.loads(v["data"]) for v in values]
        written = deserialise_events(stored_dicts)
        if stored_dicts:  # the review list's row of this conversation (bot/review/index.py)
            update_quietly(self.engine, tracker.sender_id, stored_dicts)
        new_session = any(v["type_name"] == SessionStarted.type_name for v in values)
        if new_session:  # the stored session now starts at the new event
            self._rows.forget(tracker.sender_id)
        else:
            self._rows.extend(tracker.sender_id, stored, written)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        if self.event_broker is None:
            return None
        old_tracker = await self.retrieve(tracker.sender_id)
        offset = len(old_tracker.events) if old_tracker else 0
        for event in self._redacted(tracker, offset):
            body = {"sender_id": tracker.sender_id}
            body.update(event.as_dict())
            self.event_broker.publish(body)

