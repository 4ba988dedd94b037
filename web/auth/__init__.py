"""Staff login: /login, /uitloggen and /overal-uitloggen, and the error pages.

Accounts, passwords, throttling and audit live in ``bot.accounts``; this
blueprint only shows forms and keeps the session.
"""

from __future__ import annotations

from flask import Blueprint, Flask, g, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError

from bot.accounts.service import authenticate, end_all_sessions
from web.auth import session as staff_session
from web.auth.forms import EmptyForm, LoginForm
from web.auth.roles import ROLE_NAMES, wants_json

auth = Blueprint("auth", __name__, static_folder="static", static_url_path="/staff-static")

HOME = {"kcc": "kcc.console", "beheer": "beheer.gebruikers", "wijkteam": "review.lijst"}
MORE = {"beheer": (("review.lijst", "Naar de review van gesprekken"),)}  # further pages of a role


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else ""


def home_of(rol: str) -> str:
    return url_for(HOME[rol]) if rol in HOME else url_for("auth.login")


@auth.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    message, status = "", 200
    if g.get("timed_out"):
        message = "U was te lang niet actief. Daarom bent u uitgelogd. Log opnieuw in."
    if form.validate_on_submit():
        result = authenticate(form.naam.data, form.wachtwoord.data, request.remote_addr or "onbekend")
        if result.throttled:
            message, status = (f"Te veel mislukte pogingen. Wacht {result.wacht_minuten} minuten en probeer het "
                               "dan opnieuw. Weet u uw wachtwoord niet meer? Vraag het de beheerder."), 429
        elif result.account is None:
            message, status = "Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw.", 401
        else:
            staff_session.start(result.account)
            return redirect(_safe_next(request.args.get("volgende", "")) or home_of(result.account.rol))
    elif request.method == "POST":
        status = 400
    links = []
    if g.get("account") and g.account.rol in HOME:
        links = [(url_for(HOME[g.account.rol]), "Naar uw pagina")]
        links += [(url_for(endpoint), text) for endpoint, text in MORE.get(g.account.rol, ())]
    return render_template("staff/login.html", form=form, message=message, links=links,
                           rol_naam=ROLE_NAMES.get(g.account.rol, "") if g.get("account") else "",
                           uit=EmptyForm()), status


@auth.post("/uitloggen")
def logout():
    if EmptyForm().validate_on_submit():
        staff_session.end()
    return redirect(url_for("auth.login"))


@auth.post("/overal-uitloggen")
def logout_everywhere():
    if EmptyForm().validate_on_submit() and g.get("account"):
        end_all_sessions(g.account.id)
        staff_session.end()
    return redirect(url_for("auth.login"))


def _error_page(status: int, title: str, text: str):
    if wants_json():
        return {"fout": text}, status
    return render_template("staff/fout.html", titel=title, tekst=text, uit=EmptyForm()), status


def forbidden(_error):
    needed = g.get("needed_roles") or ()
    who = ", ".join(ROLE_NAMES.get(r, r) for r in needed) or "een andere rol"
    own = ROLE_NAMES.get(g.account.rol, g.account.rol) if g.get("account") else "niet ingelogd"
    return _error_page(403, "Geen toegang",
                       f"Deze pagina is alleen voor: {who}. U bent ingelogd als {own}. "
                       "Denkt u dat u hier wel mag komen? Vraag het de beheerder.")


def csrf_failed(_error):
    return _error_page(400, "Formulier verlopen",
                       "Dit formulier is verlopen of niet via deze website verstuurd. Ga terug, laad de pagina "
                       "opnieuw en probeer het nog een keer.")


def install(app: Flask) -> None:
    """Session interface, the user before every request, error pages and the blueprint."""
    app.session_interface = staff_session.StaffSessionInterface()
    app.before_request(staff_session.load_user)
    app.register_error_handler(403, forbidden)
    app.register_error_handler(CSRFError, csrf_failed)
    app.context_processor(lambda: {"account": g.get("account"), "rol_namen": ROLE_NAMES})
    app.register_blueprint(auth)
