"""Triage of a hulpvraag: themes, signals with evidence, advice, suggestions."""


def triage(text, **kwargs):
    """See bot.triage.engine.triage (imported lazily: the CLI stays light)."""
    from bot.triage.engine import triage as _triage

    return _triage(text, **kwargs)


def crisis_signals(text):
    """See bot.triage.engine.crisis_signals."""
    from bot.triage.engine import crisis_signals as _crisis_signals

    return _crisis_signals(text)


__all__ = ["crisis_signals", "triage"]
