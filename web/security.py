"""Security headers of every page: a CSP without unsafe-inline or unsafe-eval.

Scripts, styles, fonts and images come only from the web app itself; the
widget may connect to its own origin and to Rasa's socket.io address.
CSRF protection covers every POST, PUT, PATCH and DELETE (Flask-WTF).
HTTPS is the reverse proxy's job (HSTS is sent when the request is HTTPS).
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect

from web.config import WebConfig


def content_security_policy(config: WebConfig) -> dict:
    return {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self'",
        "font-src": "'self'",
        "connect-src": ["'self'", *config.socket_origins],
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def apply_security_headers(app: Flask, config: WebConfig) -> None:
    Talisman(
        app,
        force_https=False,
        frame_options="DENY",
        content_security_policy=content_security_policy(config),
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()", "browsing-topics": "()"},
        session_cookie_secure=False,  # the proxy's HTTPS sets Secure; see README
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
    )
    app.after_request(_no_sniffing_cross_origin)
    # Every state-changing request needs a CSRF token (the staff pages' forms);
    # the widget only reads, and talks to Rasa, not to the web app.
    CSRFProtect(app)


def _no_sniffing_cross_origin(response):
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response
