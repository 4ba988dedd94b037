"""TriageResult across the boundary: ``from_dict(r.to_dict()) == r``, and one Advies enum."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import paths
from bot.taxonomy import taxonomy
from bot.triage.result import (
    Advice,
    Advies,
    CrisisCheck,
    Signal,
    Suggestion,
    ThemeScore,
    TriageResult,
    as_result,
)

REAL_QUESTIONS = [
    ("sinds de scheiding heb ik schulden en voel ik me alleen", {}),
    ("Mevrouw geeft aan dat iedereen beter af is zonder haar", {"postcode": "8011AB"}),
    ("Ik schaam me zo voor mijn schulden, niemand mag het weten", {}),
    ("Ik zou graag andere jonge moeders ontmoeten om ervaringen te delen", {"postcode": "8011 AB"}),
    ("ik kan niet meer", {}),
    ("is er een budgetcursus bij mij in de buurt?", {"aanbod_gevraagd": True, "gemeente": "Zwolle"}),
    ("", {}),
]


def test_the_enum_is_the_taxonomys_set_of_advice():
    assert {a.value for a in Advies} == set(taxonomy().adviezen)
    assert {a for a in Advies if a.collective} == {Advies.COLLECTIEF_MOGELIJK, Advies.COMBINATIE}
    assert Advies.COMBINATIE == "combinatie" and f"{Advies.CRISIS}" == "crisis"
    assert Advice("combinatie").code is Advies.COMBINATIE
    with pytest.raises(ValueError):
        Advice("groep_verplicht")


@pytest.mark.skipif(not paths.MODEL_FILE.exists(), reason="no trained model; run make setup")
@pytest.mark.parametrize("text,kwargs", REAL_QUESTIONS)
def test_real_results_round_trip(text, kwargs):
    from bot.triage.engine import triage

    result = triage(text, **kwargs)
    d = result.to_dict()
    assert TriageResult.from_dict(d) == result
    assert TriageResult.from_dict(d).to_dict() == d
    assert as_result(d) == result and as_result(result) is result
    assert isinstance(d["advies"], str) and type(d["advies"]) is str  # the slot keeps plain JSON values


def test_nothing_before_any_triage_and_defaults_for_a_partial_slot():
    assert as_result(None) is None and as_result({}) is None
    partial = TriageResult.from_dict({"advies": "eerst_individueel", "themas": [{"thema": "geldzaken"}]})
    assert partial.advies.code is Advies.EERST_INDIVIDUEEL and partial.themas == (ThemeScore("geldzaken", 0.0),)
    assert not partial.crisis and partial.suggesties == () and partial.crisis_check is None


_text = st.text(max_size=12)
_scores = st.builds(ThemeScore, thema=_text, zekerheid=st.integers(0, 1000).map(lambda n: n / 1000), waarom=_text)
_signals = st.builds(Signal, code=_text, soort=st.sampled_from(["crisis", "contra", "indicatie"]), bewijs=_text,
                     regel=_text)
_details = st.dictionaries(st.sampled_from(["omschrijving", "wanneer", "kosten", "hoe_aansluiten", "vorm"]),
                           st.one_of(st.none(), _text, st.lists(_text, max_size=2)), max_size=4)
_suggestions = st.builds(Suggestion, id=_text, naam=_text, themas=st.tuples(_text) | st.just(()),
                         wijk=st.none() | _text, gemeente=st.none() | _text, waarom=_text, details=_details)
_results = st.builds(
    TriageResult,
    thema=_text,
    themas=st.lists(_scores, max_size=3).map(tuple),
    crisis=st.booleans(),
    signalen=st.lists(_signals, max_size=3).map(tuple),
    advies=st.builds(Advice, code=st.sampled_from(list(Advies)), redenen=st.lists(_text, max_size=2).map(tuple)),
    suggesties=st.lists(_suggestions, max_size=3).map(tuple),
    crisis_contact=st.lists(_text, max_size=2).map(tuple),
    hulp_contact=st.lists(_text, max_size=2).map(tuple),
    crisis_check=st.none() | st.builds(CrisisCheck, kans=st.floats(0, 1), bewijs=_text, reden=_text),
    aanbod_gevraagd=st.booleans(),
)


@given(_results)
def test_any_result_round_trips(result):
    assert TriageResult.from_dict(result.to_dict()) == result
