"""bot/learned/reading.py gives the model's own results, value for value, computed once per text."""

import numpy as np
import pytest
import yaml

from bot import paths
from bot.learned import reading, training
from bot.learned.features import analyse
from bot.learned.layer import default_model
from bot.triage.bench import training_sentences

pytestmark = pytest.mark.skipif(not training.ARTEFACT.exists(), reason="no learned artefact; run make setup")

EDGE_CASES = ["", "   ", "!!!", "xqzt", "ik", "Ik wil niet meer leven. " * 40, "ik wil dood ik wil dood ik wil dood",
              "Ik heb geen geld meer en mijn huis wordt ontruimd", "Мне нужна помощь", "ik zit in de schulden 💸💸"]


def _texts():
    texts = training_sentences()[::12]  # some 700 texts in all: the reference is slow
    for path in sorted((paths.DATA / "corpus" / "zinnen").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts += [z for z in block.get("zinnen", [])[::8] if isinstance(z, str)]
    return texts + EDGE_CASES


@pytest.fixture(scope="module")
def model():
    found = default_model()
    assert reading.has_fast_path(found), "the fast path must apply to the trained model, or this tests nothing"
    return found


def test_the_tfidf_row_has_the_vectorizers_arrays(model):
    for text in _texts():
        slow, fast = model.vectorizer.transform([text]), reading.tfidf_row(model.vectorizer, analyse(text))
        assert fast.shape == slow.shape and fast.data.dtype == slow.data.dtype, text
        assert np.array_equal(fast.indptr, slow.indptr), text
        assert np.array_equal(fast.indices, slow.indices), text  # the order too: the sums follow it
        assert np.array_equal(fast.data, slow.data), text


def test_probabilities_and_fragments_are_the_models_own(model):
    for i, text in enumerate(_texts()):
        read = reading.TextReading(model, text)
        assert read.probabilities() == model.probabilities(text), text
        for label in model.labels[i % 10::10]:  # every label, on some 70 texts each
            assert read.fragment(label) == model.fragment(text, label), (text, label)


def test_other_models_and_other_library_versions_are_asked_directly(model, monkeypatch):
    class Fake:
        def probabilities(self, text):
            return {"crisis": 0.25}

        def fragment(self, text, label):
            return text[:3]

    fake = reading.TextReading(Fake(), "hallo daar allemaal")
    assert fake.probabilities() == {"crisis": 0.25} and fake.fragment("crisis") == "hal"
    monkeypatch.setattr(reading.sklearn, "__version__", "9.9.9")
    assert not reading.has_fast_path(model)
    text = "ik weet niet hoe ik verder moet"
    assert reading.TextReading(model, text).probabilities() == model.probabilities(text)
