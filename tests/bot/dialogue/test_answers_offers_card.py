import pytest

from bot.dialogue import answers
from bot.dialogue.advice import advice_steps
from bot.dialogue.card import build_card
from bot.dialogue.offers import offers_to_show

SUGGESTIE = {"id": "kaart-1", "naam": "Koffieochtend", "wijk": "Holtenbroek", "gemeente": "Zwolle",
             "waarom": "thema eenzaamheid", "omschrijving": "Samen koffie drinken.", "wanneer": "dinsdag 10 uur",
             "kosten": "gratis", "hoe_aansluiten": "gewoon binnenlopen"}


def triage(advies, suggesties=(SUGGESTIE,), crisis=False, signalen=()):
    return {"thema": "eenzaamheid", "themas": [{"thema": "eenzaamheid", "zekerheid": 0.8, "waarom": "classifier"}],
            "crisis": crisis, "signalen": list(signalen), "advies": advies, "advies_redenen": ["wil mensen ontmoeten"],
            "crisis_contact": [], "suggesties": list(suggesties)}


@pytest.mark.parametrize("text,expected", [
    ("ja", "ja"), ("Ja graag!", "ja"), ("nee", "nee"), ("nee hoor", "nee"), ("liever niet", "nee"),
    ("weet ik niet", "weet_niet"), ("misschien", "weet_niet"), ("mijn zoon", None), ("👍", "ja"),
])
def test_yes_no(text, expected):
    assert answers.yes_no(text) == expected


def test_words_beat_a_wrong_intent():
    assert answers.yes_no("nee", "bevestigen", 0.99) == "nee"
    assert answers.yes_no("zeker weten", "bevestigen", 0.95) == "ja"
    assert answers.yes_no("tja", "bevestigen", 0.4) is None


def test_feedback_score_negative_wins():
    assert answers.feedback_score("goed") == 3
    assert answers.feedback_score("niet goed") == 1
    assert answers.feedback_score("gaat wel") == 2
    assert answers.feedback_score("🙂") == 3
    assert answers.feedback_score("banaan") is None


def test_skip_pc4_and_field():
    assert answers.is_skip("overslaan") and answers.is_skip("liever niet") and not answers.is_skip("Jan")
    assert answers.pc4_of("8011 AB") == "8011" and answers.pc4_of("geen") is None
    assert answers.field_named("de postcode klopt niet") == "postcode"
    assert answers.field_named("mijn telefoonnummer") == "telefoon"


def test_offers_only_for_collective_advice():
    assert offers_to_show(triage("eerst_individueel")) == []
    assert offers_to_show(triage("collectief_mogelijk", crisis=True)) == []
    shown = offers_to_show(triage("combinatie", suggesties=[SUGGESTIE] * 5))
    assert len(shown) == 3 and shown[0]["waar"] == "Holtenbroek, Zwolle"
    assert shown[0]["hoe_aansluiten"] == "gewoon binnenlopen"


def test_advice_always_keeps_the_individual_route_and_never_pushes():
    steps, offers = advice_steps(triage("collectief_mogelijk"), None)
    names = [s[0] for s in steps]
    assert names[:2] == ["utter_advies_collectief", "utter_aanbod_item"] and "utter_individuele_route" in names
    assert names[-1] == "utter_vraag_aanmelding" and len(offers) == 1
    steps, offers = advice_steps(triage("collectief_mogelijk"), "nee")
    assert "utter_aanbod_item" not in [s[0] for s in steps] and offers == []
    steps, offers = advice_steps(triage("eerst_individueel"), None)
    assert [s[0] for s in steps] == ["utter_advies_individueel", "utter_wat_gebeurt_er", "utter_vraag_aanmelding"]
    assert offers == []


def test_card_has_reasons_everywhere():
    signal = {"code": "indicatie_sociaal_contact", "soort": "indicatie", "bewijs": "mensen ontmoeten", "regel": "r1"}
    card = build_card(triage("collectief_mogelijk", signalen=[signal]),
                      [{"slot": "vraag_sinds", "vraag": "Sinds wanneer?"}], {"voor_wie": "zelf"}, "WT-AAAA-BB")
    kaart = card["triage_kaart"]
    assert kaart["themas"][0] == {"thema": "eenzaamheid", "label": "Eenzaamheid en sociaal contact",
                                  "zekerheid": 0.8, "waarom": "classifier"}
    assert kaart["signalen"][0]["bewijs"] == "mensen ontmoeten" and kaart["signalen"][0]["regel"] == "r1"
    assert kaart["advies"]["redenen"] == ["wil mensen ontmoeten"] and kaart["advies"]["uitleg"]
    assert kaart["aanbod"][0]["naam"] == "Koffieochtend"
    assert kaart["volgende_vragen"][0]["slot"] == "vraag_sinds"
    assert kaart["referentie"] == "WT-AAAA-BB"
    assert build_card(None)["triage_kaart"]["themas"] == []


def test_offer_fields_fit_the_sentence_template():
    t = triage("collectief_mogelijk")
    t["suggesties"] = [{"id": "x", "naam": "Eetclub", "omschrijving": "Samen eten", "wanneer": "Elke donderdag.",
                        "kosten": "5 euro. ", "hoe_aansluiten": "Meld u aan.", "wijk": "Binnenstad", "gemeente": "Zwolle"}]
    shown = offers_to_show(t)[0]
    assert shown["omschrijving"] == "Samen eten."
    assert shown["wanneer"] == "Elke donderdag" and shown["kosten"] == "5 euro"
    assert shown["hoe_aansluiten"] == "Meld u aan"
