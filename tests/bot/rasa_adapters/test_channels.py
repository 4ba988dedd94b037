"""The channel helpers that need no server: socket.io origins, the per-sender gate, body decoding."""

from __future__ import annotations

from bot.inbound import Refusal
from bot.rasa_adapters.channels import allowed_origins, decode_body
from bot.rasa_adapters.gate import SenderGate


def test_socketio_origins_come_from_rasa_cors_plus_the_web_app(monkeypatch):
    monkeypatch.setenv("RASA_CORS", "https://www.gemeente.example, https://chat.gemeente.example")
    monkeypatch.setenv("WEB_PORT", "8123")
    assert allowed_origins() == ["https://www.gemeente.example", "https://chat.gemeente.example",
                                 "http://127.0.0.1:8123", "http://localhost:8123"]
    monkeypatch.setenv("RASA_CORS", "*")
    assert allowed_origins() == "*"
    monkeypatch.delenv("RASA_CORS")
    assert "https://www.gemeente.example" not in allowed_origins()


def test_the_gate_admits_a_few_messages_per_sender_and_frees_them():
    gate = SenderGate(limit=2)
    with gate.admit("a") as first, gate.admit("a") as second, gate.admit("a") as third, gate.admit("b") as other:
        assert (first, second, third, other) == (True, True, False, True)
    with gate.admit("a") as again:
        assert again


def test_bodies_that_are_not_json_are_refused():
    assert isinstance(decode_body(b"\xff\xfe"), Refusal)
    assert isinstance(decode_body(b"{"), Refusal)
    assert isinstance(decode_body(b"x" * 70_000), Refusal)
    assert decode_body(b"") is None
    assert decode_body(b'{"sender": "a"}') == {"sender": "a"}
