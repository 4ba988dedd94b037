"""The Rasa server's composition root: ``python -m bot.rasa_adapters.server``.

What ``rasa run --enable-api`` does, with the project's choices made in one
place:

- the HTTP API (``/conversations``, ``/model``, ``/status``, ...) needs
  ``RASA_AUTH_TOKEN``; the server does not start without one (``make run``
  generates it, see ``bot.serve.secrets``). The token comes from the
  environment, not the command line, so ``ps`` does not show it;
- it listens on ``RASA_HOST`` (127.0.0.1) and ``RASA_PORT`` (5005);
- the channels of credentials.yml (the project's checked REST and
  socket.io channels), the endpoints of ``RASA_ENDPOINTS`` (endpoints.yml;
  the cluster's servers use endpoints.cluster.yml, with a Redis lock store);
- a warm-up after the model is loaded and before the server listens
  (``bot.rasa_adapters.warmup``), so "ready" means warm;
- ``RASA_CORS`` (comma-separated origins) for browsers; none by default;
- logging: structured JSON lines on stderr, redacted and truncated
  (``bot.privacy.logging``); Rasa's structlog events go through the same
  path, with every field that can hold a person's text replaced by its length.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
from typing import Any, List, MutableMapping, Optional

from bot import paths
from bot.privacy.logging import configure_process_logging

log = logging.getLogger("bot.rasa_adapters.server")

TOKEN_ENV = "RASA_AUTH_TOKEN"
# structlog fields of Rasa 3.6 that can hold what a person typed (rasa/utils/log_utils.py)
TEXT_FIELDS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message",
})


def _without_texts(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in TEXT_FIELDS & set(event):
        event[key] = f"<{len(str(event[key]))} tekens>"
    return event


def configure_structlog() -> None:
    """Rasa's structlog events into stdlib logging, without texts."""
    import structlog

    structlog.configure(
        processors=[_without_texts, structlog.processors.KeyValueRenderer(key_order=["event"])],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        cache_logger_on_first_use=True,
    )


def cors_origins() -> Optional[List[str]]:
    origins = [o.strip() for o in os.environ.get("RASA_CORS", "").split(",") if o.strip()]
    return origins or None


def endpoints_file() -> str:
    """RASA_ENDPOINTS (relative to the project) or endpoints.yml."""
    return str(paths.ROOT / (os.environ.get("RASA_ENDPOINTS") or "endpoints.yml"))


def main() -> int:
    warnings.simplefilter("ignore")  # library deprecation notices a gemeente cannot act on
    configure_process_logging("rasa")
    configure_structlog()
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        log.error("%s is not set: refusing to open Rasa's HTTP API without a token", TOKEN_ENV)
        return 2
    model = os.environ.get("MODEL") or str(paths.MODEL_FILE)
    if not os.path.exists(model):
        log.error("no trained model at %s: run make setup", model)
        return 2

    from rasa.core.run import serve_application
    from rasa.core.utils import AvailableEndpoints

    from bot import rasa_speedups
    from bot.rasa_adapters.action_faults import answer_when_action_server_fails
    from bot.rasa_adapters.warmup import warm_after_loading

    rasa_speedups.apply()
    answer_when_action_server_fails()
    warm_after_loading()
    serve_application(
        model_path=model,
        interface=os.environ.get("RASA_HOST", "127.0.0.1"),
        port=int(os.environ.get("RASA_PORT", "5005")),
        credentials=str(paths.ROOT / "credentials.yml"),
        endpoints=AvailableEndpoints.read_endpoints(endpoints_file()),
        cors=cors_origins(),
        auth_token=token,
        enable_api=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
