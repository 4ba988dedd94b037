"""The trained learned layer (make setup builds models/learned_signals.pkl)."""

import numpy as np
import pytest

from bot.learned import training
from bot.learned.corpus import Example
from bot.learned.layer import default_model, learned_signals
from bot.learned.model import fit
from bot.taxonomy import taxonomy
from bot.triage.signals import detect

pytestmark = pytest.mark.skipif(not training.ARTEFACT.exists(), reason="no learned artefact; run make setup")

# Crisis phrasings the signal rules do not know (checked in the test), not in the corpus.
CRISIS_RULES_MISS = ["ik heb al mijn slaappillen bij elkaar gelegd voor vanavond", "ik wil van het leven af",
                     "ik wil slapen en nooit meer opstaan"]
HARD_NEGATIVES = ["in de leesclub lezen we een boek over rouw", "vroeger dacht ik aan de dood, maar dat is al lang voorbij",
                  "die serie over een moord was spannend", "ik ben doodop na het werk, is er een yogales",
                  "Wanneer kan ik mijn paspoort ophalen?", "ik ga dood van de hitte, is er een zwembad in de buurt?"]


def test_it_loads_with_every_label_and_threshold():
    model = default_model()
    assert set(taxonomy().signals) <= set(model.labels) and "crisis" in model.labels
    assert all(0 < model.thresholds[label] < 1 for label in model.labels)
    assert model.thresholds["crisis_check"] <= model.thresholds["crisis"]


def test_training_and_prediction_are_deterministic():
    examples = [Example(t, c) for t, c in [("ik wil dood", ("crisis_suicide",)), ("ik wil niet meer leven", ("crisis_suicide",)),
                                           ("ik zoek werk", ()), ("ik zoek een woning", ()), ("ik wil dood", ("crisis_suicide",)),
                                           ("ik zoek werk", ())]]
    labels = ["crisis_suicide"]
    targets = {"crisis_suicide": [int(bool(e.signalen)) for e in examples]}
    a, b = fit([e.text for e in examples], targets, labels), fit([e.text for e in examples], targets, labels)
    assert np.array_equal(a.weights, b.weights)
    model = default_model()
    assert model.probabilities("ik wil er niet meer zijn") == model.probabilities("ik wil er niet meer zijn")


@pytest.mark.parametrize("text", CRISIS_RULES_MISS)
def test_it_flags_crisis_the_rules_miss_with_evidence_from_the_text(text):
    rules = detect(text)
    assert not any(s.soort == "crisis" for s in rules)
    added, check = learned_signals(text, rules)
    crisis = [s for s in added if s.soort == "crisis"]
    assert crisis and check is None
    assert crisis[0].bewijs and crisis[0].bewijs in text
    assert crisis[0].regel.startswith("geleerd (kans ")


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_it_leaves_hard_negatives_alone(text):
    added, check = learned_signals(text, detect(text))
    assert not any(s.soort == "crisis" for s in added)
    assert check is None


@pytest.mark.parametrize("text,code", [("de buren hebben microfoontjes in mijn muren gestopt", "contra_zware_psychiatrie"),
                                       ("ik kom al een maand nauwelijks uit mijn bed", "contra_zware_psychiatrie"),
                                       ("mijn man neemt mijn bankpas af en ik mag niet weg", "contra_onveilig")])
def test_contra_told_as_behaviour_is_found_with_evidence(text, code):
    rules = detect(text)
    assert code not in {s.code for s in rules}
    added, _ = learned_signals(text, rules)
    found = [s for s in added if s.code == code]
    assert found and found[0].bewijs in text
