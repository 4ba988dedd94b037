"""The signal engine on our own sentences: positives per code, negation, past,
naaste vs inwoner, KCC phrasing, indirect crisis phrasings, false-alarm traps
and bad input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.taxonomy import SIGNAL_KINDS, taxonomy
from bot.triage.normalize import MAX_CHARS, clean_text
from bot.triage.signals import SignalEngine, crisis_contacts, detect, split_chunks

from .signal_cases import FOUND, NO_CRISIS, NOT_FOUND


@pytest.fixture(scope="module")
def engine():
    return SignalEngine()


def codes(signals):
    return [s.code for s in signals]


@pytest.mark.parametrize("text, code", FOUND)
def test_signal_found(engine, text, code):
    signals = engine.detect(text)
    assert code in codes(signals), f"{code} not found in {text!r}: {signals}"
    signal = next(s for s in signals if s.code == code)
    assert signal.soort == taxonomy().signals[code].soort
    assert signal.regel in engine.rule_set.rules
    assert engine.rule_set.rules[signal.regel].code == code
    # bewijs is what the person wrote (for 'samen' rules: its parts)
    for part in signal.bewijs.split(" … "):
        assert part and part in clean_text(text)


@pytest.mark.parametrize("text, code", NOT_FOUND)
def test_signal_not_found(engine, text, code):
    assert code not in codes(engine.detect(text))


@pytest.mark.parametrize("text", NO_CRISIS)
def test_no_false_crisis_alarm(engine, text):
    assert not [s for s in engine.detect(text) if s.soort == "crisis"]


@pytest.mark.parametrize("text", [
    "Ik heb geen schulden meer, maar ik zoek wel werk",
    "Ik drink niet meer en ik ben al jaren nuchter",
    "Mijn broer drinkt te veel",
    "Goedemorgen, ik heb een vraag",
])
def test_no_signal_at_all(engine, text):
    assert engine.detect(text) == []


def test_crisis_rules_favour_recall_over_negation(engine):
    # Documented in data/signalen/crisis.yml: a human checks rather than a miss.
    # A denial with a thought-noun is the check question (crisis_twijfel), never nothing.
    assert codes(engine.detect("Ik heb geen zelfmoordgedachten, denk ik")) == ["crisis_twijfel"]
    assert "crisis_suicide" in codes(engine.detect("Vroeger was ik suïcidaal"))


@pytest.mark.parametrize("text", [
    "Ik ben niet suïcidaal, maar ik slaap heel slecht",
    "Geen suïcidale gedachten hoor, wel veel stress",
    "Ik denk niet aan zelfmoord, ik wil alleen hulp met mijn post",
    "Onze school doet mee aan een training zelfmoordpreventie",
    "Mijn zoon houdt een spreekbeurt over zelfmoord",
    "Ik schrijf een werkstuk over suïcide bij jongeren",
    "Is er voorlichting over preventie van zelfdoding?",
])
def test_denied_or_topic_suicide_words_are_a_check_question(engine, text):
    signals = engine.detect(text)
    assert [s.code for s in signals if s.soort == "crisis"] == ["crisis_twijfel"]
    doubt = next(s for s in signals if s.code == "crisis_twijfel")
    assert doubt.regel == "suicide_woord" and doubt.bewijs in text


@pytest.mark.parametrize("text", [
    "ik durf geen zelfmoord te plegen",
    "Ik denk aan zelfmoord",
    "Ik heb geen zelfmoordgedachten maar ik wil er niet meer zijn",
    "Mijn dochter houdt een spreekbeurt over zelfmoord en ik denk zelf ook aan zelfmoord",
    "Ik las een boek en sindsdien denk ik aan zelfmoord",
])
def test_a_denial_or_topic_elsewhere_does_not_hide_a_crisis(engine, text):
    assert "crisis_suicide" in codes(engine.detect(text))


@pytest.mark.parametrize("text, crisis", [
    # Decision (crisis.yml): only an explicitly finished past cancels suicide.
    ("Ik heb vroeger aan zelfmoord gedacht, maar dat is al jaren voorbij.", False),
    ("Vroeger had ik zelfmoordgedachten. Nu gaat het goed.", False),
    ("Jaren geleden dacht ik aan zelfmoord, dat heb ik niet meer.", False),
    ("Vroeger dacht ik aan zelfmoord en nu weer.", True),
    ("Vroeger dacht ik aan zelfmoord, nu soms nog.", True),
    ("Vroeger had ik zelfmoordgedachten.", True),
    ("Ik heb zelfmoordgedachten gehad, maar dat is voorbij.", True),  # no past cue: a human checks
    ("Meneer dacht vroeger aan zelfmoord, dat is voorbij. De laatste tijd denkt hij er weer aan.", True),
])
def test_suicide_in_the_past_is_cancelled_only_when_explicitly_over(engine, text, crisis):
    assert ("crisis_suicide" in codes(engine.detect(text))) is crisis


@pytest.mark.parametrize("text", [
    "Ik voel me alleen en zoek contact, maar groepen vind ik eng",
    "Ik wil graag nieuwe mensen leren kennen, maar niet in een groep",
    "Ik ben eenzaam, liever één op één dan in een kring",
])
def test_group_refusal_is_found_next_to_a_wish_for_contact(engine, text):
    found = codes(engine.detect(text))
    assert "contra_groep_ongewenst" in found
    assert "indicatie_sociaal_contact" in found


@pytest.mark.parametrize("text, crisis", [
    ("Ik kan niet meer.", True),
    ("ik kan niet meer, alles is op", True),
    ("Ik kan echt niet meer", True),
    ("Ik kan niet meer slapen", False),
    ("Ik kan het niet meer betalen", False),
    ("Ik kan niet meer werken", False),
])
def test_ik_kan_niet_meer_counts_only_at_the_end_of_a_clause(engine, text, crisis):
    # ambiguous distress: a crisis-kind signal whose dialogue first asks a check question
    assert ("crisis_twijfel" in codes(engine.detect(text))) is crisis


def test_one_signal_per_code_first_evidence_kept(engine):
    signals = engine.detect("Ik wil niet meer leven. Ik denk aan zelfmoord. Ik wil dood.")
    assert codes(signals) == ["crisis_suicide"]
    assert signals[0].bewijs == "wil niet meer leven"


def test_order_is_crisis_contra_indicatie(engine):
    text = ("Ik zoek een cursus budgetteren. Ik schaam me voor mijn schulden. "
            "Soms wil ik niet meer leven.")
    signals = engine.detect(text)
    assert [s.soort for s in signals] == sorted((s.soort for s in signals), key=SIGNAL_KINDS.index)
    assert codes(signals) == ["crisis_suicide", "contra_schaamte", "indicatie_vaardigheid"]


def test_crisis_contacts_come_from_the_taxonomy(engine):
    signals = engine.detect("Mijn man slaat me elke dag en ik wil niet meer leven")
    contacts = crisis_contacts(signals)
    tax = taxonomy()
    assert contacts == (tax.signals["crisis_suicide"].contact, tax.signals["crisis_geweld"].contact)
    assert crisis_contacts(engine.detect("Ik zoek een cursus")) == ()


def test_module_level_detect_uses_the_same_rules():
    assert codes(detect("Iedereen is beter af zonder mij")) == ["crisis_suicide"]


# --- bad input -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "   ", "\n\t ", "😀😀", "<script>alert(1)</script>", "<b></b>",
    "I want to be happy and meet people", "أريد أن أتعلم اللغة الهولندية", "\x00\x01\x02",
    "&lt;&gt;&amp;", "?!?!?!", "ik" * 20000, "a" * 50000,
])
def test_bad_input_gives_a_valid_answer(engine, text):
    signals = engine.detect(text)
    assert isinstance(signals, list)
    assert all(s.code in taxonomy().signals for s in signals)


def test_html_is_stripped_but_crisis_inside_is_found(engine):
    signals = engine.detect("<p>Hallo,</p><p><b>ik wil niet meer leven</b></p><script>x()</script>")
    assert codes(signals) == ["crisis_suicide"]
    assert "<" not in signals[0].bewijs


def test_crisis_at_the_end_of_10000_characters_is_found(engine):
    filler = "Ik heb een vraag over de buurt en over de school van mijn zoon. "
    text = (filler * 200)[: 10_000 - 30] + " Ik wil er niet meer zijn."
    assert len(text) <= 10_000
    assert "crisis_suicide" in codes(engine.detect(text))


def test_crisis_near_the_cap_is_found_and_beyond_is_ignored(engine):
    filler = "Wij wonen hier al lang en het is een fijne straat. "
    text = (filler * 500)[: MAX_CHARS - 40] + " Ik wil niet meer leven."
    assert "crisis_suicide" in codes(engine.detect(text))
    # Documented limit: text beyond MAX_CHARS characters is not read.
    beyond = (filler * 600)[: MAX_CHARS + 100] + " Ik wil niet meer leven."
    assert "crisis_suicide" not in codes(engine.detect(beyond))


def test_non_string_input_is_a_clear_error(engine):
    with pytest.raises(TypeError, match="text must be str"):
        engine.detect(None)


def test_chunks_cover_the_text_without_cutting_sentences():
    text = "Dit is een zin. " * 1000
    chunks = list(split_chunks(text, size=500))
    assert "".join(piece for _, piece in chunks) == text
    assert all(piece.endswith(". ") for _, piece in chunks[:-1])
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in chunks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gives_valid_signals(engine, text):
    signals = engine.detect(text)
    seen = set()
    for signal in signals:
        assert signal.code in taxonomy().signals and signal.code not in seen
        assert signal.soort == taxonomy().signals[signal.code].soort
        assert signal.bewijs.strip()
        seen.add(signal.code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_crisis_phrase_survives_any_surrounding_text(engine, before, after):
    text = f"{before}\nIk wil niet meer leven.\n{after}"
    assert "crisis_suicide" in codes(engine.detect(text))


@pytest.mark.parametrize("text", ["<\nIk wil niet meer leven.\n>", "<3 ik wil niet meer leven >",
                                  "a < b > ik wil niet meer leven", "<b>ik wil niet meer leven</b>"])
def test_angle_brackets_around_text_are_not_taken_for_html(engine, text):
    """Found by hypothesis: '<' ... '>' around a message once removed it as if it were a tag."""
    assert "crisis_suicide" in codes(engine.detect(text))


@pytest.mark.parametrize("text,code", [
    ("Mijn oom zit aan me. Ik ben 13.", "crisis_geweld"),
    ("We zijn vanochtend uit huis gezet en weten niet waar we vannacht moeten slapen.", "crisis_acuut"),
    ("Hij staat nu voor de deur en probeert binnen te komen.", "crisis_geweld"),
    ("Meneer heeft slaappillen gespaard.", "crisis_suicide"),
    ("Mijn zoon zegt dat hij zichzelf iets wil aandoen.", "crisis_suicide"),
    ("Ze krast zichzelf in haar armen.", "crisis_suicide"),
])
def test_crisis_phrasings_round_three(text, code):
    assert code in [s.code for s in detect(text)]
