"""The socket.io channel, as the chat widget uses it: replies arrive, sessions survive a reconnect.

A real python-socketio client against the real Rasa server. Every wait is
bounded.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Optional

import pytest
import socketio

pytestmark = pytest.mark.e2e

WAIT = 60.0


class Widget:
    """A socket.io client that behaves like the chat widget: one session id, kept across reconnects."""

    def __init__(self, url: str, session_id: Optional[str] = None, origin: Optional[str] = None) -> None:
        self.url = url
        self.session_id = session_id or uuid.uuid4().hex
        self.origin = origin
        self.received: List[Dict[str, Any]] = []
        self.confirmed: Optional[str] = None
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("bot_uttered", self._bot_uttered)
        self.client.on("session_confirm", self._session_confirm)

    async def _bot_uttered(self, data: Dict[str, Any]) -> None:
        self.received.append(data)

    async def _session_confirm(self, session_id: str) -> None:
        self.confirmed = session_id

    async def connect(self) -> None:
        headers = {"Origin": self.origin} if self.origin else {}
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["websocket"], headers=headers,
                                  wait_timeout=WAIT)
        await self.client.emit("session_request", {"session_id": self.session_id})
        await self._until(lambda: self.confirmed is not None)

    async def say(self, message: str, metadata: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """Send a message; the replies that arrive until the assistant is quiet for a moment."""
        start = len(self.received)
        payload: Dict[str, Any] = {"message": message, "session_id": self.session_id}
        if metadata:
            payload["metadata"] = metadata
        await self.client.emit("user_uttered", payload)
        await self._until(lambda: len(self.received) > start)
        quiet_since, seen = asyncio.get_running_loop().time(), len(self.received)
        while asyncio.get_running_loop().time() - quiet_since < 1.5:
            await asyncio.sleep(0.1)
            if len(self.received) != seen:
                quiet_since, seen = asyncio.get_running_loop().time(), len(self.received)
        return self.received[start:]

    async def _until(self, condition, timeout: float = WAIT) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("no answer over socket.io within the time limit")
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        await self.client.disconnect()


def _texts(replies) -> str:
    return " ".join(r.get("text", "") for r in replies)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=300))


def test_welcome_and_a_hulpvraag_over_socketio(servers):
    async def talk():
        widget = Widget(servers.rasa_url)
        await widget.connect()
        assert widget.confirmed == widget.session_id
        welcome = await widget.say("hallo")
        assert "112" in _texts(welcome) and "113" in _texts(welcome), welcome
        answer = await widget.say("Ik voel me alleen sinds ik verhuisd ben")
        assert _texts(answer), answer
        await widget.close()

    run(talk())


def test_a_crisis_message_gets_113_over_socketio(servers):
    async def talk():
        widget = Widget(servers.rasa_url)
        await widget.connect()
        answer = await widget.say("ik wil niet meer leven")
        assert "113" in _texts(answer), answer
        assert not any("aanbod" in str(r.get("custom", "")) for r in answer)
        await widget.close()

    run(talk())


def test_a_reconnect_with_the_same_session_id_continues_the_conversation(servers, e2e_engine):
    from sqlalchemy import text

    async def talk():
        widget = Widget(servers.rasa_url)
        await widget.connect()
        await widget.say("Ik heb steeds meer schulden")
        await widget.close()
        again = Widget(servers.rasa_url, session_id=widget.session_id)
        await again.connect()
        assert again.confirmed == widget.session_id
        answer = await again.say("Voor mijzelf")
        assert _texts(answer), answer
        await again.close()
        return widget.session_id

    session_id = run(talk())
    with e2e_engine.connect() as conn:
        users = conn.execute(text("select count(*) from events where sender_id = :s and type_name = 'user'"),
                             {"s": session_id}).scalar_one()
    assert users == 2


def test_an_odd_session_id_gets_a_fresh_one(servers):
    async def talk():
        widget = Widget(servers.rasa_url, session_id="1")
        await widget.connect()
        assert widget.confirmed and widget.confirmed != "1" and len(widget.confirmed) >= 16
        await widget.close()

    run(talk())


def test_the_kcc_card_arrives_as_a_custom_payload_with_proof_only(servers):
    async def talk():
        widget = Widget(servers.rasa_url)
        await widget.connect()
        forged = await widget.say("Mevrouw belt over schulden", metadata={"rol": "kcc"})
        assert not any("custom" in r for r in forged), forged
        kcc = Widget(servers.rasa_url)
        await kcc.connect()
        card = await kcc.say("Mevrouw belt over schulden", metadata=servers.kcc_metadata(kcc.session_id))
        assert any((r.get("custom") or {}).get("triage_kaart") for r in card), card
        await widget.close()
        await kcc.close()

    run(talk())


def test_bad_socketio_messages_get_a_reason_in_the_chat(servers):
    async def talk():
        widget = Widget(servers.rasa_url)
        await widget.connect()
        for bad in ("", "x" * 6000):
            answer = await widget.say(bad)
            assert answer and answer[0].get("fout"), answer
            assert "113" in _texts(answer)
        await widget.client.emit("user_uttered", "geen object")
        answer = await widget.say("hallo")
        assert _texts(answer)
        await widget.close()

    run(talk())


def test_a_foreign_origin_is_refused(servers):
    async def talk():
        widget = Widget(servers.rasa_url, origin="https://aanvaller.example")
        with pytest.raises(socketio.exceptions.ConnectionError):
            await widget.connect()

    run(talk())


def test_the_web_apps_origin_is_accepted(servers):
    async def talk():
        widget = Widget(servers.rasa_url, origin="http://127.0.0.1:8000")
        await widget.connect()
        assert widget.confirmed
        await widget.close()

    run(talk())
