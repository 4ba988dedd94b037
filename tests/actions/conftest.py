"""Tracker fixtures for the actions (in the style of RasaHQ/financial-demo).

``make_tracker`` builds a rasa_sdk Tracker as Rasa would send it to the
action server; actions run against the project's domain.yml and a fresh
database (``use_database``: SQLite and PostgreSQL).
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import paths


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((paths.ROOT / "domain.yml").read_text(encoding="utf-8"))


def make_tracker(
    text: str = "",
    intent: str = "hulpvraag_vaag",
    confidence: float = 0.9,
    slots: Optional[Dict[str, Any]] = None,
    sender_id: str = "test-gesprek",
    metadata: Optional[Dict[str, Any]] = None,
    ranking: Optional[List[tuple]] = None,
    active_loop: Optional[str] = None,
    previous_texts: Optional[List[str]] = None,
    extracted: Optional[Dict[str, Any]] = None,
) -> Tracker:
    """A tracker after one user message; ``extracted`` are the slots Rasa's
    form extracted from it (what a FormValidationAction validates)."""
    ranking = ranking or [(intent, confidence)]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
        "entities": [],
        "metadata": metadata or {},
    }
    events = [{"event": "user", "text": t, "parse_data": {}} for t in (previous_texts or [])]
    events.append({"event": "user", "text": text, "parse_data": latest, "metadata": metadata or {}})
    events.extend({"event": "slot", "name": k, "value": v} for k, v in (extracted or {}).items())
    all_slots = {"rol": "inwoner", "crisis": False, "welkom_gehad": False, "aanmelding_bevestigd": False}
    all_slots.update(slots or {})
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run_action(action, tracker: Tracker, domain: Dict[str, Any]):
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, domain)
    if inspect.isawaitable(result):
        result = asyncio.run(result)
    return dispatcher.messages, result


def slots_of(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def responses_of(messages) -> List[str]:
    return [m.get("response") for m in messages if m.get("response")]


def cards_of(messages) -> List[Dict[str, Any]]:
    return [m["custom"]["triage_kaart"] for m in messages if (m.get("custom") or {}).get("triage_kaart")]


@pytest.fixture
def tracker_factory():
    return make_tracker


@pytest.fixture
def run():
    return run_action
