"""Advice from signals and themes: the safety order, the individual routes and
the reasons. Pure Python: no spaCy needed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.taxonomy import taxonomy
from bot.triage.advice import ADVICE_FILE, advise, load_advice_rules
from bot.triage.language import RuleError
from bot.triage.result import Signal, ThemeScore

TAX = taxonomy()
CRISIS = Signal("crisis_suicide", "crisis", "wil niet meer leven", "suicide_niet_meer_leven")
GEWELD = Signal("crisis_geweld", "crisis", "slaat me elke", "geweld_nu")
SCHAAMTE = Signal("contra_schaamte", "contra", "niemand mag het weten", "schaamte_woord")
AUTISME = Signal("contra_groep_ongewenst", "contra", "autisme", "groep_niet_willen")
CURSUS = Signal("indicatie_vaardigheid", "indicatie", "leren budgetteren", "vaardigheid")
LOTGENOTEN = Signal("indicatie_lotgenoten", "indicatie", "niet de enige", "lotgenoten")
CONTACT = Signal("indicatie_sociaal_contact", "indicatie", "nieuwe mensen", "sociaal_contact")


def themes(*pairs):
    return [ThemeScore(code, score) for code, score in pairs]


def test_crisis_over_everything():
    advice = advise(themes(("eenzaamheid", 0.9)), [CONTACT, SCHAAMTE, CRISIS], "eenzaamheid")
    assert advice.code == "crisis"
    label = TAX.signals["crisis_suicide"].label
    assert advice.redenen[0] == f"Signaal '{label}' in: 'wil niet meer leven'."
    assert any("geen groep" in r for r in advice.redenen)
    # only crisis reasons: the professional sees the danger first
    assert not any(TAX.signals["contra_schaamte"].label in r for r in advice.redenen)


def test_every_crisis_signal_is_a_reason():
    advice = advise([], [GEWELD, CRISIS], "onduidelijk")
    assert advice.code == "crisis"
    assert sum(r.startswith("Signaal") for r in advice.redenen) == 2


def test_any_contra_gives_eerst_individueel_and_names_it():
    advice = advise(themes(("geldzaken", 0.8)), [SCHAAMTE, CURSUS], "geldzaken", "ik heb schulden")
    assert advice.code == "eerst_individueel"
    label = TAX.signals["contra_schaamte"].label
    assert f"Signaal '{label}' in: 'niemand mag het weten'." in advice.redenen
    assert any(r.startswith("Later kan dit passen") and TAX.signals["indicatie_vaardigheid"].label in r
               for r in advice.redenen)


def test_contra_without_indications():
    advice = advise(themes(("opvoeding", 0.7)), [AUTISME], "opvoeding")
    assert advice.code == "eerst_individueel"
    assert not any(r.startswith("Later") for r in advice.redenen)


def test_indications_give_collectief_mogelijk():
    advice = advise(themes(("eenzaamheid", 0.9)), [CONTACT], "eenzaamheid")
    assert advice.code == "collectief_mogelijk"
    assert advice.redenen[0] == f"Signaal '{TAX.signals['indicatie_sociaal_contact'].label}' in: 'nieuwe mensen'."
    assert any("kiest zelf" in r for r in advice.redenen)


def test_money_skills_alone_are_collective():
    advice = advise(themes(("geldzaken", 0.8)), [CURSUS], "geldzaken", "Ik wil leren budgetteren")
    assert advice.code == "collectief_mogelijk"


@pytest.mark.parametrize("tekst, waarom", [
    ("Ik heb schulden en wil leren budgetteren", ""),
    ("De deurwaarder komt steeds", ""),
    ("Ik heb een huurachterstand", ""),
    ("", "woorden: schulden, budgetteren"),  # the lead's lexicon reasons, without the text
])
def test_real_debts_give_combinatie(tekst, waarom):
    advice = advise([ThemeScore("geldzaken", 0.8, waarom)], [CURSUS], "geldzaken", tekst)
    assert advice.code == "combinatie"
    assert any(r.startswith(f"Thema '{TAX.themes['geldzaken'].label}'") and "schuldhulp" in r
               for r in advice.redenen)


def test_scheiding_with_a_group_wish_is_combinatie_without_words():
    advice = advise(themes(("scheiding_relatie", 0.8)), [LOTGENOTEN], "scheiding_relatie")
    assert advice.code == "combinatie"


def test_secondary_theme_counts_above_the_threshold_only():
    rules = load_advice_rules()
    above = themes(("eenzaamheid", 0.6), ("psychisch", rules.secondary_from + 0.01))
    below = themes(("eenzaamheid", 0.6), ("psychisch", rules.secondary_from - 0.01))
    assert advise(above, [CONTACT], "eenzaamheid").code == "combinatie"
    assert advise(below, [CONTACT], "eenzaamheid").code == "collectief_mogelijk"


def test_mantelzorg_only_combined_when_overloaded():
    assert advise(themes(("mantelzorg", 0.9)), [LOTGENOTEN], "mantelzorg", "Ik zorg voor mijn moeder").code \
        == "collectief_mogelijk"
    assert advise(themes(("mantelzorg", 0.9)), [LOTGENOTEN], "mantelzorg",
                  "Ik zorg voor mijn moeder en ben overbelast").code == "combinatie"


def test_nothing_known_asks_for_clarification():
    advice = advise([], [], "onduidelijk")
    assert advice.code == "verheldering_nodig"
    assert any("Vraag door" in r for r in advice.redenen)
    advice = advise(themes(("wonen", 0.7)), [], "wonen")
    assert advice.code == "verheldering_nodig"
    assert f"Thema: '{TAX.themes['wonen'].label}'." in advice.redenen


def test_unknown_theme_is_a_clear_error():
    with pytest.raises(ValueError, match="thema 'bestaat_niet'"):
        advise([], [], "bestaat_niet")


def test_long_bewijs_is_shortened_in_the_reason():
    long = Signal("contra_trauma", "contra", "misbruikt " * 50, "trauma_misbruik")
    advice = advise([], [long], "onduidelijk")
    assert len(advice.redenen[0]) < 200 and "…" in advice.redenen[0]


def test_broken_advice_file_names_the_entry(tmp_path):
    path = tmp_path / "advies.yml"
    path.write_text("individuele_route:\n  onbekend: {reden: x}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="individuele_route.onbekend: 'onbekend' is not a theme"):
        load_advice_rules(path)
    good = ADVICE_FILE.read_text(encoding="utf-8")
    path.write_text(good.replace("Signaal '{label}' in: '{bewijs}'.", "Signaal {naam}"), encoding="utf-8")
    with pytest.raises(RuleError, match="teksten.signaal: unknown or broken placeholder"):
        load_advice_rules(path)
    path.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(RuleError, match="advies.yml: cannot read"):
        load_advice_rules(path)


SIGNALS = st.lists(st.sampled_from([CRISIS, GEWELD, SCHAAMTE, AUTISME, CURSUS, LOTGENOTEN, CONTACT]), max_size=6)
THEMES = st.lists(st.builds(ThemeScore, st.sampled_from(list(TAX.themes)), st.floats(0, 1)), max_size=4)


@given(THEMES, SIGNALS, st.sampled_from(list(TAX.themes) + [TAX.onduidelijk]), st.text(max_size=80))
def test_safety_order_holds_for_any_combination(theme_scores, signals, thema, tekst):
    advice = advise(theme_scores, signals, thema, tekst)
    assert advice.code in TAX.adviezen
    assert advice.redenen and all(r.strip() for r in advice.redenen)
    kinds = {s.soort for s in signals}
    if "crisis" in kinds:
        assert advice.code == "crisis"
    elif "contra" in kinds:
        assert advice.code == "eerst_individueel"
    elif "indicatie" in kinds:
        assert advice.code in ("collectief_mogelijk", "combinatie")
    else:
        assert advice.code == "verheldering_nodig"


def test_group_refusal_beats_a_wish_for_contact():
    refusal = Signal("contra_groep_ongewenst", "contra", "groepen vind ik eng", "groep_niet_willen")
    advice = advise(themes(("eenzaamheid", 0.9)), [CONTACT, LOTGENOTEN, refusal], "eenzaamheid")
    assert advice.code == "eerst_individueel"
    assert any(TAX.signals["contra_groep_ongewenst"].label in r for r in advice.redenen)
    assert any(r.startswith("Later kan dit passen") for r in advice.redenen)
