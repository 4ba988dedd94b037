"""Beheer (role beheer): the staff accounts, blocked or unblocked from the web.

Adding an account and choosing its password stays on the command line
(``python -m bot gebruiker toevoegen``); every change goes through
``bot.accounts.service``.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, url_for

from bot.accounts.service import AccountError, block, list_users, unblock
from web.auth.forms import EmptyForm
from web.auth.roles import requires_role

beheer = Blueprint("beheer", __name__)


@beheer.get("/beheer/gebruikers")
@requires_role("beheer")
def gebruikers():
    return render_template("beheer/gebruikers.html", gebruikers=list_users(), form=EmptyForm(), uit=EmptyForm())


@beheer.post("/beheer/gebruikers/<naam>/<actie>")
@requires_role("beheer")
def wijzig(naam: str, actie: str):
    if actie not in ("blokkeer", "deblokkeer") or not EmptyForm().validate_on_submit():
        abort(400)
    if naam == g.account.naam:
        abort(400)
    try:
        (block if actie == "blokkeer" else unblock)(naam)
    except AccountError:
        abort(404)
    return redirect(url_for("beheer.gebruikers"))
