"""Rasa's SQL tracker store, redacting every event before it is written.

Configured in endpoints.yml as
``tracker_store: {type: bot.store.tracker_store.RedactingSQLTrackerStore}``.
It connects to ``DATABASE_URL`` (SQLite under var/ by default), the same
database as the project's own tables, and keeps Rasa's ``events`` table.

Where the hook sits (Rasa 3.6, rasa/core/tracker_store.py): ``SQLTrackerStore.save``
loops over ``self._additional_events(session, tracker)`` and writes
``json.dumps(event.as_dict())``. This class overrides ``_additional_events`` to
hand back redacted copies, and ``stream_events`` to publish redacted copies
to an event broker. The in-memory tracker of the ongoing turn is untouched,
so actions in this turn still see the real values (and an aanmelding can keep
contact details in its own columns); the next turn reads the redacted events.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Iterator, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.config import database_url
from bot.privacy.transcript import redacted_events

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


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore on DATABASE_URL that never stores a raw identifier."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[Text] = None,
        **kwargs: Any,
    ) -> None:
        for ignored in ("dialect", "port", "db", "username", "password", "query", "login_db"):
            if kwargs.pop(ignored, None) is not None:
                log.warning("tracker_store: '%s' is ignored; the connection comes from DATABASE_URL", ignored)
        if host:
            log.warning("tracker_store: 'url' in endpoints.yml is ignored; the connection comes from DATABASE_URL")
        super().__init__(domain=domain, event_broker=event_broker, **connection_params(url or database_url()), **kwargs)

    def _redacted(self, tracker: DialogueStateTracker, offset: int) -> Iterator[_StoredEvent]:
        originals = list(tracker.events)
        for index, data in redacted_events((e.as_dict() for e in originals), offset):
            yield _StoredEvent(originals[index].type_name, data)

    def _additional_events(self, session, tracker: DialogueStateTracker) -> Iterator[_StoredEvent]:
        stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return self._redacted(tracker, stored)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        if self.event_broker is None:
            return None
        old_tracker = await self.retrieve(tracker.sender_id)
        offset = len(old_tracker.events) if old_tracker else 0
        for event in self._redacted(tracker, offset):
            body = {"sender_id": tracker.sender_id}
            body.update(event.as_dict())
            self.event_broker.publish(body)


def _cache_action_response_validator() -> None:
    """Validate action-server responses with a validator built once.

    Rasa 3.6 checks every custom action's response with ``jsonschema.validate``,
    which re-checks its large, constant schema on every call: about 110 ms per
    action call here, some 70% of a conversation turn (cProfile of
    ``python -m bot.bench.conversation``). Same schema, same ValidationError
    message; only the repeated schema check is skipped. This module is loaded by
    the Rasa server (endpoints.yml), so the patch is active wherever it runs.
    """
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import DOCS_BASE_URL, RemoteAction

    if getattr(RemoteAction._validate_action_result, "_cached_validator", False):
        return
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    def _validate_action_result(self, result: Dict[Text, Any]) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as e:
            e.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise e

    _validate_action_result._cached_validator = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = _validate_action_result


_cache_action_response_validator()
