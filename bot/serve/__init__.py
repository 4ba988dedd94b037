"""Running the servers: secrets, a supervisor that restarts what dies, redacted rotating logs.

``python -m bot.serve run`` is what ``make run`` starts after its checks;
``python -m bot.serve env`` prints the secrets as shell exports for the
scripts (``rasa test`` reads endpoints.yml, which names the action secret).
"""
