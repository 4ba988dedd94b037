"""python -m web: serve the web app on 127.0.0.1:$WEB_PORT (8000).

Werkzeug's threaded server, without debugger or reloader: the web app serves
small pages and static files; the conversation goes to Rasa directly.
"""

from __future__ import annotations

from werkzeug.serving import run_simple

from web import create_app
from web.config import HOST, WebConfig


def main() -> None:
    config = WebConfig.from_env()
    app = create_app(config)
    print(f"web app on http://{HOST}:{config.port}/ (widget talks to {config.socket_url})", flush=True)
    run_simple(HOST, config.port, app, threaded=True, use_debugger=False, use_reloader=False)


if __name__ == "__main__":
    main()
