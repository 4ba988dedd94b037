"""The tolerant classifier: its feature test, and its coefficients prepared for prediction."""

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from sklearn.linear_model import LogisticRegression

from nlu_components.tolerant_logistic_regression import _has_features, prepare_for_prediction


def _message(*features: Features) -> Message:
    message = Message(data={TEXT: "ik zoek hulp"})
    for f in features:
        message.add_features(f)
    return message


def test_features_are_found_without_combining_them():
    sentence = Features(scipy.sparse.coo_matrix([[1.0, 0.0]]), FEATURE_TYPE_SENTENCE, TEXT, "cvf")
    assert _has_features(_message(sentence))
    # the same answer Rasa's combined lookup gives
    assert _message(sentence).get_sparse_features(TEXT)[1] is not None


def test_no_text_sentence_features_means_no_features():
    sequence_only = Features(scipy.sparse.coo_matrix([[1.0]]), FEATURE_TYPE_SEQUENCE, TEXT, "cvf")
    other_attribute = Features(scipy.sparse.coo_matrix([[1.0]]), FEATURE_TYPE_SENTENCE, INTENT, "cvf")
    assert not _has_features(_message())
    assert not _has_features(_message(sequence_only))
    assert not _has_features(_message(other_attribute))
    assert _message(sequence_only, other_attribute).get_sparse_features(TEXT)[1] is None


def test_prepared_coefficients_give_the_same_probabilities_without_a_copy():
    rng = np.random.default_rng(0)
    x = scipy.sparse.random(60, 40, density=0.2, format="csr", random_state=1)
    y = rng.integers(0, 3, size=60)
    clf = LogisticRegression(max_iter=500).fit(x, y)
    before = clf.predict_proba(x)
    prepare_for_prediction(clf)
    assert clf.coef_.T.flags.c_contiguous
    assert np.allclose(clf.predict_proba(x), before)
    prepare_for_prediction(clf)  # idempotent
    assert clf.coef_.T.flags.c_contiguous
