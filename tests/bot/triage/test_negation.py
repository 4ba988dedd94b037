"""Clause structure, negation scope, resolved past and person, on plain word lists."""

import pytest

from bot import paths
from bot.triage.language import load_language
from bot.triage.negation import Context

LANGUAGE = load_language(paths.SIGNALS_DIR / "taal.yml")


def ctx(text: str) -> Context:
    return Context(text.lower().replace(",", " ,").replace(".", " .").split(), LANGUAGE)


def at(context: Context, word: str) -> int:
    return context.norms.index(word)


@pytest.mark.parametrize("text, word, cue", [
    ("ik heb geen schulden", "schulden", "geen"),
    ("ik heb geen echte schulden meer", "schulden", "geen"),
    ("ik ben niet verslaafd", "verslaafd", "niet"),
    ("ik ben niet meer verslaafd", "verslaafd", "niet"),
    ("hij heeft me nooit geslagen", "geslagen", "nooit"),
    ("een leven zonder schulden", "schulden", "zonder"),
    ("ik denk niet dat ik verslaafd ben", "verslaafd", "denk niet dat"),
])
def test_negation_before_reaches_within_its_clause(text, word, cue):
    context = ctx(text)
    assert context.negation_before(at(context, word)) == cue


@pytest.mark.parametrize("text, word", [
    ("ik heb geen werk , maar wel schulden", "schulden"),  # comma and 'maar' end the clause
    ("ik heb geen werk en veel schulden", "schulden"),  # 'en' ends the clause
    ("ik weet niet hoe ik met mijn schulden moet omgaan", "schulden"),  # 'niet' out of reach
    ("het gaat niet goed met mijn schulden", "schulden"),  # pseudo-negation 'niet goed'
    ("ik weet niet of ik verslaafd ben", "verslaafd"),  # pseudo-negation 'weet niet'
    ("ik heb schulden", "schulden"),
])
def test_no_negation(text, word):
    context = ctx(text)
    assert context.negation_before(at(context, word)) is None


def test_negation_after_a_verb():
    context = ctx("ik schaam me niet")
    assert context.negation_after(at(context, "me") + 1) == "niet"
    context = ctx("ik schaam me , niet omdat")
    assert context.negation_after(at(context, "me") + 1) is None


@pytest.mark.parametrize("text, word, cue", [
    ("vroeger dronk ik elke dag", "dronk", "vroeger"),
    ("ik was verslaafd , maar ik ben al drie jaar clean", "verslaafd", "clean"),
    ("de schulden zijn net afgelost", "schulden", "afgelost"),
    ("jaren geleden gokte ik", "gokte", "jaren geleden"),
])
def test_resolved_past(text, word, cue):
    context = ctx(text)
    i = at(context, word)
    assert context.resolved_past(i, i + 1) == cue


@pytest.mark.parametrize("text, word", [
    ("vroeger dronk ik veel en nu drink ik weer", "drink"),
    ("ik was clean maar ik gebruik nog steeds", "gebruik"),
    ("ik drink elke dag", "drink"),
    ("vroeger was alles goed . nu drink ik elke dag", "drink"),  # past cue in another sentence
])
def test_not_resolved(text, word):
    context = ctx(text)
    i = at(context, word)
    assert context.resolved_past(i, i + 1) is None


@pytest.mark.parametrize("text, word, naaste", [
    ("mijn broer drinkt te veel", "drinkt", True),
    ("sinds kort drinkt mijn broer te veel", "drinkt", True),
    ("ik maak me zorgen om mijn zoon , hij blowt elke dag", "blowt", True),
    ("mijn broer is dertig . hij drinkt", "drinkt", True),
    ("meneer drinkt te veel", "drinkt", False),
    ("meneer geeft aan dat hij elke dag drinkt", "drinkt", False),
    ("ik drink te veel sinds mijn vrouw weg is", "drink", False),
    ("beller gebruikt elke dag", "gebruikt", False),
    ("hij drinkt te veel", "drinkt", False),  # KCC note about the caller
])
def test_about_naaste(text, word, naaste):
    context = ctx(text)
    i = at(context, word)
    assert context.about_naaste(i, i + 1) is naaste


def test_clause_end_and_boundaries():
    context = ctx("ik kan niet meer . ik kan niet meer slapen")
    first_meer = at(context, "meer")
    assert context.ends_clause(first_meer + 1)
    assert not context.ends_clause(len(context.norms) - 1)
    assert context.ends_clause(len(context.norms))


def test_empty_context_answers_safely():
    context = Context([], LANGUAGE)
    assert context.negation_before(0) is None
    assert context.negation_after(0) is None
    assert context.ends_clause(0)


@pytest.mark.parametrize("text, word, cue", [
    ("ik heb vroeger aan zelfmoord gedacht maar dat is al jaren voorbij", "zelfmoord", "al jaren voorbij"),
    ("vroeger had ik zelfmoordgedachten . die heb ik niet meer", "zelfmoordgedachten", "heb ik niet meer"),
    ("vroeger zelfmoordgedachten , dat is voorbij . nu wil ik weer werken", "zelfmoordgedachten", "is voorbij"),
])
def test_explicitly_over(text, word, cue):
    context = ctx(text)
    i = at(context, word)
    assert context.explicitly_over(i, i + 1) == cue


@pytest.mark.parametrize("text, word", [
    ("vroeger was ik suicidaal", "suicidaal"),  # a bare past: recall first
    ("ik heb aan zelfmoord gedacht maar dat is voorbij", "zelfmoord"),  # no past cue
    ("vroeger dacht ik aan zelfmoord maar dat is voorbij en nu soms weer", "zelfmoord"),
    ("vroeger zelfmoordgedachten , dat was voorbij . nu denk ik er weer aan", "zelfmoordgedachten"),
    ("vroeger zelfmoordgedachten . nu soms nog", "zelfmoordgedachten"),
])
def test_not_explicitly_over(text, word):
    context = ctx(text)
    i = at(context, word)
    assert context.explicitly_over(i, i + 1) is None


@pytest.mark.parametrize("text, word, naaste", [
    ("groepen voor partners van iemand met een alcoholprobleem", "alcoholprobleem", True),
    ("ouders van kinderen met autisme", "autisme", True),
    ("mijn dochter heeft een broertje met autisme", "autisme", True),
    ("ik ben iemand die te veel drinkt", "drinkt", False),  # 'iemand' without 'van' is not someone else
])
def test_someone_else_via_van_and_relatives(text, word, naaste):
    context = ctx(text)
    i = at(context, word)
    assert context.about_naaste(i, i + 1) is naaste


@pytest.mark.parametrize("text, word, naaste", [
    ("mijn zoon heeft autisme", "autisme", False),  # the parent asks for the child
    ("mevrouw belt over haar dochter met autisme", "autisme", False),
    ("mijn dochter heeft een broertje met autisme", "autisme", True),  # a sibling
    ("ouders die ook een kind met autisme hebben", "autisme", True),  # not one's own
    ("ouders van mijn zoon met autisme", "autisme", True),
    ("mijn broer heeft autisme", "autisme", True),
])
def test_own_child_counts_as_inwoner_when_asked(text, word, naaste):
    context = ctx(text)
    i = at(context, word)
    assert context.about_naaste(i, i + 1, child_is_inwoner=True) is naaste
    # without the flag, every child is a naaste
    if "zoon heeft" in text:
        assert context.about_naaste(i, i + 1) is True


@pytest.mark.parametrize("text, word", [
    ("ik ben niet depressief hoor , ik zoek contact met mensen", "contact"),  # comma ends the scope
    ("ik ben niet depressief maar zoek contact", "contact"),
    ("niet dat ik somber ben , ik wil gewoon mensen ontmoeten", "mensen"),
    ("ik heb niet veel contact", "contact"),  # pseudo-negation: little contact
    ("ik drink niet en ik zoek contact", "contact"),
])
def test_negation_stops_at_clause_boundaries(text, word):
    context = ctx(text)
    assert context.negation_before(at(context, word)) is None


def test_negation_only_reaches_a_few_tokens():
    context = ctx("ik ben niet bang voor hem in deze grote drukke groep")
    assert context.negation_before(at(context, "bang")) == "niet"
    assert context.negation_before(at(context, "groep")) is None
