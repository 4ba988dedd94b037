"""A weak learned signal counts for the advice but does not choose the theme (bot/triage/engine.py)."""

from bot.learned.layer import learned_probability
from bot.triage.engine import LEARNED_STEERS_FROM, _steering
from bot.triage.result import Signal


def learned(code: str, soort: str, kans: float) -> Signal:
    return Signal(code, soort, "tot 4 uur 's nachts", f"geleerd (kans {kans:.2f})")


def test_the_probability_is_read_back_from_the_reason_shown_to_professionals():
    assert learned_probability(learned("contra_verslaving", "contra", 0.31)) == 0.31
    assert learned_probability(Signal("contra_verslaving", "contra", "verslaafd", "verslaving_woord")) is None


def test_weak_learned_signals_do_not_steer_the_theme():
    rule = Signal("indicatie_lotgenoten", "indicatie", "andere ouders", "lotgenoten")
    weak = learned("contra_huiselijk_geweld", "contra", LEARNED_STEERS_FROM - 0.28)
    sure = learned("contra_verslaving", "contra", LEARNED_STEERS_FROM + 0.2)
    assert _steering([rule, weak, sure]) == [rule, sure]


def test_crisis_always_steers_whatever_its_probability():
    crisis = learned("crisis_suicide", "crisis", 0.41)
    assert _steering([crisis]) == [crisis]
