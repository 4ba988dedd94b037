"""Triage of a hulpvraag: themes, signals with evidence, advice, suggestions."""


def triage(text, **kwargs):
    """See bot.triage.engine.triage (imported lazily: the CLI stays light)."""
    from bot.triage.engine import triage as _triage

    return _triage(text, **kwargs)


def crisis_signals(text):
    """See bot.triage.engine.crisis_signals."""
    from bot.triage.engine import crisis_signals as _crisis_signals

    return _crisis_signals(text)


def needs_safety_look(text, learned=True):
    """See bot.triage.engine.needs_safety_look."""
    from bot.triage.engine import needs_safety_look as _needs_safety_look

    return _needs_safety_look(text, learned)


__all__ = ["crisis_signals", "needs_safety_look", "triage"]
