"""The trained Rasa NLU model, loaded once per process, as a theme ranker.

One of the two modules of bot/ that import Rasa. The action server does not
use it (Rasa already sends the parse data); the command line and batch
evaluation do.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Optional

from bot import paths
from bot.triage.ranking import Ranking, ranking_from_parse

log = logging.getLogger(__name__)


class ModelNotFound(FileNotFoundError):
    pass


class RasaThemeClassifier:
    """Parses text with the NLU part of the trained model in models/."""

    def __init__(self, model_path: Path = paths.MODEL_FILE) -> None:
        os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
        if not Path(model_path).exists():
            raise ModelNotFound(f"{model_path}: no trained model; run 'make setup'")
        from rasa.core.agent import Agent
        from rasa.utils.common import configure_logging_and_warnings
        from rasa.utils.log_utils import configure_structlog

        from bot import rasa_speedups

        rasa_speedups.apply_to_nlu()  # the NLU graph in a fixed order, not through dask: same parse

        if not logging.getLogger().handlers:  # keep stdout free for results
            logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
        configure_logging_and_warnings(logging.WARNING, warn_only_once=True)
        configure_structlog(logging.WARNING)  # Rasa's debug lines hold message text
        self._loop = asyncio.new_event_loop()
        self._agent = Agent.load(str(model_path))
        if not self._agent.is_ready():
            raise ModelNotFound(f"{model_path}: the model could not be loaded")

    def rank(self, text: str) -> Ranking:
        """(intent, confidence) for ``text``, best first."""
        if not text.strip():
            return []
        parse = self._loop.run_until_complete(self._agent.parse_message(text))
        return ranking_from_parse(parse)


_instance: Optional[RasaThemeClassifier] = None


def default_classifier() -> RasaThemeClassifier:
    """The process-wide classifier (the model loads once)."""
    global _instance
    if _instance is None:
        _instance = RasaThemeClassifier()
    return _instance
