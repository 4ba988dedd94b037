"""Dialogue safety words: a Veilig Thuis question, a refusal to call, the answer to the check question."""

import pytest

from bot.dialogue.safety import (
    asks_about_veilig_thuis,
    chat_routes,
    check_answer,
    ignored_signals,
    needs_check_question,
    refuses_to_call,
)


@pytest.mark.parametrize("text, rol, asked", [
    ("Wat is het nummer van Veilig Thuis?", "kcc", True),
    ("wat is het nummer van veilig thuis", "inwoner", True),
    ("Hoe bereik ik Veilig Thuis?", "inwoner", True),
    ("Moet ik doorverwijzen?", "kcc", True),
    ("Hoe werkt de meldcode hier?", "kcc", True),
    ("Moet ik doorverwijzen?", "inwoner", False),
    ("Ik zoek een cursus budgetteren", "kcc", False),
])
def test_questions_about_veilig_thuis(text, rol, asked):
    assert asks_about_veilig_thuis(text, rol) is asked


@pytest.mark.parametrize("text, refusal", [
    ("Bellen helpt toch niet.", True),
    ("ik bel niet", True),
    ("nee", True),
    ("Ik durf niet te bellen", True),
    ("nee, ik doe het vanavond, ik wil dood", False),  # a crisis again
    ("Ik wil graag dat u mij belt", False),
])
def test_refusal_to_call(text, refusal):
    assert refuses_to_call(text) is refusal


@pytest.mark.parametrize("text, answer", [
    ("ja", "ja"), ("ja soms", "ja"), ("eigenlijk wel", "ja"), ("weet ik niet", "ja"), ("misschien", "ja"),
    ("nee", "nee"), ("nee hoor", "nee"), ("nee, ik ben gewoon moe", "nee"), ("zo bedoel ik het niet", "nee"),
    ("Nee, dat bedoel ik niet.", "nee"), ("nee, zo erg is het niet", "nee"), ("nee, ik wil wel leven", "nee"),
    ("nee, ik wil niet meer leven", "ja"), ("nee, ik doe het vanavond", "ja"), ("misschien", "ja"),
])
def test_only_a_clear_no_to_the_check_question_is_a_no(text, answer):
    assert check_answer(text) == answer


def test_check_question_only_when_ambiguous_distress_is_the_only_crisis_signal():
    twijfel = {"code": "crisis_twijfel", "soort": "crisis"}
    suicide = {"code": "crisis_suicide", "soort": "crisis"}
    assert needs_check_question({"crisis": True, "signalen": [twijfel]})
    assert not needs_check_question({"crisis": True, "signalen": [twijfel, suicide]})
    assert not needs_check_question({"crisis": False, "signalen": []})
    # the learned layer's middle band asks too, unless violence is told (then Veilig Thuis answers)
    check = {"kans": 0.35, "bewijs": "weet niet meer", "reden": "geleerd"}
    assert needs_check_question({"crisis": False, "signalen": [], "crisis_check": check})
    geweld = {"code": "contra_huiselijk_geweld", "soort": "contra"}
    assert not needs_check_question({"crisis": False, "signalen": [geweld], "crisis_check": check})
    assert ignored_signals("nee") == ("crisis_twijfel",) and ignored_signals("ja") == ()


def _triage(*codes):
    return {"signalen": [{"code": c, "soort": c.split("_")[0], "bewijs": "x"} for c in codes]}


@pytest.mark.parametrize("codes, routes", [
    ((), ("chat_113",)),                                        # the general line
    (("crisis_suicide",), ("chat_113",)),
    (("crisis_geweld", "contra_huiselijk_geweld"), ("chat_veilig_thuis",)),  # a child hurt at home: not 113
    (("contra_huiselijk_geweld", "crisis_suicide_plan"), ("chat_veilig_thuis", "chat_113")),
    (("crisis_twijfel", "crisis_geweld"), ("chat_veilig_thuis", "chat_113")),
    (("crisis_acuut",), ("chat_113",)),
])
def test_the_chat_routes_fit_the_signals(codes, routes):
    assert chat_routes(_triage(*codes)) == routes


@pytest.mark.parametrize("text", ["Wat kan ik nu doen?", "wat moet ik hiermee", "Wat is de volgende stap?"])
def test_a_kcc_what_now_after_a_sign_of_violence_is_a_veilig_thuis_question(text):
    violence = _triage("contra_huiselijk_geweld")
    assert asks_about_veilig_thuis(text, "kcc", violence)
    assert not asks_about_veilig_thuis(text, "kcc", _triage("contra_verslaving"))  # no violence: the normal help
    assert not asks_about_veilig_thuis(text, "inwoner", violence)


def test_a_kcc_what_now_that_tells_more_is_not_only_a_question():
    violence = _triage("contra_huiselijk_geweld")
    longer = "Wat kan ik nu doen? Ze zegt ook dat ze schulden heeft en niet meer rondkomt."
    assert not asks_about_veilig_thuis(longer, "kcc", violence)
