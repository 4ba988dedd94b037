"""Warm a Rasa server before it takes traffic.

Right after loading, the first turns are slow: TensorFlow traces its
functions on the first predictions, spaCy and the project's recognisers
build their caches, the action server imports its triage modules on the
first call, and the database pool opens its connections. Measured before
this module: 20 x 6 turns right after a start had a p95 almost twice that
of a warm server.

``warm_agent`` runs, after the model is loaded and before the server
listens (so its readiness URL answers only afterwards):

- ``PARSES`` through the NLU pipeline;
- ``CONVERSATIONS`` whole short conversations through ``handle_message``,
  so policies, forms, the action server, the tracker store and the lock
  store all run once; each warm-up conversation has its own sender id
  (``warmup-`` and random) and its stored events are deleted afterwards.

It never raises: a warm-up that fails is logged and the server starts cold.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from typing import Any, Sequence

log = logging.getLogger(__name__)

SENDER_PREFIX = "warmup-"
# Written for the warm-up; none comes from the evaluation sets.
PARSES: Sequence[str] = (
    "hallo",
    "Ik kom rond de maand niet meer uit met mijn geld",
    "Mijn buurvrouw is erg eenzaam en wil mensen ontmoeten",
    "ja",
    "nee liever niet",
    "Voor mijzelf",
    "al een paar maanden",
)
CONVERSATIONS: Sequence[Sequence[str]] = (
    ("hallo", "Ik kom rond de maand niet meer uit met mijn geld", "Voor mijzelf", "al een paar maanden",
     "nog niets", "dat ik weer overzicht heb"),
    ("hallo", "Mijn buurvrouw is erg eenzaam en wil mensen ontmoeten", "Voor iemand anders"),
)


def rounds() -> int:
    """How many times the warm-up conversations run (WARMUP_ROUNDS, default 2; 0 turns it off)."""
    return max(0, int(os.environ.get("WARMUP_ROUNDS", "2")))


async def _erase(agent: Any, senders: Sequence[str]) -> None:
    store = agent.tracker_store
    store = getattr(store, "_tracker_store", store)  # Rasa wraps it in a FailSafeTrackerStore
    engine = getattr(store, "engine", None)
    if engine is None:
        return
    from bot.privacy.conversations import delete_events

    with engine.begin() as conn:
        delete_events(conn, list(senders))
    for sender in senders:
        forget = getattr(getattr(store, "_rows", None), "forget", None)
        if forget:
            forget(sender)


async def warm_agent(agent: Any) -> None:
    """Parse and converse a little so the first real turns run warm."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    count = rounds()
    if not count:
        return
    start, turns, senders = time.perf_counter(), 0, []
    try:
        for _ in range(count):
            for text in PARSES:
                await agent.parse_message(text)
            for script in CONVERSATIONS:
                sender = f"{SENDER_PREFIX}{uuid.uuid4().hex[:12]}"
                senders.append(sender)
                for text in script:
                    await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender,
                                                           input_channel="warmup"))
                    turns += 1
    except Exception as exc:  # a cold start is slower, never broken
        log.warning("warm-up stopped after %d turns: %s", turns, type(exc).__name__, exc_info=exc)
    finally:
        try:
            await _erase(agent, senders)
        except Exception as exc:
            log.warning("warm-up conversations not erased: %s", type(exc).__name__, exc_info=exc)
    log.info("warm-up: %d parses, %d turns in %.1f s", count * len(PARSES), turns, time.perf_counter() - start)


def warm_after_loading() -> None:
    """Make Rasa's server start (``serve_application``) warm the agent after loading it."""
    import rasa.core.run as run

    if getattr(run.load_agent_on_start, "_wijkteam_warm", False):
        return
    load = run.load_agent_on_start

    async def load_and_warm(*args: Any, **kwargs: Any) -> Any:
        agent = await load(*args, **kwargs)
        await warm_agent(agent)
        return agent

    load_and_warm._wijkteam_warm = True  # type: ignore[attr-defined]
    run.load_agent_on_start = load_and_warm
