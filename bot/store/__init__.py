"""Shared storage infrastructure: engine and sessions from DATABASE_URL, `Base`, schema upgrade (bot.store.db) and `python -m bot db` (bot.store.cli)."""
