"""How the learned layer joins the rules: precedence, crisis only via the crisis label, the middle band."""

import pytest

from bot.learned import training
from bot.learned.corpus import TWIJFEL
from bot.learned.layer import SURE_CRISIS, learned_signals
from bot.taxonomy import taxonomy
from bot.triage.result import Signal


class Model:
    """A model whose probabilities the test sets (the real one is tested in test_model.py)."""

    def __init__(self, **probs):
        self.labels = ("crisis", *taxonomy().signals, TWIJFEL)
        self.probs = {label: 0.0 for label in self.labels} | probs
        self.thresholds = {label: 0.5 for label in self.labels} | {"crisis_check": 0.3}

    def probabilities(self, text):
        return dict(self.probs)

    def fragment(self, text, label):
        return text.split()[0]


def test_high_crisis_probability_raises_the_most_likely_crisis_code():
    added, check = learned_signals("hallo daar allemaal", [], model=Model(crisis=0.8, crisis_geweld=0.3, crisis_suicide=0.1))
    assert [(s.code, s.soort, s.bewijs) for s in added] == [("crisis_geweld", "crisis", "hallo")]
    assert "0.80" in added[0].regel and check is None


def test_middle_band_gives_a_check_with_its_reason_and_no_crisis():
    added, check = learned_signals("hallo daar allemaal", [], model=Model(crisis=0.4, crisis_suicide=0.4))
    assert not added
    assert check.kans == 0.4 and check.bewijs == "hallo" and "geleerd" in check.reden and "0.40" in check.reden


def test_below_the_sure_level_the_classifier_alone_asks_instead_of_stopping():
    """A trained crisis threshold under SURE_CRISIS: between the two, the check question."""
    model = Model(crisis=SURE_CRISIS - 0.05, crisis_suicide=0.4)
    model.thresholds["crisis"] = SURE_CRISIS - 0.1
    added, check = learned_signals("hallo daar allemaal", [], model=model)
    assert not added and check is not None
    model.probs["crisis"] = SURE_CRISIS
    added, check = learned_signals("hallo daar allemaal", [], model=model)
    assert [s.code for s in added] == ["crisis_suicide"] and check is None


def test_distress_gives_a_check_too():
    _, check = learned_signals("ik trek het niet", [], model=Model(**{TWIJFEL: 0.9}))
    assert check is not None


def test_rule_crisis_means_no_check_and_rule_evidence_keeps_precedence():
    rule = [Signal("crisis_suicide", "crisis", "dood", "suicide_woord"), Signal("contra_verslaving", "contra", "drank", "x")]
    added, check = learned_signals("hallo daar allemaal", rule, model=Model(crisis=0.4, contra_verslaving=0.9, contra_trauma=0.9))
    assert [s.code for s in added] == ["contra_trauma"] and check is None


def test_a_learned_group_aversion_yields_to_a_rule_wish_for_peers():
    wish = [Signal("indicatie_lotgenoten", "indicatie", "mensen die net als ik", "lotgenoten")]
    added, _ = learned_signals("hallo daar allemaal", wish, model=Model(contra_groep_ongewenst=0.9))
    assert not added
    added, _ = learned_signals("hallo daar allemaal", [], model=Model(contra_groep_ongewenst=0.9))
    assert [s.code for s in added] == ["contra_groep_ongewenst"]


def test_crisis_codes_alone_never_raise_crisis():
    added, _ = learned_signals("hallo daar allemaal", [], model=Model(crisis=0.1, crisis_acuut=0.99))
    assert not added


needs_model = pytest.mark.skipif(not training.ARTEFACT.exists(), reason="no learned artefact; run make setup")


@needs_model
def test_triage_carries_learned_signals_and_safe_advice():
    from bot.triage.engine import crisis_signals, triage

    # (the rules now read "mijn bed niet uit" themselves, see psychiatrie_depressie_gedrag)
    result = triage("Ik kom al een maand nauwelijks uit mijn bed en wil graag andere mensen ontmoeten")
    learned = [s for s in result.signalen if s.regel.startswith("geleerd")]
    assert learned and all(s.bewijs in "Ik kom al een maand nauwelijks uit mijn bed en wil graag andere mensen ontmoeten"
                           for s in learned)
    assert result.advies.code == "eerst_individueel" and result.suggesties == ()
    crisis = triage("ik wil van het leven af")
    assert crisis.crisis and crisis.suggesties == () and crisis_signals("ik wil van het leven af")
    assert crisis.to_dict()["crisis_check"] is None


def test_a_word_or_two_is_left_to_the_rules():
    from bot.learned.layer import learned_signals

    class Alarmed:  # a model that would raise everything
        thresholds = {"crisis": 0.0, "crisis_check": 0.0, "crisis_twijfel": 0.0}

        def probabilities(self, text):
            raise AssertionError("the classifier must not run on a short answer")

    for text in ("Anna", "bellen", "per mail"):
        assert learned_signals(text, [], model=Alarmed()) == ([], None)


def test_a_code_the_rules_set_aside_as_a_figure_is_not_raised_by_the_classifier():
    """"Ik zit in een rolstoel en wil naar het buurthuis" is no request for a voorziening: no learned one either."""
    model = Model(contra_individuele_voorziening=0.9, crisis=0.8, crisis_suicide=0.6)
    added, _ = learned_signals("hallo daar allemaal", [], model=model, vetoed={"contra_individuele_voorziening"})
    assert [s.code for s in added] == ["crisis_suicide"]  # crisis is never vetoed


def test_the_rules_report_the_codes_they_set_aside():
    from bot.triage.signals import detect_with_vetoes

    signals, vetoed = detect_with_vetoes("Ik zit in een rolstoel en zoek een leesclub in de buurt")
    assert "contra_individuele_voorziening" in vetoed
    assert "contra_individuele_voorziening" not in {s.code for s in signals}
    signals, vetoed = detect_with_vetoes("Ik zit in een rolstoel en heb een traplift nodig")
    assert "contra_individuele_voorziening" in {s.code for s in signals} and not vetoed


@pytest.mark.parametrize("text, name", [("Anna van Wit", True), ("Jan de Vries", True), ("Fatima El Amrani", True),
                                        ("ik wil dood", False), ("IK WIL NIET MEER LEVEN", False),
                                        ("Anna wil niet meer", False)])
def test_a_name_is_left_to_the_rules(text, name):
    from bot.learned.layer import looks_like_a_name

    assert looks_like_a_name(text) is name
    if name:
        assert learned_signals(text, [], model=Model(crisis=0.9, crisis_acuut=0.9)) == ([], None)


def test_an_answer_to_the_name_question_is_read_by_the_rules_alone():
    from bot.dialogue.safety import crisis_in_message

    assert crisis_in_message("anna van wit", [], "inwoner", None, requested_slot="naam") is None
    found = crisis_in_message("ik wil niet meer leven", [], "inwoner", None, requested_slot="naam")
    assert found is not None and found.triage["crisis"]
