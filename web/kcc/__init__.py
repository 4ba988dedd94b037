"""The KCC medewerker's console at /kcc (role kcc).

The browser talks only to these handlers; they call ``bot.kcc``: the trusted
channel to Rasa (role and proof added here, server-side), the turn with its
triage card and evidence, the sociale kaart search and the summary. The
conversation id lives in the staff session; "Volgende beller" replaces it.
"""

from __future__ import annotations

import hashlib
from typing import Any, List

from flask import Blueprint, current_app, g, jsonify, render_template, request, session

from bot.accounts.service import audit
from bot.kcc.channel import ChannelError, KccChannel, new_sender
from bot.kcc.kaart import SearchError, search, themes
from bot.kcc.summary import summary_text
from bot.kcc.turn import console_turn
from web.auth.forms import EmptyForm
from web.auth.roles import requires_role

kcc = Blueprint("kcc", __name__, static_folder="static", static_url_path="/kcc-static")

SENDER = "kcc_gesprek"
MAX_TYPED, MAX_CHARS = 60, 5000
OPENING = "/groet"  # starts a conversation: the assistant's KCC welcome and first question


def _hash(sender: str) -> str:
    return hashlib.sha256(sender.encode("utf-8")).hexdigest()


def _sender(fresh: bool = False) -> str:
    if fresh or SENDER not in session:
        session[SENDER] = new_sender()
        audit("kcc_gesprek_gestart", g.account.id, wie=g.account.naam, gesprek=_hash(session[SENDER]))
    return session[SENDER]


def _typed(value: Any) -> List[str]:
    if not isinstance(value, list):
        return []
    return [str(t)[:MAX_CHARS] for t in value[-MAX_TYPED:] if isinstance(t, str)]


@kcc.get("/kcc")
@requires_role("kcc")
def console():
    sender = _sender()
    audit("kcc_gesprek_getoond", g.account.id, gesprek=_hash(sender))
    return render_template("kcc/console.html", gesprek=sender, themas=themes(), uit=EmptyForm(),
                           nood=current_app.config["WEB"].gemeente.noodnummers)


@kcc.post("/kcc/bericht")
@requires_role("kcc")
def message():
    body = request.get_json(silent=True) or {}
    text = OPENING if body.get("opening") is True else body.get("tekst")
    if not isinstance(text, str) or not text.strip():
        return jsonify(fout="Typ eerst wat de inwoner vertelt."), 400
    if len(text) > MAX_CHARS:
        return jsonify(fout=f"Dit bericht is te lang. Gebruik hoogstens {MAX_CHARS} tekens."), 400
    channel = KccChannel(current_app.config["WEB"].rasa_url)
    sender = _sender()
    try:
        raw = channel.send(sender, text.strip())
    except ChannelError as exc:
        return jsonify(fout=str(exc)), 502
    typed = _typed(body.get("eerder")) + ([] if text == OPENING else [text.strip()])
    return jsonify(gesprek=sender, **console_turn(raw, typed))


@kcc.post("/kcc/volgende")
@requires_role("kcc")
def next_caller():
    return jsonify(gesprek=_sender(fresh=True))


@kcc.get("/kcc/kaart")
@requires_role("kcc")
def kaart():
    try:
        results = search(request.args.get("thema", ""), request.args.get("postcode", ""),
                         request.args.get("tekst", "")[:200])
    except SearchError as exc:
        return jsonify(fout=str(exc)), 400
    return jsonify(resultaten=results)


@kcc.post("/kcc/samenvatting")
@requires_role("kcc")
def summary():
    body = request.get_json(silent=True) or {}
    card = body.get("kaart") if isinstance(body.get("kaart"), dict) else None
    return jsonify(tekst=summary_text(card, _typed(body.get("getypt"))))
