"""The web app's settings: the environment for the process, bot.config for the gemeente.

  WEB_PORT            port of the web app, on 127.0.0.1 only (8000)
  RASA_PORT           port of the Rasa server (5005); the KCC console calls its
                      REST webhook on 127.0.0.1 server-side
  WIDGET_SOCKET_URL   where browsers reach Rasa's socket.io channel
                      (default http://127.0.0.1:$RASA_PORT); behind a reverse
                      proxy this is the public address of /socket.io/
  WEB_SECRET_KEY      key for signed cookies (staff pages); make run generates it
                      once into var/secrets.env; without it a random key per process
  KCC_CHANNEL_SECRET  signs the KCC role of the console's messages (bot.inbound)
  SESSIE_INACTIEF_MINUTEN  overrides medewerkers.sessie_inactief_minuten of
                      data/gemeente.yml (idle timeout of staff sessions)
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional
from urllib.parse import urlsplit

from bot import paths
from bot.config import Settings, settings

HOST = "127.0.0.1"


class WebConfigError(ValueError):
    """A setting of the web app is malformed; the message names it."""


@dataclass(frozen=True)
class WebConfig:
    port: int
    socket_url: str
    secret_key: str
    node_modules: Path
    gemeente: Settings
    rasa_url: str = "http://127.0.0.1:5005"  # Rasa's REST webhook, called server-side by the KCC console

    @property
    def socket_origins(self) -> tuple[str, ...]:
        """The CSP connect-src entries for the socket.io URL (http(s) and its ws(s) twin)."""
        parts = urlsplit(self.socket_url)
        ws = "wss" if parts.scheme == "https" else "ws"
        return f"{parts.scheme}://{parts.netloc}", f"{ws}://{parts.netloc}"

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None,
                 gemeente: Optional[Settings] = None) -> "WebConfig":
        env = os.environ if env is None else env
        port = _port(env.get("WEB_PORT", "8000"), "WEB_PORT")
        rasa_port = _port(env.get("RASA_PORT", "5005"), "RASA_PORT")
        socket_url = (env.get("WIDGET_SOCKET_URL") or f"http://127.0.0.1:{rasa_port}").rstrip("/")
        parts = urlsplit(socket_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise WebConfigError(f"WIDGET_SOCKET_URL '{socket_url}' must be http(s)://host[:port]")
        return cls(port=port, socket_url=socket_url,
                   secret_key=env.get("WEB_SECRET_KEY") or secrets.token_hex(32),
                   node_modules=Path(env.get("WEB_NODE_MODULES") or paths.ROOT / "node_modules"),
                   gemeente=gemeente or settings(), rasa_url=f"http://127.0.0.1:{rasa_port}")


def _port(value: str, name: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise WebConfigError(f"{name} '{value}' is not a port number")
    return int(value)
