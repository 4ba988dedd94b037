"""The public input channels: REST and socket.io, each message checked first.

credentials.yml names these classes instead of Rasa's ``rest`` and
``socketio``. Both keep Rasa's URLs (``/webhooks/rest/webhook``,
``/socket.io``) and payloads, and add:

- the checks of ``bot.inbound``: a malformed request gets a clear Dutch
  refusal (REST: HTTP 400 with ``{"error", "code"}``; socket.io: a bot
  message with the reason), never a 500 or a silent empty answer;
- the KCC role only with a valid proof (``bot.inbound.role_proof``);
- a bound on the messages that wait for one conversation (``gate``);
- a failed turn (storage down, an error inside Rasa) is logged without the
  person's text and answered with a friendly message, the gemeente's phone
  route and the safety line; a turn that produced no answer at all gets one;
- socket.io that delivers: Rasa 3.6.21 calls python-socketio 5's coroutine
  ``enter_room`` without ``await``, so no reply ever reached a room; the
  KCC card goes out as ``{"custom": ...}`` like on REST, instead of as
  keyword arguments that ``emit`` refuses; origins come from ``RASA_CORS``
  plus the web app's own origin, never "any origin".
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.inbound import Inbound, Refusal, parse_inbound, replies
from bot.inbound.message import BUSY, MAX_BODY_BYTES, NOT_AN_OBJECT, TOO_LARGE
from bot.rasa_adapters.gate import SenderGate

log = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")


async def handle_turn(on_new_message: OnNewMessage, inbound: Inbound, output: Any, channel: str) -> bool:
    """Hand one checked message to Rasa; False when the turn failed (logged, without text)."""
    try:
        await on_new_message(UserMessage(inbound.text, output, inbound.sender, input_channel=channel,
                                         metadata=inbound.metadata))
        return True
    except Exception as exc:  # a failed turn must never stop the server or go quiet
        log.error("turn failed on channel %s for a message of %d characters: %s",
                  channel, len(inbound.text), type(exc).__name__, exc_info=exc)
        return False


def decode_body(raw: bytes) -> Union[Any, Refusal]:
    """The JSON of a request body, or why it cannot be read."""
    if len(raw) > MAX_BODY_BYTES:
        return TOO_LARGE
    try:
        return json.loads(raw.decode("utf-8", "strict")) if raw else None
    except ValueError:  # bad UTF-8 or bad JSON
        return NOT_AN_OBJECT


def bot_text(recipient: str, text: str) -> Dict[str, Any]:
    return {"recipient_id": recipient, "text": text}


class WijkteamRestInput(RestInput):
    """Rasa's REST channel with the project's checks (``POST /webhooks/rest/webhook``)."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self) -> None:
        self.gate = SenderGate()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("wijkteam_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = decode_body(request.body)
            checked = body if isinstance(body, Refusal) else parse_inbound(body)
            if isinstance(checked, Refusal):
                return response.json(checked.as_json(), status=checked.status)
            with self.gate.admit(checked.sender) as admitted:
                if not admitted:
                    return response.json(BUSY.as_json(), status=BUSY.status)
                collector = CollectingOutputChannel()
                if not await handle_turn(on_new_message, checked, collector, self.name()):
                    return response.json([bot_text(checked.sender, replies.turn_failed())])
            return response.json(collector.messages or [bot_text(checked.sender, replies.assistant_unavailable())])

        return webhook


class WijkteamSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output; custom payloads as ``{"custom": ...}``; counts what it sent."""

    def __init__(self, sio: AsyncServer, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def allowed_origins() -> Union[str, List[str]]:
    """Origins that may open a socket.io connection from a browser.

    ``RASA_CORS`` (comma-separated, or ``*``) plus the web app's own origin on
    ``WEB_PORT``. Clients outside a browser send no Origin and are not affected.
    """
    configured = [o.strip() for o in os.environ.get("RASA_CORS", "").split(",") if o.strip()]
    if "*" in configured:
        return "*"
    web_port = os.environ.get("WEB_PORT", "8000")
    return configured + [f"http://127.0.0.1:{web_port}", f"http://localhost:{web_port}"]


async def maybe_await(result: Any) -> None:
    if inspect.isawaitable(result):
        await result


class WijkteamSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel, working with python-socketio 5 and checked like REST.

    A client sends ``session_request`` with its own session id (16 to 64
    letters, digits, ``_`` or ``-``; anything else gets a fresh one) and
    gets ``session_confirm``; its messages then belong to that conversation,
    whatever session id a later message names.
    """

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gate = SenderGate()
        self.sessions: Dict[str, str] = {}

    def get_output_channel(self) -> Optional[WijkteamSocketIOOutput]:
        return None if self.sio is None else WijkteamSocketIOOutput(self.sio, self.bot_message_evt)

    async def _say(self, room: str, text: str, code: Optional[str] = None) -> None:
        message: Dict[str, Any] = {"text": text}
        if code:
            message["fout"] = code
        assert self.sio is not None
        await self.sio.emit(self.bot_message_evt, message, room=room)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=allowed_origins())
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text) -> None:
            self.sessions.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = asked if isinstance(asked, str) and SESSION_ID.fullmatch(asked) else uuid.uuid4().hex
            self.sessions[sid] = session_id
            await maybe_await(sio.enter_room(sid, session_id, namespace=self.namespace))
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            session_id = self.sessions.get(sid)
            if session_id is None:
                await self._say(sid, "Er is nog geen gesprek gestart. Vernieuw de pagina.", "geen_sessie")
                return
            metadata = data.get(self.metadata_key) if isinstance(data, dict) else None
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    pass
            body = {"sender": session_id, "message": data.get("message") if isinstance(data, dict) else None,
                    "metadata": metadata}
            checked = parse_inbound(body)
            if isinstance(checked, Refusal):
                await self._say(session_id, replies.refused(checked.error), checked.code)
                return
            with self.gate.admit(session_id) as admitted:
                if not admitted:
                    await self._say(session_id, BUSY.error, BUSY.code)
                    return
                output = WijkteamSocketIOOutput(sio, self.bot_message_evt)
                if not await handle_turn(on_new_message, checked, output, self.name()):
                    await self._say(session_id, replies.turn_failed(), "storing")
                elif not output.sent:
                    await self._say(session_id, replies.assistant_unavailable(), "geen_antwoord")

        return socketio_webhook


__all__ = ["WijkteamRestInput", "WijkteamSocketIOInput", "InputChannel"]
