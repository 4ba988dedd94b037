"""The web app: the web process's composition root.

``create_app()`` wires configuration, security headers, front-end assets and
one blueprint per front door: the demo gemeente page with the inwoner's chat
widget, the staff login (/login, ``web.auth``: sessions, roles, error pages),
the KCC console (/kcc), beheer (/beheer) and the wijkteam's review (/review,
``requires_role("wijkteam", "beheer")``). Handlers stay thin: what they know comes
from ``bot/`` (settings, triage, kaart, aanmelding, privacy).
"""

from __future__ import annotations

from typing import Optional

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from web.assets import FrontEndAssets
from web.config import WebConfig
from web.security import apply_security_headers


def create_app(config: Optional[WebConfig] = None) -> Flask:
    from web import auth
    from web.beheer import beheer
    from web.demo import demo
    from web.kcc import kcc
    from web.review import review
    from web.widget import widget

    config = config or WebConfig.from_env()
    app = Flask(__name__)
    app.config.update(SECRET_KEY=config.secret_key, WEB=config, JSON_AS_ASCII=False,
                      WTF_CSRF_TIME_LIMIT=None)  # the token lives as long as the session (idle timeout)
    # The app listens on 127.0.0.1 only: the one proxy in front says whether the
    # request was HTTPS (Secure cookies) and who the client is (login throttling).
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)  # type: ignore[method-assign]
    app.extensions["frontend_assets"] = FrontEndAssets.load(config.node_modules)
    apply_security_headers(app, config)
    app.register_blueprint(widget, url_prefix="/widget")
    app.register_blueprint(demo)
    auth.install(app)
    app.register_blueprint(kcc)
    app.register_blueprint(beheer)
    app.register_blueprint(review)
    return app
