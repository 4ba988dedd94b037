"""Rasa's LogisticRegressionClassifier, tolerant of messages without features.

Rasa 3.6's LogisticRegressionClassifier crashes on a message that has no
tokens (an empty or whitespace-only message: no sparse features, so the
feature matrix has the wrong width). Such messages get no intent here, like
DIET gives them, and the FallbackClassifier turns that into ``nlu_fallback``.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


def _has_features(message: Message) -> bool:
    sparse = message.get_sparse_features(attribute=TEXT)[1]
    dense = message.get_dense_features(attribute=TEXT)[1]
    return sparse is not None or dense is not None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TolerantLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression intents; messages without features get no intent."""

    def process(self, messages: List[Message]) -> List[Message]:
        featured = [m for m in messages if _has_features(m)]
        if featured:
            super().process(featured)
        for message in messages:
            if not _has_features(message):
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages
