"""bot/rasa_speedups/ changes how fast Rasa finds things, never what it finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core import events as rasa_events
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_speedups


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


# ------------------------------------------------ action response validation
_EVENT_TYPES = ["user", "bot", "slot", "action", "active_loop", "followup", "session_started", "restart",
                "reset_slots", "entities", "no_such_event"]
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                     max_leaves=6)
_FIELDS = st.sampled_from(["name", "value", "text", "timestamp", "metadata", "parse_data", "data", "policy",
                           "confidence", "entities", "action_text", "input_channel", "message_id"])
_EVENTS = st.builds(lambda kind, fields: {**fields, **({"event": kind} if kind else {})},
                    st.one_of(st.none(), st.sampled_from(_EVENT_TYPES)),
                    st.dictionaries(_FIELDS, _JSON | st.text(max_size=5), max_size=4))


def _rasas_verdict(result) -> bool:
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


def _our_verdict(result) -> bool:
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    try:
        return RemoteAction.__new__(RemoteAction)._validate_action_result(result)
    except ValidationError:
        return False


@settings(max_examples=400, deadline=None)
@given(st.lists(_EVENTS, max_size=3), st.lists(st.dictionaries(st.sampled_from(["text", "custom", "buttons"]), _JSON,
                                                               max_size=2), max_size=2))
def test_the_compiled_validator_gives_rasas_verdict(events, responses):
    result = {"events": events, "responses": responses}
    assert _our_verdict(result) == _rasas_verdict(result)


@pytest.mark.parametrize("result", [
    {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": None}], "responses": [{"text": "hoi"}]},
    {"events": [{"event": "user", "text": "hoi", "parse_data": {"intent": {"name": "groet", "confidence": 1.0}}}]},
    {"events": [{"event": "bot", "text": "hoi", "data": {"custom": {"triage_kaart": {}}}}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "followup", "name": "action_x"}]},
    {"events": [{"event": "slot"}]},                      # no name
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "user", "text": 3}]},
    {"events": [{"text": "no type"}]},
    {"events": "not a list"},
    {"responses": "not a list"},
    "not a dict",
])
def test_known_responses_get_rasas_verdict(result):
    assert _our_verdict(result) == _rasas_verdict(result)


# ------------------------------------------------------- slim action calls
def _conversation():
    from rasa.shared.core.events import ActionExecuted, BotUttered

    return [
        ActionExecuted("action_listen"),
        UserUttered("eerste bericht", {"name": "groet", "confidence": 1.0}),
        ActionExecuted("action_welkom"), BotUttered("Hallo", {"custom": {"triage_kaart": {"groot": "x" * 500}}}),
        SlotSet("triage", {"themas": ["geldzaken"]}),
        ActionExecuted("action_listen"),
        UserUttered("tweede bericht", {"name": "hulpvraag_geldzaken", "confidence": 0.9}),
        ActionExecuted("verheldering_form"), SlotSet("vraag_sinds", "een jaar"),
    ]


def test_an_action_call_carries_the_current_turn_and_earlier_user_texts():
    events = rasa_speedups.turn_events(_conversation())
    assert events[0] == {"event": "user", "timestamp": events[0]["timestamp"], "text": "eerste bericht"}
    assert [e["event"] for e in events[1:]] == ["user", "action", "slot"]
    assert events[1]["parse_data"]["intent"]["name"] == "hulpvraag_geldzaken"
    assert events[-1] == {**events[-1], "name": "vraag_sinds", "value": "een jaar"}
    assert not any(e["event"] == "bot" for e in events)


def test_without_a_user_message_every_event_is_sent():
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    events = [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("rol", "kcc")]
    assert [e["event"] for e in rasa_speedups.turn_events(events)] == ["action", "session_started", "slot"]


def test_the_slim_call_has_rasas_tracker_state_and_slots():
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
    from rasa.utils.endpoints import EndpointConfig

    from bot import paths

    domain = Domain.load(str(paths.ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events("t1", _conversation(), domain.slots)
    action = RemoteAction("validate_verheldering_form", EndpointConfig("http://x", enable_selective_domain=True))
    call = action._action_call_format(tracker, domain)
    full = tracker.current_state(EventVerbosity.ALL)
    assert {k: v for k, v in call["tracker"].items() if k != "events"} == {k: v for k, v in full.items()
                                                                           if k != "events"}
    assert call["tracker"]["slots"]["vraag_sinds"] == "een jaar"
    assert call["tracker"]["latest_message"]["text"] == "tweede bericht"
    assert "domain" not in call and call["next_action"] == "validate_verheldering_form"


# ----------------------------------------------------------- HTTP sessions
def test_one_session_per_endpoint_and_loop_left_open_by_async_with():
    import asyncio

    from rasa.utils.endpoints import EndpointConfig

    endpoint, other = EndpointConfig("http://127.0.0.1:1"), EndpointConfig("http://127.0.0.1:2")

    async def use():
        async with endpoint.session() as first:
            pass
        async with endpoint.session() as second:
            pass
        async with other.session() as third:
            pass
        assert first is second and not first.closed and third is not first
        await first.close()
        async with endpoint.session() as fresh:
            assert fresh is not first and not fresh.closed
        await fresh.close()
        await third.close()
        return first

    first_loop = asyncio.run(use())
    second_loop = asyncio.run(use())
    assert first_loop is not second_loop


@pytest.mark.parametrize("entry", ["apply", "apply_to_nlu"])
def test_the_fixes_are_applied_only_on_their_rasa_version_and_can_be_switched_off(monkeypatch, entry):
    """apply (the Rasa server) and apply_to_nlu (the command line's theme ranker) obey the same switches."""
    import rasa
    from rasa.engine.runner.dask import DaskGraphRunner

    from bot import rasa_speedups

    switch_on = getattr(rasa_speedups, entry)
    monkeypatch.setenv("RASA_SPEEDUPS", "0")
    assert switch_on() is False
    monkeypatch.setenv("RASA_SPEEDUPS", "1")
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    assert switch_on() is False
    monkeypatch.setattr(rasa, "__version__", rasa_speedups.RASA_VERSION)
    assert switch_on() is True
    assert getattr(DaskGraphRunner.run, "_in_order", False)


# ------------------------------------------------ the empty-domain check
def _rasas_is_empty(domain) -> bool:
    from rasa.shared.core.domain import Domain

    return domain.as_dict() == Domain.empty().as_dict()  # Rasa 3.6's own Domain.is_empty


def test_the_empty_domain_check_gives_rasas_verdict():
    from rasa.shared.core.domain import Domain

    from bot import paths

    assert getattr(Domain.is_empty, "_cached_empty", False)
    project = Domain.load(str(paths.ROOT / "domain.yml"))
    small = Domain.from_dict({"intents": ["groet"], "responses": {"utter_hallo": [{"text": "Hallo"}]}})
    for domain in (Domain.empty(), Domain.from_dict({}), project, small):
        assert domain.is_empty() is _rasas_is_empty(domain)
    assert Domain.empty().is_empty() and not project.is_empty() and not small.is_empty()


def test_the_empty_domain_is_built_once_not_on_every_check(monkeypatch):
    from rasa.shared.core.domain import Domain

    project = Domain.from_dict({"intents": ["groet"]})
    project.is_empty()  # the empty domain exists from here on
    built = []
    original = Domain.empty.__func__

    monkeypatch.setattr(Domain, "empty", classmethod(lambda cls: built.append(1) or original(cls)))
    for _ in range(5):
        assert project.is_empty() is False
    assert built == []
