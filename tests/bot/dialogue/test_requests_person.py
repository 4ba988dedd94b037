"""Requests in the person's words, names, the person's age and gender, offers that fit them."""

from types import SimpleNamespace

import pytest

from bot.dialogue import requests as req
from bot.dialogue.offers import offers_to_show, postcode_area, why_it_fits
from bot.dialogue.person import person_of
from bot.kaart.doelgroep import misfit
from bot.triage.result import Suggestion, TriageResult


@pytest.mark.parametrize("text,kind", [
    ("Ik heb me bedacht. Ik wil toch graag horen over een groep.", req.GROEP),
    ("Is er een budgetcursus of geldcafé in de buurt?", req.GROEP),
    ("Is er een groep voor mantelzorgers? Daar wil ik wel heen.", req.GROEP),
    ("Nee, toch maar geen groep.", req.GEEN_GROEP),
    ("Dan maar een aanmelding, maar dan per mail.", req.AANMELDING),
    ("Kan ik een echt mens spreken?", req.MENS),
    ("stop", req.STOPPEN),
    ("Ik wil stoppen", req.STOPPEN),
    ("opnieuw beginnen", req.OPNIEUW),
])
def test_requests_are_read_with_their_fragment(text, kind):
    found = req.read_request(text)
    assert found is not None and found.kind == kind and found.fragment.lower() in text.lower()


@pytest.mark.parametrize("text", ["dat het beter gaat", "dat ik rust krijg", "naam. Zet er maar Sanne neer",
                                  "Ik heb schulden en wil stoppen met gokken", "al een half jaar"])
def test_ordinary_answers_are_no_request(text):
    assert req.read_request(text) is None
    assert not req.is_goodbye(text)


def test_the_contact_route_in_a_request():
    assert req.read_request("Dan maar een aanmelding, maar dan per mail.").route == "email"
    assert req.contact_route("bel me maar") == "telefoon"
    assert req.contact_route("dat weet ik niet") is None


def test_a_corrected_theme():
    assert req.theme_correction("Het gaat eigenlijk over geld, ik heb schulden.")[0] == "geldzaken"
    assert req.theme_correction("het gaat eigenlijk meer over eenzaamheid")[0] == "eenzaamheid"
    assert req.theme_correction("het gaat beter") is None


@pytest.mark.parametrize("text,field_words,name", [
    ("Fatima Bakker", False, "Fatima Bakker"), ("mijn naam is Jan", False, "Jan"),
    ("liever geen naam", False, None), ("bellen", False, None), ("nee", False, None), ("telefoon", False, None),
    ("naam. Zet er maar Sanne neer", True, "Sanne"), ("nee, de naam moet Sanne de Vries zijn", True, "Sanne de Vries"),
])
def test_names(text, field_words, name):
    assert req.name_in(text, field_words) == name


def test_skipping_the_name():
    assert req.skips_name("liever geen naam") and req.skips_name("nee") and not req.skips_name("bellen")


def test_the_person_as_far_as_the_story_says():
    assert person_of("Ik ben 19 en voel me eenzaam") == {"leeftijd": 19}
    assert person_of("Ik ben een man van 40") == {"leeftijd": 40, "geslacht": "man"}
    assert person_of("Mijn zoon van 14 wil niet naar school", "kind") == {"leeftijd": 14}
    assert person_of("al twee jaar schulden") == {}
    assert person_of("Ik ben 19", "partner") == {}  # about someone else: nothing is guessed


def _offer(doelgroepen=(), leeftijd_min=None, leeftijd_max=None):
    """The fields of an Aanbod that say for whom it is."""
    return SimpleNamespace(doelgroepen=doelgroepen, leeftijd_min=leeftijd_min, leeftijd_max=leeftijd_max)


def test_offers_for_another_target_group_are_left_out():
    ouderen = _offer(doelgroepen=("oudere",), leeftijd_min=60)
    vrouwen = _offer(doelgroepen=("vrouw",))
    kinderen = _offer(doelgroepen=("kind",), leeftijd_min=8, leeftijd_max=12)
    assert misfit(ouderen, {"leeftijd": 19}).startswith("leeftijd_niet")
    assert misfit(vrouwen, {"geslacht": "man"}) == "geslacht_niet:man"
    assert misfit(vrouwen, {"geslacht": "vrouw"}) is None and misfit(vrouwen, {}) is None
    assert misfit(kinderen, {}, "zelf") == "doelgroep_niet:volwassene"
    assert misfit(ouderen, {}, "kind") == "doelgroep_niet:kind"
    assert misfit(_offer(), {"leeftijd": 19, "geslacht": "man"}, "zelf") is None


def test_an_offer_for_carers_only_needs_a_question_about_caring():
    cafe = _offer(doelgroepen=("mantelzorger",))
    assert misfit(cafe, {}, "zelf", {"eenzaamheid"}) == "doelgroep_niet:mantelzorger"
    assert misfit(cafe, {}, "zelf", {"eenzaamheid", "mantelzorg"}) is None
    assert misfit(_offer(doelgroepen=("ouder",)), {}, "zelf", {"eenzaamheid"}) == "doelgroep_niet:ouder"
    assert misfit(cafe, {}) is None  # no themes known (the kaart's own search): nothing is guessed
    for_both = _offer(doelgroepen=("oudere", "mantelzorger"))
    assert misfit(for_both, {}, "zelf", {"wmo_voorziening"}) is None


def test_widow_asking_for_company_is_not_sent_to_the_carers_cafe():
    from bot.triage import triage

    for postcode in (None, "8011 AB"):
        names = [s.naam for s in triage("Ik ben weduwe en voel me eenzaam, ik wil graag andere mensen ontmoeten",
                                        postcode=postcode).suggesties]
        assert names and not any("antelzorg" in name or "ouders" in name for name in names), names


def test_another_gemeente_is_said_honestly():
    assert postcode_area("8011", "Zwolle") == {"soort": "eigen", "gemeente": ""}
    assert postcode_area("2011", "Zwolle") == {"soort": "buiten", "gemeente": "Haarlem"}
    assert postcode_area("3511", "Zwolle")["soort"] == "buiten"  # not in the table, far from Zwolle's codes
    assert postcode_area(None, "Zwolle")["soort"] == "onbekend"


def test_each_offer_says_why_it_fits_and_asked_offers_show_whatever_the_advice():
    triage = {"advies": "eerst_individueel", "themas": [{"thema": "geldzaken"}], "crisis": False,
              "suggesties": [{"id": "b", "naam": "Budget", "themas": ["geldzaken"], "waarom": "In uw wijk Assendorp."}]}
    assert offers_to_show(triage) == []
    shown = offers_to_show({**triage, "aanbod_gevraagd": True})
    assert shown[0]["past_omdat"] == "Dit past bij uw vraag over geld en schulden en het is bij u in de buurt."
    assert why_it_fits(Suggestion.from_dict({"themas": ["wonen"], "waarom": ""}),
                       TriageResult.from_dict(triage)) == "Dit kan passen bij uw vraag."
