"""RulePolicy skips a rule search whose result it would throw away."""

from __future__ import annotations

from typing import Any


def decide_loop_happy_path_first() -> None:
    """While a form is active and the person answers it, predict the form without a rule search.

    ``RulePolicy._predict`` first searches the rules with the text of the
    latest message (end-to-end rules), featurising the whole conversation,
    and then returns the active loop's happy path anyway whenever there is one
    and no default action applies: the text search only matters next to a
    default action. Here that case is recognised first and answered with
    exactly the prediction Rasa returns for it; every other case goes to
    Rasa's own ``_predict``. The searches have no side effects, so skipping
    one changes nothing but the time.
    """
    from rasa.core.policies.rule_policy import RulePolicy

    if getattr(RulePolicy._predict, "_happy_path_first", False):
        return
    original = RulePolicy._predict

    def _predict(self, tracker, domain) -> Any:
        if tracker.active_loop_name and not self._find_action_from_default_actions(tracker)[0]:
            action_name, source = self._find_action_from_loop_happy_path(tracker)
            if action_name:
                prediction = self._rule_prediction(self._prediction_result(action_name, tracker, domain), source,
                                                   is_no_user_prediction=True)
                return prediction, source
        return original(self, tracker, domain)

    _predict._happy_path_first = True  # type: ignore[attr-defined]
    _predict._original = original  # type: ignore[attr-defined]
    RulePolicy._predict = _predict
