"""Thin Rasa SDK adapters: tracker state -> bot/ -> events and responses.

One module per concern (session, info, triage, crisis, forms, ask, aanmelding,
handover, fallback). Decisions live in bot/dialogue and bot/aanmelding.
"""
