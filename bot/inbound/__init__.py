"""What a channel accepts from the outside world, before Rasa sees it.

Plain Python, no Rasa: the channels in ``bot.rasa_adapters.channels`` (REST
and socket.io) and the web app call the same checks, so every door applies
the same rules.

- ``message``: a request body becomes an ``Inbound`` message or a ``Refusal``
  with a Dutch reason (wrong types, empty or odd sender, text too long,
  invalid Unicode repaired);
- ``role_proof``: the KCC role is trusted only with an HMAC made by a
  process that holds the channel secret (the web app's KCC console).
"""

from bot.inbound.message import Inbound, Refusal, clean_text, parse_inbound
from bot.inbound.role_proof import sign_role, verified_role

__all__ = ["Inbound", "Refusal", "clean_text", "parse_inbound", "sign_role", "verified_role"]
