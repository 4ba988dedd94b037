"""Rasa finds an event class by its type name in a dict."""

from __future__ import annotations

from typing import Dict, Optional, Text, Type


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
    Event.resolve_by_type = staticmethod(resolve_by_type)
