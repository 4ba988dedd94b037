"""Role checks for staff pages: ``@requires_role("kcc")``.

Not logged in: a page goes to /login (coming back afterwards), an API call
gets 401 JSON. Logged in with another role: 403 with a Dutch explanation,
and an audit entry.
"""

from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

from flask import abort, g, jsonify, redirect, request, url_for

from bot.accounts.service import audit

F = TypeVar("F", bound=Callable)

ROLE_NAMES = {"kcc": "KCC-medewerker", "wijkteam": "medewerker van het wijkteam", "beheer": "beheerder"}


def wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def login_needed():
    if wants_json():
        message = ("U was te lang niet actief. Log opnieuw in." if g.get("timed_out")
                   else "U bent niet ingelogd. Log eerst in.")
        response = jsonify(fout=message, login=url_for("auth.login"))
        response.status_code = 401
        return response
    return redirect(url_for("auth.login", volgende=request.path))


def requires_role(*roles: str) -> Callable[[F], F]:
    def decorate(view: F) -> F:
        @wraps(view)
        def checked(*args, **kwargs):
            account = g.get("account")
            if account is None:
                return login_needed()
            if account.rol not in roles:
                audit("toegang_geweigerd", account.id, wie=account.naam, rol=account.rol, nodig=roles[0])
                g.needed_roles = roles
                abort(403)
            return view(*args, **kwargs)
        return checked  # type: ignore[return-value]
    return decorate
