"""Violence at home (data/signalen/geweld.yml), suicide with a plan, and ambiguous distress.

Every sign of violence, acute or not, past or present, about the inwoner or
someone else, raises contra_huiselijk_geweld with its fragment; negations and
harmless uses of the same verbs raise nothing.
"""

import pytest

from bot.triage import triage
from bot.triage.signals import SignalEngine, help_contacts

VIOLENCE = "contra_huiselijk_geweld"


@pytest.fixture(scope="module")
def engine():
    return SignalEngine()


def found(engine, text):
    return {s.code: s for s in engine.detect(text)}


@pytest.mark.parametrize("text, bewijs", [
    ("Hij heeft me ook al eens geslagen. Ik durf niet zo goed.", "heeft me ook al eens geslagen"),
    ("mijn vader slaat mij en mijn broertje", "vader slaat"),
    ("Soms slaat hij me als hij boos is.", "slaat hij me"),
    ("Vroeger sloeg hij me, nu schreeuwt hij alleen.", "sloeg hij me"),
    ("Hij slaat me in elkaar als hij gedronken heeft.", "slaat me in elkaar"),
    ("Mijn man bedreigt me.", "bedreigt"),
    ("Hij dreigt de kinderen mee te nemen.", "dreigt de kinderen"),
    ("Mijn vriend duwt me tegen de muur.", "duwt me"),
    ("Ze knijpt me in mijn arm.", "knijpt me"),
    ("Mijn zoon pakt mijn pinpas af.", "pakt mijn pinpas af"),
    ("Ik mag niet meer zelf geld pinnen van mijn dochter.", "mag niet meer zelf geld pinnen"),
    ("Hij sluit me op in de slaapkamer.", "sluit me op"),
    ("Mevrouw wordt door haar man geslagen.", "wordt door haar man geslagen"),
    ("Meneer geeft aan dat zijn zoon hem slaat.", "hem slaat"),
    ("Inwoner meldt dat het buurkind blauwe plekken heeft.", "blauwe plekken"),
    ("Mijn kleinzoon haalt geld van oma's rekening zonder te vragen.", "haalt geld van oma's rekening"),
    ("Ik ben bang dat hij mijn zusje slaat.", "zusje slaat"),
    ("Mijn man dreigt.", "man dreigt"),
    ("Als hij boos is, slaat hij.", "slaat hij"),
    ("Mijn ex stalkt me al maanden.", "stalkt"),
    ("My husband hits me.", "hits me"),
])
def test_violence_is_found_with_its_fragment(engine, text, bewijs):
    signals = found(engine, text)
    assert VIOLENCE in signals, signals
    assert signals[VIOLENCE].bewijs == bewijs
    assert signals[VIOLENCE].regel.startswith("geweld_")


@pytest.mark.parametrize("text", [
    "Hij slaat me niet.",
    "Ik ben nooit geslagen.",
    "ik sla mijn ogen neer",
    "de klok slaat twaalf",
    "we maakten ruzie over de afwas",
    "De verhuurder dreigt met ontruiming.",
    "Het dreigt mis te gaan met mijn schulden.",
    "Mijn zoon zit op judo en leert slaan.",
    "Hij slaat de bal over het net.",
    "Ik knijp er even tussenuit.",
    "Ik heb mijn geld opgenomen van de rekening.",
    "De klok slaat.",
    "Het dreigt te gaan regenen.",
])
def test_harmless_uses_raise_no_violence(engine, text):
    assert VIOLENCE not in found(engine, text)


def test_past_violence_is_not_acute_but_brings_veilig_thuis():
    result = triage("Vroeger sloeg hij me. Ik durf niet zo goed.", theme_ranking=[])
    assert not result.crisis
    assert VIOLENCE in result.signal_codes()
    assert any("0800-2000" in line for line in result.hulp_contact)
    assert result.advies.code == "eerst_individueel"


def test_acute_violence_keeps_the_crisis_path_with_112_and_veilig_thuis():
    result = triage("Hij slaat me nu, help", theme_ranking=[])
    assert result.crisis
    assert any("112" in line for line in result.crisis_contact)
    assert any("0800-2000" in line for line in result.crisis_contact + result.hulp_contact)


def test_help_contacts_only_for_signals_with_a_contact(engine):
    assert help_contacts(engine.detect("Ik zoek een cursus budgetteren")) == ()
    assert help_contacts(engine.detect("Mijn man duwt me")) != ()


@pytest.mark.parametrize("text", [
    "Ik heb pillen gespaard en wil vanavond een einde aan mijn leven maken.",
    "Ik wil dood. Vanavond doe ik het.",
    "Ik heb al pillen gespaard.",
    "Het touw ligt klaar, ik wil er niet meer zijn.",
])
def test_a_plan_means_or_moment_brings_112_with_113(text):
    result = triage(text, theme_ranking=[])
    assert result.crisis
    lines = " ".join(result.crisis_contact)
    assert "112" in lines and "113" in lines


def test_suicidal_words_without_a_plan_bring_113_only():
    result = triage("Ik wil niet meer leven.", theme_ranking=[])
    assert "crisis_suicide_plan" not in result.signal_codes()
    assert "113" in " ".join(result.crisis_contact)


@pytest.mark.parametrize("text", [
    "Ik zorg voor mijn moeder met dementie en ik kan niet meer.",
    "Ik trek het niet meer, de zorg voor mijn man is te zwaar.",
    "Ik zie het niet meer zitten.",
])
def test_ambiguous_distress_is_a_check_question_not_yet_a_crisis(engine, text):
    signals = engine.detect(text)
    # a carer's peers may be an indicatie beside it; nothing else is raised
    assert [s.code for s in signals if s.soort != "indicatie"] == ["crisis_twijfel"]
    result = triage(text, theme_ranking=[])
    # the dialogue asks "Bedoelt u dat u niet meer wilt leven?" first; a yes is the crisis path
    assert not result.crisis and result.advies.code != "crisis"
    assert result.crisis_check is not None and result.crisis_check.bewijs
    assert "crisis_twijfel" in [s.code for s in result.signalen]  # the evidence stays visible
    assert "113" in " ".join(result.crisis_contact)


def test_clear_suicidal_words_next_to_ambiguous_ones_stay_a_full_crisis(engine):
    codes = [s.code for s in engine.detect("Ik kan niet meer. Ik wil dood.")]
    assert "crisis_suicide" in codes
