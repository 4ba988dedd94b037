"""What a channel says itself when a turn cannot be answered normally.

Every such answer keeps the safety line (112, 113) and the gemeente's phone
route: the message that failed may have been a crisis.
"""

from __future__ import annotations

from bot.config import settings


def safety_line() -> str:
    nood = settings().noodnummers
    return (f"Is er direct gevaar? Bel {nood.get('algemeen', '112')}. "
            f"Denkt u aan zelfdoding? Bel {nood.get('zelfmoordpreventie', '113')}.")


def turn_failed() -> str:
    """The answer when the turn failed (storage down, an error in the assistant)."""
    return (f"Sorry, er ging iets mis aan onze kant. Uw bericht is misschien niet bewaard. "
            f"Probeer het zo nog eens. {settings().contact_route} {safety_line()}")


def assistant_unavailable() -> str:
    """The answer when the assistant gave no answer at all (for example no model loaded)."""
    return (f"Sorry, de assistent kan nu even niet antwoorden. Probeer het later nog eens. "
            f"{settings().contact_route} {safety_line()}")


def refused(error: str) -> str:
    """A refusal shown in the chat (socket.io), with the safety line."""
    return f"{error} {safety_line()}"


def action_server_down() -> str:
    """The answer when the assistant's own logic cannot be reached (the action server is down)."""
    return (f"Sorry, er ging iets mis aan onze kant. Ik kan uw bericht nu niet goed verwerken. "
            f"Probeer het over een paar minuten nog eens. {settings().contact_route} {safety_line()}")
