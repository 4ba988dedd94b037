"""Two small speed fixes for Rasa 3.6 internals, applied once per process.

Both were found with a profile of ``python -m bot.bench.conversation``
(py-spy on the Rasa server, 20 conversations at once). Neither changes what
Rasa computes; they only stop it from redoing constant work on every call.
This module is imported by the tracker store (bot/store/tracker_store.py),
which the Rasa server loads from endpoints.yml, so the fixes are active
wherever that server runs.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text, Type


def cache_action_response_validator() -> None:
    """Validate action-server responses with a validator built once.

    Rasa checks every custom action's response with ``jsonschema.validate``,
    which re-checks its large, constant schema on every call (about 110 ms per
    action call here). Same schema, same ValidationError message.
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


def cache_event_type_lookup() -> None:
    """Find an event class by its type name in a dict instead of a class walk.

    ``Event.resolve_by_type`` walks every subclass of Event (recursively, with
    ``inspect.isabstract``) for each event it deserialises: about 0.13 ms per
    event, some 60% of loading a tracker. The dict is rebuilt when a name is
    missing, so event classes defined later are still found; the fallbacks
    (``topic``, ``default``, ValueError) are Rasa's own.
    """
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    if getattr(Event.resolve_by_type, "_cached_lookup", False):
        return
    original = Event.resolve_by_type
    by_name: Dict[Text, Type[Event]] = {}

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        found = by_name.get(type_name)
        if found is None:
            by_name.clear()
            for cls in all_subclasses(Event):
                by_name.setdefault(cls.type_name, cls)  # first match wins, as in Rasa
            found = by_name.get(type_name)
        return found if found is not None else original(type_name, default)

    resolve_by_type._cached_lookup = True  # type: ignore[attr-defined]
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[assignment]


def apply() -> None:
    cache_action_response_validator()
    cache_event_type_lookup()
