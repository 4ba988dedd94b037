"""Redaction of serialised Rasa events (plain dicts, no Rasa import).

Used by the redacting tracker store (bot/rasa_adapters/tracker_store.py) before any
event is written or streamed. Besides the free-text redaction of
``bot.privacy.redact`` it replaces, as a whole:

- the value of a slot or entity named in data/privacy/gevoelige_velden.yml
  (``naam``, ``telefoon``, ``email`` ...), since a bare name such as "Jan"
  has no context to recognise it by;
- a user message that answers a form question for such a slot (the
  ``requested_slot`` at that moment), e.g. "Jan de Vries" after "Wat is uw naam?".
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, Optional, Tuple

from bot.privacy.placeholders import placeholder
from bot.privacy.redact import redact, redact_value
from bot.privacy.wordlists import lists

# Keys whose values are names of intents, actions, slots or policies, numbers
# or ids: structure, never free text typed by a person.
STRUCTURAL_KEYS = frozenset({
    "event", "timestamp", "name", "policy", "confidence", "input_channel", "message_id",
    "intent_name", "action_name", "entity", "role", "group", "extractor", "start", "end",
    "processors", "confidence_entity", "confidence_role", "confidence_group", "id",
    "model_id", "assistant_id", "hide_rule_turn", "type_name", "intent_ranking",
    "response_selector", "predicted_action", "retrieval_intent", "utter_action",
    "response_templates", "template_name", "use_text_for_featurization",
})

REQUESTED_SLOT = "requested_slot"
_RESETS = frozenset({"restart", "session_started"})


def _field_label(name: Any) -> Optional[str]:
    if not isinstance(name, str):
        return None
    return lists().sensitive_fields.get(name.lower())


def _redact_mapping(data: Dict[str, Any]) -> Dict[str, Any]:
    return {k: (v if k in STRUCTURAL_KEYS else redact_value(v)) for k, v in data.items()}


def _redact_entities(entities: Any) -> Any:
    if not isinstance(entities, list):
        return redact_value(entities)
    out = []
    for entity in entities:
        if not isinstance(entity, dict):
            out.append(redact_value(entity))
            continue
        cleaned = _redact_mapping(entity)
        label = _field_label(entity.get("entity"))
        if label:
            for key in ("value", "text"):
                if cleaned.get(key) not in (None, ""):
                    cleaned[key] = placeholder(label)
        out.append(cleaned)
    return out


def _redact_sensitive_keys(value: Any) -> Any:
    """Replace, at any depth, a value stored under a sensitive key as a whole
    (e.g. the template variables {"naam": ...} in a bot event's metadata)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            label = _field_label(key)
            if label and isinstance(item, str) and item and key not in STRUCTURAL_KEYS:
                out[key] = placeholder(label)
            else:
                out[key] = _redact_sensitive_keys(item)
        return out
    if isinstance(value, list):
        return [_redact_sensitive_keys(item) for item in value]
    return value


def redact_event(event: Dict[str, Any], requested_slot: Optional[str] = None) -> Dict[str, Any]:
    """A redacted copy of one serialised event; the input is never modified.

    ``requested_slot`` is the form question the user was answering, if any.
    """
    cleaned = _redact_mapping(event)
    kind = event.get("event")
    if "parse_data" in event and isinstance(event["parse_data"], dict):
        cleaned["parse_data"] = _redact_mapping(event["parse_data"])
        cleaned["parse_data"]["entities"] = _redact_entities(event["parse_data"].get("entities", []))
    if "entities" in event:
        cleaned["entities"] = _redact_entities(event["entities"])
    if kind == "slot":
        label = _field_label(event.get("name"))
        if label and event.get("value") not in (None, "", [], {}):
            cleaned["value"] = placeholder(label)
    if kind == "user":
        label = _field_label(requested_slot)
        if label and event.get("text"):
            cleaned["text"] = placeholder(label)
            if isinstance(cleaned.get("parse_data"), dict) and cleaned["parse_data"].get("text"):
                cleaned["parse_data"]["text"] = placeholder(label)
    if kind != "slot":  # slot names are handled above; their "name" key is structural
        cleaned = _redact_sensitive_keys(cleaned)
    return cleaned


def redacted_events(events: Iterable[Dict[str, Any]], offset: int = 0) -> Iterator[Tuple[int, Dict[str, Any]]]:
    """(index, redacted event) for each event from ``offset`` on.

    All events are walked so the form question open at ``offset`` is known.
    """
    requested: Optional[str] = None
    for index, event in enumerate(events):
        if index >= offset:
            yield index, redact_event(event, requested)
        kind = event.get("event")
        if kind == "slot" and event.get("name") == REQUESTED_SLOT:
            requested = event.get("value") if isinstance(event.get("value"), str) else None
        elif kind in _RESETS or (kind == "active_loop" and not event.get("name")):
            requested = None


def redact_text_field(text: Optional[str]) -> Optional[str]:
    """A free text for logs or review screens, redacted; None stays None."""
    return None if text is None else redact(text)
