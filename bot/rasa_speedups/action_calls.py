"""Calls to the action server: a slimmer request, one kept session, a compiled response check."""

from __future__ import annotations

from typing import Any, Dict, List, Sequence, Text


def cache_action_response_validator() -> None:
    """Validate action-server responses with compiled validators, per event type.

    Rasa checks every custom action's response with ``jsonschema.validate``
    against a large, constant schema: it re-checks the schema on every call,
    and it tries each event against all 23 ``oneOf`` branches (about 0.5 ms
    per event). Here the same schema is compiled once with fastjsonschema, and
    each event is checked against the one branch its ``event`` field names.
    The branches are told apart by that field alone (each pins ``event`` to
    its own constant, checked below), so an event is valid under exactly one
    branch if and only if it is valid under the branch of its type: the
    verdict is the same. Anything that fails is validated again by Rasa's
    jsonschema validator, so errors are Rasa's own ValidationError.
    """
    import copy

    import fastjsonschema
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import DOCS_BASE_URL, RemoteAction

    if getattr(RemoteAction._validate_action_result, "_cached_validator", False):
        return
    schema = RemoteAction.action_response_format_spec()
    items = schema["properties"]["events"]["items"]
    branches = {branch["properties"]["event"]["const"]: branch for branch in items["oneOf"]}
    if len(branches) != len(items["oneOf"]) or any(set(b) - {"properties", "required"} for b in items["oneOf"]):
        raise RuntimeError("Rasa's action response schema changed: review bot/rasa_speedups/")
    common = {key: value for key, value in items.items() if key != "oneOf"}
    outer = copy.deepcopy(schema)
    outer["properties"]["events"]["items"] = common
    check_outer = fastjsonschema.compile(outer)
    check_event = {name: fastjsonschema.compile({"allOf": [common, branch]}) for name, branch in branches.items()}
    cls = validator_for(schema)
    cls.check_schema(schema)
    rasas_validator = cls(schema)

    def valid(result: Any) -> bool:
        try:
            check_outer(result)
            for event in result.get("events") or []:
                check = check_event.get(event["event"])
                if check is None:
                    return False
                check(event)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    def validate(result: Dict[Text, Any]) -> None:
        if not valid(result):  # Rasa's own validator names the error
            rasas_validator.validate(result)

    def _validate_action_result(self, result: Dict[Text, Any]) -> bool:
        try:
            validate(result)
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


def turn_events(events: Sequence[Any]) -> List[Dict[Text, Any]]:
    """The events an action call carries: the current turn in full, before it only user texts.

    The current turn starts at the latest user message. Of earlier turns only
    the user messages are kept, as ``{"event": "user", "timestamp", "text"}``:
    enough for "the same message again" (actions.common.previous_user_text).
    Slots, the latest message and the active loop travel in the tracker state
    itself, and rasa_sdk reads the slots to validate from the turn's tail.
    """
    from rasa.shared.core.events import UserUttered

    events = list(events)
    last_user = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None)
    if last_user is None:
        return [event.as_dict() for event in events]
    earlier = [{"event": UserUttered.type_name, "timestamp": e.timestamp, "text": e.text}
               for e in events[:last_user] if isinstance(e, UserUttered)]
    return earlier + [event.as_dict() for event in events[last_user:]]


def slim_action_calls() -> None:
    """Send the action server the current turn, not the whole conversation.

    Rasa serialises every event of the conversation into each action call
    (``EventVerbosity.ALL``): some 80 kB by the end of an intake with the KCC
    card, JSON-encoded in the Rasa server and decoded in the action server,
    two or three times a turn. Otherwise this is Rasa's own
    ``RemoteAction._action_call_format`` (selective domain included).
    """
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    if getattr(RemoteAction._action_call_format, "_slim", False):
        return

    def _action_call_format(self, tracker, domain) -> Dict[Text, Any]:
        state = tracker.current_state(EventVerbosity.NONE)
        state["events"] = turn_events(tracker.events)
        result = {"next_action": self._name, "sender_id": tracker.sender_id, "tracker": state,
                  "version": rasa.__version__}
        if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
            result["domain"] = domain.as_dict()
        return result

    _action_call_format._slim = True  # type: ignore[attr-defined]
    RemoteAction._action_call_format = _action_call_format


class _KeptSession:
    """``async with`` yields the kept session and leaves it open."""

    __slots__ = ("session",)

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def keep_http_sessions() -> None:
    """Reuse one aiohttp session (and its kept-alive connections) per endpoint and event loop.

    Rasa's ``EndpointConfig.request`` opens a new ClientSession, and so a new
    TCP connection to the action server, for every action call, and closes it
    afterwards. Here ``EndpointConfig.session`` hands out one session per
    endpoint and running event loop, made by Rasa's own ``session()`` (same
    headers, auth and timeout); a closed session is replaced.
    """
    import asyncio

    from rasa.utils.endpoints import EndpointConfig

    if getattr(EndpointConfig.session, "_kept", False):
        return
    make_session = EndpointConfig.session

    def session(self) -> _KeptSession:
        loop = asyncio.get_running_loop()
        kept = self.__dict__.setdefault("_kept_sessions", {})
        current = kept.get(loop)
        if current is None or current.closed:
            current = kept[loop] = make_session(self)
        return _KeptSession(current)

    session._kept = True  # type: ignore[attr-defined]
    EndpointConfig.session = session
