"""The web app: the web process's composition root.

``create_app()`` wires configuration, security headers, front-end assets and
one blueprint per front door: the demo gemeente page with the inwoner's chat
widget now; the KCC console (/kcc) and the wijkteam's review (/review) join
here as blueprints of their own. Handlers stay thin: what they know comes
from ``bot/`` (settings, triage, kaart, aanmelding, privacy).
"""

from __future__ import annotations

from typing import Optional

from flask import Flask

from web.assets import FrontEndAssets
from web.config import WebConfig
from web.security import apply_security_headers


def create_app(config: Optional[WebConfig] = None) -> Flask:
    from web.demo import demo
    from web.widget import widget

    config = config or WebConfig.from_env()
    app = Flask(__name__)
    app.config.update(SECRET_KEY=config.secret_key, WEB=config, JSON_AS_ASCII=False)
    app.extensions["frontend_assets"] = FrontEndAssets.load(config.node_modules)
    apply_security_headers(app, config)
    app.register_blueprint(widget, url_prefix="/widget")
    app.register_blueprint(demo)
    return app
