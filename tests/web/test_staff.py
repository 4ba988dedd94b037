"""Staff login, sessions, roles, CSRF and the KCC console's handlers (Flask test client).

Rasa is a small fake REST webhook here, which checks the role proof the web
app adds server-side; the real servers are in tests/browser.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from bot.accounts.service import add_user
from bot.inbound.role_proof import verified_role
from bot.privacy.models import AuditEntry
from bot.store.db import session_scope
from web import create_app
from web.config import WebConfig

GOOD = "paard-batterij-nietje"
SECRET = "test-kcc-secret"
CARD = {"triage_kaart": {"themas": [{"thema": "veiligheid_thuis", "label": "Veiligheid thuis", "zekerheid": 1.0}],
                         "signalen": [{"code": "contra_huiselijk_geweld", "label": "Huiselijk geweld",
                                       "bewijs": "slaat haar"}],
                         "hulp_contact": ["Veilig Thuis: gratis 0800-2000"], "advies": {"code": "eerst_individueel"}}}


class FakeRasa(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeRasa.received.append(body)
        role = verified_role(body["sender"], body.get("metadata") or {}, SECRET)
        replies = [{"recipient_id": body["sender"], "text": f"rol={role}. Sinds wanneer speelt het?"},
                   {"recipient_id": body["sender"], "custom": CARD}]
        data = json.dumps(replies).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def rasa():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeRasa.received = []
    yield server
    server.shutdown()


@pytest.fixture
def app(use_database, rasa, monkeypatch):
    monkeypatch.setenv("KCC_CHANNEL_SECRET", SECRET)
    monkeypatch.delenv("SESSIE_INACTIEF_MINUTEN", raising=False)
    add_user("anna", "kcc", GOOD)
    add_user("wim", "wijkteam", GOOD)
    add_user("bea", "beheer", GOOD)
    config = WebConfig.from_env({"WEB_PORT": "8123", "RASA_PORT": str(rasa.server_port), "WEB_SECRET_KEY": "k"})
    return create_app(config)


def token(client, url="/login") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def login(client, naam="anna", wachtwoord=GOOD, **kwargs):
    return client.post("/login" + kwargs.pop("query", ""),
                       data={"naam": naam, "wachtwoord": wachtwoord, "csrf_token": token(client)}, **kwargs)


def audit_actions():
    with session_scope() as s:
        return [(e.actie, e.details) for e in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]


def test_console_needs_a_login_and_login_goes_back_there(app):
    client = app.test_client()
    assert client.get("/kcc").headers["Location"] == "/login?volgende=/kcc"
    assert client.post("/kcc/bericht", json={"tekst": "x"}).status_code in (400, 401)
    response = login(client, query="?volgende=/kcc")
    assert response.status_code == 302 and response.headers["Location"] == "/kcc"
    assert client.get("/kcc").status_code == 200


def test_session_cookie_flags_and_a_new_session_at_login(app):
    client = app.test_client()
    token(client)
    before = client.get_cookie("session").value
    response = login(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert client.get_cookie("session").value != before
    with client.session_transaction() as s:
        first_sid = s["sid"]
    login(client)
    with client.session_transaction() as s:
        assert s["sid"] != first_sid
    https = app.test_client()
    page = https.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in page.headers["Set-Cookie"]


def test_wrong_password_and_unknown_user_get_one_dutch_answer(app):
    client = app.test_client()
    for naam, wachtwoord in (("anna", "niet-het-goede-wachtwoord"), ("niemand", GOOD)):
        response = login(client, naam, wachtwoord)
        assert response.status_code == 401
        assert "Gebruikersnaam of wachtwoord klopt niet" in response.get_data(as_text=True)
    assert [a for a, _ in audit_actions()][-2:] == ["login_mislukt", "login_mislukt"]


def test_failed_logins_are_throttled_with_a_dutch_message(app):
    client = app.test_client()
    for _ in range(5):
        assert login(client, "anna", "niet-het-goede-wachtwoord").status_code == 401
    response = login(client, "anna", GOOD)
    assert response.status_code == 429
    assert "Te veel mislukte pogingen. Wacht 15 minuten" in response.get_data(as_text=True)


def test_state_changing_requests_without_a_csrf_token_are_refused(app):
    client = app.test_client()
    assert client.post("/login", data={"naam": "anna", "wachtwoord": GOOD}).status_code == 400
    login(client)
    for url in ("/kcc/bericht", "/kcc/volgende", "/kcc/samenvatting"):
        response = client.post(url, json={"tekst": "hallo"})
        assert response.status_code == 400 and "verlopen" in response.get_json()["fout"], url
    assert client.post("/uitloggen").status_code == 400
    assert FakeRasa.received == []


def test_roles_are_separated_with_a_dutch_403(app):
    wijkteam = app.test_client()
    login(wijkteam, "wim")
    response = wijkteam.get("/kcc")
    page = response.get_data(as_text=True)
    assert response.status_code == 403 and "Geen toegang" in page and "alleen voor: KCC-medewerker" in page
    assert wijkteam.get("/beheer/gebruikers").status_code == 403
    kcc = app.test_client()
    login(kcc)
    assert kcc.get("/beheer/gebruikers").status_code == 403
    beheer = app.test_client()
    login(beheer, "bea")
    assert beheer.get("/beheer/gebruikers").status_code == 200
    assert beheer.get("/kcc").status_code == 403
    assert ("toegang_geweigerd", {"gebruiker_id": 2, "wie": "wim", "rol": "wijkteam", "nodig": "kcc"}) in audit_actions()


def test_idle_sessions_end(app, monkeypatch):
    import web.auth.session as staff_session

    client = app.test_client()
    login(client)
    assert client.get("/kcc").status_code == 200
    now = staff_session.time.time()
    monkeypatch.setattr(staff_session.time, "time", lambda: now + 29 * 60)
    assert client.get("/kcc").status_code == 200, "activity keeps the session"
    monkeypatch.setattr(staff_session.time, "time", lambda: now + 29 * 60 + 31 * 60)
    assert client.get("/kcc").headers["Location"] == "/login?volgende=/kcc"
    assert "te lang niet actief" in client.get("/login").get_data(as_text=True)
    assert "te lang niet actief" not in client.get("/login").get_data(as_text=True), "said once, then gone"


def test_logout_everywhere_ends_other_sessions_too(app):
    desk, laptop = app.test_client(), app.test_client()
    login(desk)
    login(laptop)
    assert laptop.get("/kcc").status_code == 200
    desk.post("/overal-uitloggen", data={"csrf_token": token(desk, "/kcc")})
    assert desk.get("/kcc").status_code == 302 and laptop.get("/kcc").status_code == 302


def test_open_redirects_after_login_are_ignored(app):
    client = app.test_client()
    assert login(client, query="?volgende=//evil.example/").headers["Location"] == "/kcc"


def test_console_message_carries_the_proof_added_server_side(app):
    client = app.test_client()
    login(client)
    csrf = token(client, "/kcc")
    headers = {"X-CSRFToken": csrf}
    turn = client.post("/kcc/bericht", headers=headers,
                       json={"tekst": "Mevrouw belt, haar man Slaat  haar.", "rol": "inwoner", "eerder": []}).get_json()
    sent = FakeRasa.received[-1]
    assert sent["metadata"]["rol"] == "kcc" and verified_role(sent["sender"], sent["metadata"], SECRET) == "kcc"
    assert turn["antwoorden"][0]["tekst"].startswith("rol=kcc")
    assert turn["kaart"]["signalen"][0]["bewijs"] == "slaat haar"
    assert turn["markeringen"] == [{"bericht": 0, "start": 23, "eind": 34, "code": "contra_huiselijk_geweld",
                                    "label": "Huiselijk geweld"}]
    assert turn["volgende_vraag"].endswith("Sinds wanneer speelt het?")
    first = sent["sender"]
    new = client.post("/kcc/volgende", headers=headers).get_json()["gesprek"]
    client.post("/kcc/bericht", headers=headers, json={"opening": True})
    assert new != first and FakeRasa.received[-1]["sender"] == new and FakeRasa.received[-1]["message"] == "/groet"
    acties = [a for a, _ in audit_actions()]
    assert "kcc_gesprek_getoond" in acties and acties.count("kcc_gesprek_gestart") == 2
    assert first not in repr(audit_actions()) and "Mevrouw" not in repr(audit_actions())


def test_console_reports_an_unreachable_assistant_in_dutch(app):
    app.config["WEB"] = WebConfig.from_env({"WEB_PORT": "8123", "RASA_PORT": "1", "WEB_SECRET_KEY": "k"})
    client = app.test_client()
    login(client)
    response = client.post("/kcc/bericht", headers={"X-CSRFToken": token(client, "/kcc")}, json={"tekst": "hallo"})
    assert response.status_code == 502 and "niet bereikbaar" in response.get_json()["fout"]


def test_summary_is_plain_redacted_text(app):
    client = app.test_client()
    login(client)
    text = client.post("/kcc/samenvatting", headers={"X-CSRFToken": token(client, "/kcc")},
                       json={"kaart": {**CARD["triage_kaart"], "referentie": "WT-AB12-CD"},
                             "getypt": ["Mevrouw Jansen belt, haar man slaat haar. Bel haar op 0612345678."]}
                       ).get_json()["tekst"]
    assert "WT-AB12-CD" in text and "Huiselijk geweld" in text and "Veilig Thuis" in text
    assert "0612345678" not in text and "Jansen" not in text and "<" not in text


def test_kaart_search_checks_its_input_in_dutch(app):
    client = app.test_client()
    login(client)
    assert "Kies een thema" in client.get("/kcc/kaart").get_json()["fout"]
    assert "postcode klopt niet" in client.get("/kcc/kaart?thema=eenzaamheid&postcode=12").get_json()["fout"]
    assert client.get("/kcc/kaart?thema=eenzaamheid").get_json() == {"resultaten": []}
