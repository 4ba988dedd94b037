"""An intake that follows the person: requests, a checked stop, corrections, context for goodbye."""

from actions.flow import ActionDoorgaan, ActionToonAanbod
from actions.forms import ValidateAanmeldingForm, ValidateVerhelderingForm
from actions.info import ActionZegAfscheid
from actions.session import ActionStoppen
from bot.aanmelding import service
from tests.actions.conftest import responses_of, slots_of
from tests.actions.test_forms import TRIAGE, _form_tracker

INDIVIDUEEL = {**TRIAGE, "advies": "eerst_individueel", "advies_redenen": ["schaamte"],
               "signalen": [{"code": "contra_schaamte", "soort": "contra", "bewijs": "schaam", "regel": "r"}]}


def _followup(events):
    return [e["name"] for e in events if e.get("event") == "followup"]


def test_a_change_of_mind_read_as_stop_is_no_stop(tracker_factory, run, domain):
    tracker = tracker_factory("Ik heb me bedacht. Ik wil toch graag horen over een groep.", "stoppen", 0.6,
                              slots={"verhaal": ["ik ben eenzaam"], "triage": TRIAGE, "open_vraag": "aanmelding"})
    messages, events = run(ActionStoppen(), tracker, domain)
    assert _followup(events) == ["action_toon_aanbod"] and not responses_of(messages)


def test_a_plain_stop_inside_a_form_is_handed_over_and_remembered(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "stop", "vraag_sinds", "verheldering_form", intent="stoppen",
                            confidence=0.99)
    _, events = run(ValidateVerhelderingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["requested_slot"] is None and slots["onderbroken"] == "verheldering_form"
    assert slots["stap"] == "stoppen"  # the rules run action_stoppen, which asks first


def test_no_to_the_stop_goes_back_to_the_form(tracker_factory, run, domain):
    tracker = tracker_factory("nee", "ontkennen", slots={"open_vraag": "stoppen", "onderbroken": "aanmelding_form"})
    messages, events = run(ActionDoorgaan(), tracker, domain)
    assert responses_of(messages) == ["utter_doorgaan"] and _followup(events) == ["aanmelding_form"]


def test_an_aanmelding_asked_for_during_the_questions_ends_them_with_the_route(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "Dan maar een aanmelding, maar dan per mail.", "vraag_geprobeerd",
                            "verheldering_form")
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["requested_slot"] is None and slots["aanmelding_gevraagd"] is True
    assert slots["contact_voorkeur"] == "email"
    assert "utter_question_vraag_geprobeerd" not in responses_of(messages)


def test_a_group_asked_for_while_individual_first_names_that_route_first(tracker_factory, run, domain, monkeypatch):
    import actions.flow as flow

    offer = {"id": "b", "naam": "Budgettraining", "themas": ["geldzaken"], "waarom": "Past bij geldzaken.",
             "gemeente": "Zwolle", "wijk": "Assendorp"}
    monkeypatch.setattr(flow, "triage_of", lambda *a, **k: {**INDIVIDUEEL, "suggesties": [offer],
                                                                "aanbod_gevraagd": True})
    tracker = tracker_factory("Is er een budgetcursus in de buurt?", "hulpvraag_geldzaken",
                              slots={"verhaal": ["ik schaam me voor mijn schulden"], "triage": INDIVIDUEEL})
    messages, events = run(ActionToonAanbod(), tracker, domain)
    said = responses_of(messages)
    assert said[0] == "utter_aanbod_gevraagd_individueel" and "utter_aanbod_item" in said
    assert said[-1] == "utter_vraag_aanmelding"
    item = next(m for m in messages if m.get("response") == "utter_aanbod_item")
    assert item["past_omdat"].startswith("Dit past bij uw vraag over")
    assert slots_of(events)["open_vraag"] == "aanmelding"


def test_an_answer_is_no_goodbye(tracker_factory, run, domain):
    tracker = tracker_factory("dat ik rust krijg", "afscheid", 0.56, slots={"open_vraag": "aanmelding"})
    messages, _ = run(ActionZegAfscheid(), tracker, domain)
    assert responses_of(messages) == ["utter_vraag_aanmelding_anders"]


def test_a_real_goodbye_is_one(tracker_factory, run, domain):
    messages, _ = run(ActionZegAfscheid(), tracker_factory("doei!", "afscheid", 0.95), domain)
    assert responses_of(messages) == ["utter_afscheid"]


def test_no_name_means_skip_and_a_contact_word_is_no_name(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="naam-1", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    for text, expected in (("liever geen naam", "overgeslagen"), ("bellen", None), ("nee", "overgeslagen")):
        tracker = _form_tracker(tracker_factory, text, "naam", "aanmelding_form", aanmelding_ref=ref,
                                toestemming="ja", sid="naam-1")
        messages, events = run(ValidateAanmeldingForm(), tracker, domain)
        assert slots_of(events)["naam"] == expected, text
        assert service.get(ref, "naam-1")["naam"] is None
        assert ("utter_ongeldig_naam" in responses_of(messages)) == (expected is None), text


def test_a_name_given_at_the_summary_is_stored_and_the_summary_comes_again(tracker_factory, run, domain,
                                                                           use_database):
    ref = service.start(gesprek_id="sam-1", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    service.set_contact(ref, "sam-1", "naam", "Fatima")
    for text in ("naam. Zet er maar Sanne neer", "nee, de naam moet Sanne de Vries zijn"):
        tracker = _form_tracker(tracker_factory, text, "samenvatting_ok", "aanmelding_form", aanmelding_ref=ref,
                                toestemming="ja", naam="[NAAM]", contact_voorkeur="geen", postcode="overgeslagen",
                                sid="sam-1", intent="stoppen", confidence=0.7)
        messages, events = run(ValidateAanmeldingForm(), tracker, domain)
        assert responses_of(messages) == ["utter_aangepast", "utter_question_samenvatting_ok"], text
        assert slots_of(events)["requested_slot"] == "samenvatting_ok"
    assert service.get(ref, "sam-1")["naam"] == "Sanne de Vries"


def test_the_postcode_for_offers_goes_into_the_aanmelding(tracker_factory, run, domain, use_database):
    tracker = _form_tracker(tracker_factory, "ja", "toestemming", "aanmelding_form", intent="bevestigen",
                            confidence=0.99, vraag_postcode="8011", contact_voorkeur="email", sid="pc-1")
    _, events = run(ValidateAanmeldingForm(), tracker, domain)
    slots = slots_of(events)
    row = service.get(slots["aanmelding_ref"], "pc-1")
    assert row["postcode"] == "8011" and row["contact_voorkeur"] == "email"
    assert slots["postcode"] == "[POSTCODE]" and slots["requested_slot"] == "naam"


def test_a_corrected_theme_is_what_the_aanmelding_stores(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="thema-1", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    tracker = _form_tracker(tracker_factory, "het gaat eigenlijk over eenzaamheid", "naam", "aanmelding_form",
                            aanmelding_ref=ref, toestemming="ja", sid="thema-1")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_thema_aangepast", "utter_question_naam"]
    assert slots_of(events)["thema_keuze"] == "eenzaamheid"
    assert service.get(ref, "thema-1")["themas"][0]["thema"] == "eenzaamheid"


def test_a_person_asked_for_in_a_form_gets_the_phone_route(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "Ik wil een mens spreken", "vraag_sinds", "verheldering_form")
    _, events = run(ValidateVerhelderingForm(), tracker, domain)
    assert slots_of(events)["stap"] == "mens" and slots_of(events)["onderbroken"] == "verheldering_form"


def test_an_unclear_consent_answer_gets_the_question_in_other_words(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "hmm wat bedoelt u", "toestemming", "aanmelding_form")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_question_toestemming_anders"]  # one question, in other words
    assert slots_of(events)["toestemming"] is None
