"""Rasa's LogisticRegressionClassifier, tolerant of messages without features.

Rasa 3.6's LogisticRegressionClassifier crashes on a message that has no
tokens (an empty or whitespace-only message: no sparse features, so the
feature matrix has the wrong width). Such messages get no intent here, like
DIET gives them, and the FallbackClassifier turns that into ``nlu_fallback``.
"""

from __future__ import annotations

from typing import Any, List

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


def _has_features(message: Message) -> bool:
    """Whether the message has sentence features of its text (what the classifier reads).

    Looked up without combining them: Rasa's ``get_sparse_features`` stacks
    every featurizer's matrices, which cost about a quarter of a parse when
    it was called here only to test for their presence (py-spy, 2026-12-03).
    """
    return any(f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE for f in message.features)


def prepare_for_prediction(clf: Any) -> None:
    """Store the coefficients column-major, so that ``X @ coef_.T`` reads them in place.

    scikit-learn computes the scores as ``X @ coef_.T``; with the usual row-major
    ``coef_`` that transpose is column-major and scipy copies it on every call
    (one theme x feature matrix per parse: 3.5 ms of a 12 ms parse once the theme
    sentences in six other languages grew the character n-grams, measured
    2026-12-03). Same numbers, no copy.
    """
    coef = getattr(clf, "coef_", None)
    if coef is not None and not coef.flags.f_contiguous:
        clf.coef_ = np.asfortranarray(coef)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TolerantLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression intents; messages without features get no intent."""

    def process(self, messages: List[Message]) -> List[Message]:
        featured = [_has_features(m) for m in messages]
        prepare_for_prediction(self.clf)
        if any(featured):
            super().process([m for m, has in zip(messages, featured, strict=True) if has])
        for message, has in zip(messages, featured, strict=True):
            if not has:
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages
