"""action_triage, action_crisis, action_advies with tracker fixtures (real triage engine)."""

import pytest

from actions.crisis import ActionCrisis, ActionTerugbellen, ValidateTerugbelForm
from actions.triage import ActionAdvies, ActionTriage
from bot.aanmelding import service
from tests.actions.conftest import cards_of, responses_of, slots_of

SCHULDEN = "Ik heb steeds meer schulden en ik slaap er slecht van"


def test_triage_first_message_welcomes_and_acknowledges(tracker_factory, run, domain):
    tracker = tracker_factory(SCHULDEN, "hulpvraag_geldzaken", ranking=[("hulpvraag_geldzaken", 0.9)])
    messages, events = run(ActionTriage(), tracker, domain)
    assert responses_of(messages) == ["utter_welkom_kort", "utter_privacy", "utter_erkenning"]
    slots = slots_of(events)
    assert slots["stap"] == "verhelderen" and slots["crisis"] is False
    assert slots["verhaal"] == [SCHULDEN] and slots["triage"]["thema"] == "geldzaken"
    assert slots["welkom_gehad"] is True and slots["voor_wie"] == "zelf"
    assert messages[2]["thema_label"] == "Geld en schulden"


def test_crisis_says_nothing_before_the_crisis_action(tracker_factory, run, domain):
    tracker = tracker_factory("Ik wil niet meer leven", "hulpvraag_psychisch")
    messages, events = run(ActionTriage(), tracker, domain)
    assert messages == []
    assert slots_of(events)["stap"] == "crisis"


def test_a_crisis_in_english_takes_the_crisis_path(tracker_factory, run, domain):
    """A message the assistant cannot read as Dutch is still checked for crisis."""
    tracker = tracker_factory("I don't want to live anymore, please help", "nlu_fallback")
    messages, events = run(ActionTriage(), tracker, domain)
    assert messages == []
    assert slots_of(events)["stap"] == "crisis" and slots_of(events)["crisis"] is True


def test_the_answer_to_other_languages_names_the_emergency_numbers(domain):
    text = next(v["text"] for v in domain["responses"]["utter_anderstalig"] if not v.get("condition"))
    assert "{nood_algemeen}" in text and "{nood_113}" in text


def test_crisis_action_gives_the_contact_first_and_marks_follow_up(tracker_factory, run, domain, use_database):
    triage = run(ActionTriage(), tracker_factory("Ik wil niet meer leven", "hulpvraag_psychisch"), domain)[1]
    slots = slots_of(triage)
    tracker = tracker_factory("Ik wil niet meer leven", "hulpvraag_psychisch", sender_id="crisis-1", slots=slots)
    messages, events = run(ActionCrisis(), tracker, domain)
    assert responses_of(messages) == ["utter_crisis", "utter_crisis_terugbellen"]
    assert "0800-0113" in messages[0]["contacten"]
    assert service.open_opvolging("crisis-1")["reden"] == ["crisis_suicide"]
    assert slots_of(events)["crisis"] is True


def test_crisis_callback_number_goes_to_the_follow_up_only(tracker_factory, run, domain, use_database):
    tracker = tracker_factory("06 12345678", "nlu_fallback", sender_id="crisis-2", active_loop="terugbel_form",
                              slots={"requested_slot": "terugbel_telefoon", "triage": {"signalen": [
                                  {"code": "crisis_geweld"}]}},
                              extracted={"terugbel_telefoon": "06 12345678"})
    messages, events = run(ValidateTerugbelForm(), tracker, domain)
    assert slots_of(events)["terugbel_telefoon"] == "[TELEFOON]"
    row = service.open_opvolging("crisis-2")
    assert row["telefoon"] == "+31612345678" and row["terugbellen"] is True
    done = tracker_factory("x", slots={"terugbel_telefoon": "[TELEFOON]"})
    assert responses_of(run(ActionTerugbellen(), done, domain)[0]) == ["utter_terugbellen_geregeld"]


def test_unusable_messages_are_not_triaged(tracker_factory, run, domain):
    for text, response in [("", "utter_leeg"), ("😢😢", "utter_geen_woorden"),
                           ("I need help with my debts please", "utter_anderstalig")]:
        messages, events = run(ActionTriage(), tracker_factory(text, "hulpvraag_geldzaken"), domain)
        assert responses_of(messages) == [response]
        assert slots_of(events) == {"stap": "onbruikbaar"}


def test_huge_html_message_is_cut_cleaned_and_triaged(tracker_factory, run, domain):
    text = "<p>" + ("Ik heb schulden. " * 600) + "</p>"
    messages, events = run(ActionTriage(), tracker_factory(text, "hulpvraag_geldzaken"), domain)
    assert "utter_te_lang" in responses_of(messages)
    story = slots_of(events)["verhaal"]
    assert len(story[0]) <= 5000 and "<p>" not in story[0]


def test_repeated_message_is_not_added_twice(tracker_factory, run, domain):
    tracker = tracker_factory(SCHULDEN, "hulpvraag_geldzaken", previous_texts=[SCHULDEN],
                              slots={"verhaal": [SCHULDEN], "welkom_gehad": True})
    messages, events = run(ActionTriage(), tracker, domain)
    assert responses_of(messages) == ["utter_herhaald"]


def test_correction_changes_voor_wie(tracker_factory, run, domain):
    tracker = tracker_factory("nee, het gaat om mijn zoon", "ontkennen",
                              slots={"verhaal": ["ik maak me zorgen"], "voor_wie": "zelf", "welkom_gehad": True,
                                     "triage": {"thema": "psychisch"}})
    _, events = run(ActionTriage(), tracker, domain)
    assert slots_of(events)["voor_wie"] == "kind"


def test_kcc_triage_has_a_card_with_evidence(tracker_factory, run, domain):
    tracker = tracker_factory("De inwoner drinkt elke dag een fles wijn en wil dat niemand het weet",
                              "hulpvraag_verslaving", metadata={"rol": "kcc"}, slots={"welkom_gehad": True})
    messages, events = run(ActionTriage(), tracker, domain)
    cards = cards_of(messages)
    assert len(cards) == 1
    card = cards[0]
    assert card["themas"] and card["themas"][0]["waarom"]
    assert all(s["bewijs"] for s in card["signalen"])
    assert card["volgende_vragen"] and all(q["vraag"] for q in card["volgende_vragen"])
    assert slots_of(events)["rol"] == "kcc"


ADVIES_CASES = [
    ("collectief_mogelijk", None, ["utter_advies_collectief", "utter_aanbod_item"]),
    ("collectief_mogelijk", "nee", ["utter_advies_geen_groep"]),
    ("eerst_individueel", None, ["utter_advies_individueel", "utter_wat_gebeurt_er"]),
]


@pytest.mark.parametrize("advies,groep,start", ADVIES_CASES)
def test_advies(tracker_factory, run, domain, advies, groep, start):
    suggestie = {"id": "k1", "naam": "Eetclub", "wijk": "Binnenstad", "gemeente": "Zwolle", "omschrijving": "Samen eten.",
                 "wanneer": "", "kosten": "5 euro", "hoe_aansluiten": "Aanmelden", "waarom": "past"}
    triage = {"thema": "eenzaamheid", "themas": [], "signalen": [], "advies": advies, "advies_redenen": ["r"],
              "crisis": False, "suggesties": [suggestie]}
    tracker = tracker_factory("x", slots={"triage": triage, "vraag_groep": groep})
    messages, events = run(ActionAdvies(), tracker, domain)
    names = responses_of(messages)
    assert names[:len(start)] == start and names[-1] == "utter_vraag_aanmelding"
    if "utter_aanbod_item" in names:
        item = messages[names.index("utter_aanbod_item")]
        assert item["wanneer"] == "vraag het wijkteam"  # empty fields get the domain's text
        assert "utter_individuele_route" in names
        assert slots_of(events)["aanbod_getoond"][0]["id"] == "k1"
    else:
        assert slots_of(events)["aanbod_getoond"] == []
