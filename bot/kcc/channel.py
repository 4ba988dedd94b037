"""The trusted KCC channel: the web app talks to Rasa's REST webhook server-side.

Only this process knows ``KCC_CHANNEL_SECRET``; it adds the role and its
proof (``bot.inbound.role_proof.sign_role``) to every message, so the
browser never sees or sets them. Rasa's public channels keep dropping a
``rol`` without a valid proof.
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from bot.inbound.role_proof import sign_role

ROLE = "kcc"
TIMEOUT_SECONDS = 60.0


class ChannelError(RuntimeError):
    """Rasa could not answer; the message is Dutch and may be shown to the medewerker."""


def new_sender() -> str:
    """A fresh conversation id for the next caller."""
    return f"kcc-{secrets.token_hex(12)}"


@dataclass(frozen=True)
class KccChannel:
    rasa_url: str  # e.g. http://127.0.0.1:5005
    secret: Optional[str] = None  # default: KCC_CHANNEL_SECRET from the environment

    def metadata(self, sender: str) -> Dict[str, str]:
        return {"rol": ROLE, "rol_bewijs": sign_role(sender, ROLE, self.secret)}

    def send(self, sender: str, text: str, timeout: float = TIMEOUT_SECONDS) -> List[Dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": text, "metadata": self.metadata(sender)}).encode("utf-8")
        request = urllib.request.Request(f"{self.rasa_url}/webhooks/rest/webhook", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                replies = json.loads(response.read().decode("utf-8") or "[]")
        except urllib.error.HTTPError as error:
            if error.code == 429:
                raise ChannelError("Even geduld: het vorige bericht wordt nog verwerkt.") from error
            raise ChannelError(_refusal(error) or "De assistent gaf een fout. Probeer het opnieuw.") from error
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            raise ChannelError("De assistent is nu niet bereikbaar. Probeer het zo opnieuw.") from error
        if not isinstance(replies, list):
            raise ChannelError("De assistent gaf een onverwacht antwoord.")
        return [r for r in replies if isinstance(r, dict)]


def _refusal(error: urllib.error.HTTPError) -> str:
    """The Dutch ``error`` of a 400 answer from the checked channel, if any."""
    try:
        return str(json.loads(error.read().decode("utf-8")).get("error") or "")
    except (ValueError, AttributeError):
        return ""
