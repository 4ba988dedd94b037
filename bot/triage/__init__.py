"""Triage of a hulpvraag: themes, signals with evidence, advice, suggestions."""


def triage(text, **kwargs):
    """See bot.triage.engine.triage (imported lazily: the CLI stays light)."""
    from bot.triage.engine import triage as _triage

    return _triage(text, **kwargs)


__all__ = ["triage"]
