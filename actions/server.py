"""The action server's composition root: ``python -m actions.server``.

Rasa SDK's own ``rasa run actions`` listens on every interface
(``SANIC_HOST`` defaults to 0.0.0.0) and runs any action for any caller.
This entry point builds the same Rasa SDK app and:

- listens on ``ACTION_HOST`` (127.0.0.1 by default) and ``ACTION_PORT``;
- refuses every call to ``/webhook`` and ``/actions`` without the shared
  secret ``ACTION_SERVER_SECRET`` in the ``X-Action-Secret`` header (the
  Rasa server sends it: endpoints.yml); it does not start without a secret;
- answers an internal error with a short JSON error instead of Rasa SDK's
  echo of the whole request body (which holds the conversation);
- logs through the redacting filter (``bot.privacy.logging``).
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
import warnings
from typing import Optional

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.privacy.logging import configure_process_logging

SECRET_ENV = "ACTION_SERVER_SECRET"
SECRET_HEADER = "X-Action-Secret"
OPEN_PATHS = ("/health",)

log = logging.getLogger("actions.server")


def build_app(secret: str, package: str = "actions") -> Sanic:
    """The Rasa SDK app for ``package`` behind the shared-secret check."""
    if not secret:
        raise ValueError(f"{SECRET_ENV} is empty: the action server needs a shared secret")
    app = create_app(package, cors_origins=None)
    expected = secret.encode("utf-8")

    @app.on_request
    async def require_secret(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            log.warning("refused an action call without a valid secret from %s", request.ip)
            return response.json({"error": "niet toegestaan"}, status=401)
        return None

    async def internal_error(request: Request, exception: Exception) -> HTTPResponse:
        log.error("action server error: %s", type(exception).__name__, exc_info=exception)
        return response.json({"error": "interne fout in de actieserver"}, status=500)

    app.error_handler.add(Exception, internal_error)
    return app


def main() -> int:
    warnings.simplefilter("ignore")  # library deprecation notices a gemeente cannot act on
    configure_process_logging("actions")
    secret = os.environ.get(SECRET_ENV, "")
    if not secret:
        log.error("%s is not set: refusing to start an action server that anyone may call", SECRET_ENV)
        return 2
    host = os.environ.get("ACTION_HOST", "127.0.0.1")
    port = int(os.environ.get("ACTION_PORT", "5055"))
    app = build_app(secret)
    log.info("action server on http://%s:%d", host, port)
    app.run(host=host, port=port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
