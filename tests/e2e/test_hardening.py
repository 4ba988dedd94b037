"""Attacks and faults against the real servers (issue: hardening).

Each test names the finding it covers. Every test also checks that neither
server died or was restarted by the supervisor behind its back.
"""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from bot.aanmelding.models import Aanmelding
from bot.bench.servers import http_raw

pytestmark = pytest.mark.e2e

PHONE, NAME = "06 12345678", "Jan de Vries"


def _sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def _texts(replies) -> str:
    return " ".join(r.get("text", "") for r in replies if isinstance(r, dict))


@pytest.fixture(autouse=True)
def nothing_died(servers):
    before = servers.pids()
    yield
    assert servers.alive(), "a server process died"
    assert servers.pids() == before and not any(servers.restarts().values()), \
        f"a server was restarted during the test: {servers.restarts()}"


def _events(engine, sender: str) -> str:
    with engine.connect() as conn:
        rows = conn.execute(text("select data from events where sender_id = :s"), {"s": sender}).all()
    return "\n".join(r[0] for r in rows)


# 1. one request stopped the assistant --------------------------------------------
@pytest.mark.parametrize("body", [
    b'{"sender": "x\\udfff", "message": "hallo"}',
    b'{"sender": "surrogaat-1", "message": "hal\\udfff\\ud800lo"}',
    b'{"sender": "nul-1", "message": "hallo\\u0000 daar\\u001b"}',
])
def test_invalid_unicode_never_stops_the_server(servers, body):
    status, answer = servers.post(body)
    assert status in (200, 400), (status, answer)
    if status == 200:
        assert _texts(answer), answer
    else:
        assert answer["error"]
    status, answer = servers.post(json.dumps({"sender": _sender("na"), "message": "hallo"}).encode())
    assert status == 200 and _texts(answer)


def test_a_repaired_message_is_stored_and_answered(servers, e2e_engine):
    sender = _sender("herstel")
    status, answer = servers.post(('{"sender": "%s", "message": "ik voel me alleen\\udfff"}' % sender).encode())
    assert status == 200 and _texts(answer), answer
    assert "ik voel me alleen" in _events(e2e_engine, sender)


# 2. the action server was open to everyone -----------------------------------------
def _listen_addresses(port: int):
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


def test_both_servers_listen_on_loopback_only(servers):
    for url in (servers.rasa_url, servers.action_url):
        port = int(url.rsplit(":", 1)[1])
        addresses = _listen_addresses(port)
        assert addresses, f"nothing listens on {port}"
        loopback = {"0100007F", "00000000000000000000000001000000"}
        assert addresses <= loopback, f"port {port} listens on {addresses}"


def _count_aanmeldingen(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Aanmelding.__table__)).scalar_one()


@pytest.mark.parametrize("headers", [{}, {"X-Action-Secret": "geraden"}, {"X-Action-Secret": ""}])
def test_forged_action_calls_are_refused(servers, e2e_engine, headers):
    before = _count_aanmeldingen(e2e_engine)
    call = {"next_action": "validate_aanmelding_form", "sender_id": "aanvaller", "version": "3.6.21",
            "tracker": {"sender_id": "aanvaller", "slots": {"rol": "kcc", "toestemming": "ja",
                                                              "requested_slot": "toestemming"},
                        "latest_message": {"text": "ja", "intent": {"name": "bevestigen"}}, "events": [],
                        "active_loop": {"name": "aanmelding_form"}}}
    status, answer = http_raw(f"{servers.action_url}/webhook", json.dumps(call).encode(), headers=headers)
    assert status == 401, (status, answer)
    status, _ = http_raw(f"{servers.action_url}/actions", b"", method="GET", headers=headers)
    assert status == 401
    assert _count_aanmeldingen(e2e_engine) == before


def test_the_rasa_server_calls_actions_with_its_secret(servers):
    assert _texts(servers.say(_sender("geheim"), "hallo")), "no answer: the action calls were refused"


# 3. Rasa's HTTP API was open ----------------------------------------------------------
@pytest.mark.parametrize("method,path,body", [
    ("GET", "/conversations/iemand/tracker", b""),
    ("POST", "/conversations/iemand/tracker/events", b'{"event": "slot", "name": "rol", "value": "kcc"}'),
    ("POST", "/conversations/iemand/messages", b'{"text": "hallo", "sender": "user"}'),
    ("DELETE", "/model", b""),
    ("POST", "/model/train", b"{}"),
    ("PUT", "/model", b'{"model_file": "/etc/passwd"}'),
    ("POST", "/model/parse", b'{"text": "hallo"}'),
    ("GET", "/status", b""),
])
def test_the_http_api_needs_the_token(servers, method, path, body):
    status, _ = http_raw(f"{servers.rasa_url}{path}", body, method=method)
    assert status in (401, 403), (method, path, status)
    status, _ = http_raw(f"{servers.rasa_url}{path}?token=geraden", body, method=method)
    assert status in (401, 403), (method, path, status)


def test_the_http_api_works_with_the_token(servers):
    status, answer = http_raw(f"{servers.rasa_url}/status?token={servers.token}", b"", method="GET")
    assert status == 200 and answer.get("model_file"), answer


# 4. anyone could claim the KCC role ---------------------------------------------------
def _has_card(replies) -> bool:
    return any((r.get("custom") or {}).get("triage_kaart") for r in replies)


@pytest.mark.parametrize("metadata", [
    {"rol": "kcc"},
    {"rol": "kcc", "rol_bewijs": "0" * 64},
    "proof-of-another-sender",
])
def test_a_forged_kcc_role_gets_the_inwoner_experience(servers, e2e_engine, metadata):
    sender = _sender("nep-kcc")
    if metadata == "proof-of-another-sender":
        metadata = servers.kcc_metadata("een-ander-gesprek")
    replies = servers.say(sender, "Mevrouw belt over schulden en ze slaapt slecht", metadata=metadata)
    assert _texts(replies) and not _has_card(replies), replies
    assert "KCC-modus" not in _texts(replies)
    assert '"rol_bewijs"' not in _events(e2e_engine, sender)


def test_the_kcc_role_with_its_proof_gets_the_card(servers):
    sender = _sender("echte-kcc")
    replies = servers.say_kcc(sender, "Mevrouw belt over schulden en ze slaapt slecht")
    assert _has_card(replies), replies


# 7. bad input got a 500 or a silent [] --------------------------------------------------
@pytest.mark.parametrize("body", [
    b"", b"[]", b'"hallo"', b"42", b"null", b"{", b'{"sender": "a", "message": "hallo"',
    b'\xff\xfe{"sender": "a"}',
    b'{"sender": "a"}', b'{"sender": "a", "message": 5}', b'{"sender": "a", "message": ["x"]}',
    b'{"sender": "a", "message": {"x": 1}}', b'{"sender": "a", "message": null}',
    b'{"sender": "a", "message": ""}', b'{"sender": "a", "message": "   \\u200b "}',
    b'{"message": "hallo"}', b'{"sender": "", "message": "hallo"}', b'{"sender": 7, "message": "hallo"}',
    b'{"sender": "../../etc", "message": "hallo"}',
    b'{"sender": "a", "message": "hallo", "metadata": "kcc"}',
    b'{"sender": "a", "message": "hallo", "metadata": ["rol", "kcc"]}',
])
def test_malformed_requests_get_a_clear_400(servers, body):
    status, answer = servers.post(body)
    assert status == 400, (body, status, answer)
    assert isinstance(answer, dict) and answer.get("error") and answer.get("code"), answer


def test_a_huge_message_gets_a_friendly_refusal_and_a_short_log(servers):
    huge = "Ik ben " + NAME + ", bel me op " + PHONE + ". " + "Ik heb hulp nodig. " * 55_000
    status, answer = servers.post(json.dumps({"sender": _sender("groot"), "message": huge}).encode())
    assert status == 400 and "te lang" in answer["error"], (status, str(answer)[:200])
    for log in servers.log_dir.glob("*.log"):
        assert max((len(line) for line in log.read_text(encoding="utf-8").splitlines()), default=0) < 5000


def test_the_rest_channel_ignores_a_claimed_input_channel_and_stream(servers):
    sender = _sender("kanaal")
    status, answer = servers.post(json.dumps({"sender": sender, "message": "hallo", "input_channel": "kcc",
                                              "stream": True}).encode())
    assert status == 200 and isinstance(answer, list) and _texts(answer)


def test_fifty_messages_at_once_on_one_sender_are_bounded(servers):
    sender = _sender("vijftig")
    body = json.dumps({"sender": sender, "message": "hallo"}).encode()
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda _: servers.post(body, timeout=120), range(50)))
    statuses = [status for status, _ in results]
    assert set(statuses) <= {200, 429}, statuses
    assert statuses.count(429) >= 40, statuses  # at most a few wait; the rest hear "een moment"
    for status, answer in results:
        if status == 200:
            assert _texts(answer)
        else:
            assert "moment" in answer["error"]
    assert _texts(servers.say(sender, "Ik voel me alleen"))


def test_thirty_conversations_at_once(servers):
    def converse(i: int):
        sender = _sender(f"dertig{i}")
        first = servers.say(sender, "hallo", timeout=180)
        second = servers.say(sender, "Ik heb schulden en slaap slecht", timeout=180)
        return _texts(first) and _texts(second)

    with ThreadPoolExecutor(max_workers=30) as pool:
        answered = list(pool.map(converse, range(30)))
    assert all(answered)


# 8. logs kept identifiers --------------------------------------------------------------
def test_logs_keep_no_identifiers(servers):
    sender = _sender("log")
    servers.say(sender, f"Ik ben {NAME}, bel me op {PHONE} of mail jan.devries@example.nl")
    servers.say(sender, f"mijn bsn is 111222333 en {PHONE}")
    for log in servers.log_dir.glob("*.log"):
        content = log.read_text(encoding="utf-8")
        for raw in (PHONE, PHONE.replace(" ", ""), NAME, "jan.devries@example.nl", "111222333"):
            assert raw not in content, f"{raw!r} in {log.name}"
        for line in content.splitlines():
            assert json.loads(line)["dienst"] in ("rasa", "actions"), line[:200]
