"""Thin Rasa SDK adapters: tracker state -> bot/ -> events and responses.

One module per concern (session, info, triage, crisis, forms, ask,
handover, fallback). Decisions live in bot/dialogue and bot/aanmelding.
"""

import logging as _logging


def _warm_up() -> None:
    """Load the Dutch pipeline and the signal rules before the first message,
    so the first person does not wait for them (about 10 s on 2 cores)."""
    try:
        from bot.nlp import load_pipeline
        from bot.triage import engine  # noqa: F401  (imports the triage modules)
        from bot.triage.signals import detect

        load_pipeline()
        detect("warm")
    except Exception as exc:  # the actions still work; the first turn is just slower
        _logging.getLogger("actions").warning("warm-up failed: %s", type(exc).__name__)


_warm_up()


def _freeze() -> None:
    """Keep what the warm-up loaded out of the garbage collector's full collections (bot/runtime.py)."""
    from bot.runtime import freeze_loaded_objects

    freeze_loaded_objects()


_freeze()
