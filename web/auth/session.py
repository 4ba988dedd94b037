"""The staff session: who is logged in, the idle timeout and the cookie's flags.

The cookie is Flask's signed session (HttpOnly, SameSite=Lax, Secure when
the request came over HTTPS). It holds the account id, the account's
``sessie_versie`` (raising it ends every session: "overal uitloggen",
blocking, a new role), a session id that is new at every login, and the time
of the last request; a session idle longer than ``medewerkers.
sessie_inactief_minuten`` (data/gemeente.yml; env SESSIE_INACTIEF_MINUTEN
wins) ends.
"""

from __future__ import annotations

import os
import secrets
import time
from typing import Optional

from flask import Flask, current_app, g, request, session
from flask.sessions import SecureCookieSessionInterface

from bot.accounts.service import Account, current_account

USER, VERSION, SID, LAST = "uid", "versie", "sid", "laatst"
EXPIRED = "verlopen"  # set when an idle session ended: the next page (login) says so once


class StaffSessionInterface(SecureCookieSessionInterface):
    """Secure cookies whenever the request itself is HTTPS (directly or via the proxy)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def idle_seconds(app: Flask) -> float:
    override = os.environ.get("SESSIE_INACTIEF_MINUTEN")
    minutes = float(override) if override else app.config["WEB"].gemeente.medewerkers.sessie_inactief_minuten
    return minutes * 60.0


def start(account: Account) -> None:
    """A new session for ``account``: everything from before is dropped, with a new session id."""
    session.clear()
    session.update({USER: account.id, VERSION: account.sessie_versie, SID: secrets.token_urlsafe(24),
                    LAST: time.time()})


def end() -> None:
    session.clear()


def load_user() -> None:
    """Before every request: ``g.account`` (or None) and ``g.timed_out``."""
    g.account, g.timed_out = None, bool(session.pop(EXPIRED, False))
    if USER not in session:
        return
    if time.time() - float(session.get(LAST, 0)) > idle_seconds(current_app):
        session.clear()
        session[EXPIRED] = g.timed_out = True
        return
    account: Optional[Account] = current_account(int(session[USER]), int(session.get(VERSION, -1)))
    if account is None:
        session.clear()
        return
    g.account = account
    session[LAST] = time.time()
