"""Adapters between Rasa and the domain core (``bot/``), at the edge of the house.

- ``channels``: the REST and socket.io input channels that every message
  from outside passes (checked by ``bot.inbound`` before Rasa sees it);
- ``server``: the Rasa server's composition root (``python -m
  bot.rasa_adapters.server``): logging, the API token, the speed patches,
  then Rasa's own ``serve_application``.
"""
