"""Thin Rasa SDK adapters: tracker state -> bot/ -> events and responses.

One module per concern (session, info, triage, crisis, forms, ask, aanmelding,
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
