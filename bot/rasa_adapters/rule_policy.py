"""The project's RulePolicy: an active form's happy path without a rule search it would discard.

Named in config.yml instead of ``RulePolicy``, with the same options (it is
registered with Rasa's recipe like RulePolicy itself, so training, ``rasa
test`` and the Rasa server all run it). tests/bot/test_rasa_speedups_model.py
runs the trained model with and without the override and compares every
prediction with Rasa's own.
"""

from __future__ import annotations

from typing import Optional, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class HappyPathFirstRulePolicy(RulePolicy):
    """RulePolicy that predicts an active form without a rule search while the person answers it.

    ``RulePolicy._predict`` first searches the rules with the text of the
    latest message (end-to-end rules), featurising the whole conversation,
    and then returns the active loop's happy path anyway whenever there is one
    and no default action applies: the text search only matters next to a
    default action. Here that case is recognised first and answered with
    exactly the prediction Rasa returns for it; every other case goes to
    RulePolicy's own ``_predict``. The searches have no side effects, so
    skipping one changes nothing but the time.
    """

    def _predict(self, tracker: DialogueStateTracker, domain: Domain) -> Tuple[PolicyPrediction, Optional[str]]:
        if tracker.active_loop_name and not self._find_action_from_default_actions(tracker)[0]:
            action_name, source = self._find_action_from_loop_happy_path(tracker)
            if action_name:
                prediction = self._rule_prediction(self._prediction_result(action_name, tracker, domain), source,
                                                   is_no_user_prediction=True)
                return prediction, source
        return super()._predict(tracker, domain)
