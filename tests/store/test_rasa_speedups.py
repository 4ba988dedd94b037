"""bot/store/rasa_speedups.py changes how fast Rasa finds things, never what it finds."""

import pytest
from rasa.shared.core import events as rasa_events
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot.store import rasa_speedups


@pytest.fixture(autouse=True)
def _applied():
    rasa_speedups.apply()


def test_every_event_type_resolves_to_the_class_rasa_would_find():
    """Rasa takes the first subclass with the name (rasa.core.test adds a second 'user')."""
    import rasa.core.test  # noqa: F401  (defines EndToEndUserUtterance, type name 'user')

    subclasses = all_subclasses(Event)
    for name in {cls.type_name for cls in subclasses}:
        first = next(cls for cls in subclasses if cls.type_name == name)
        assert Event.resolve_by_type(name) is first
    assert Event.resolve_by_type("user") is UserUttered


def test_fallbacks_are_rasas_own():
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")


def test_events_deserialise_as_before():
    loaded = rasa_events.deserialise_events([
        {"event": "slot", "name": "x", "value": 1},
        {"event": "user", "text": "hallo", "parse_data": {"intent": {"name": "groet", "confidence": 1.0}}},
    ])
    assert isinstance(loaded[0], SlotSet) and loaded[0].value == 1
    assert isinstance(loaded[1], UserUttered) and loaded[1].text == "hallo"


def test_an_event_class_defined_later_is_found():
    class LateEvent(SlotSet):
        type_name = "late_event_for_test"

    assert Event.resolve_by_type("late_event_for_test") is LateEvent


def test_applying_twice_keeps_one_patch():
    first = Event.resolve_by_type
    rasa_speedups.apply()
    assert Event.resolve_by_type is first
