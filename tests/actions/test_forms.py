"""Form validation: clarifying questions, the aanmelding, feedback."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ask import ask
from actions.crisis import UNCLEAR, ActionTerugbellen, ValidateTerugbelForm
from actions.forms import ValidateAanmeldingForm, ValidateVerhelderingForm
from bot.aanmelding import service
from bot.aanmelding.models import Feedback
from bot.store import db
from tests.actions.conftest import responses_of, slots_of

TRIAGE = {"thema": "geldzaken", "themas": [{"thema": "geldzaken", "zekerheid": 0.9, "waarom": "classifier"}],
          "signalen": [], "advies": "combinatie", "advies_redenen": [], "crisis": False, "suggesties": []}


def _form_tracker(factory, text, slot, form, intent="nlu_fallback", confidence=0.5, **slots):
    base = {"requested_slot": slot, slot: text, "triage": TRIAGE, "verhaal": ["ik heb schulden"],
            "stap": "verhelderen"}
    sid = slots.pop("sid", "form-1")
    base.update(slots)
    return factory(text, intent, confidence, slots=base, active_loop=form, sender_id=sid, extracted={slot: text})


def test_verheldering_answer_is_added_and_retriaged(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "al een jaar, het wordt steeds erger", "vraag_sinds", "verheldering_form")
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["vraag_sinds"].startswith("al een jaar")
    assert slots["verhaal"][-1].startswith("al een jaar")
    assert slots["triage"]["thema"]
    assert "requested_slot" in slots  # the plan decides the next question


def test_verheldering_crisis_stops_the_form(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "eigenlijk wil ik niet meer leven", "vraag_wens", "verheldering_form")
    _, events = run(ValidateVerhelderingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["stap"] == "crisis" and slots["requested_slot"] is None and slots["vraag_wens"] is None


def test_interruption_is_answered_and_the_question_stays(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "hoe vraag ik een paspoort aan", "vraag_sinds", "verheldering_form",
                            intent="buiten_scope", confidence=0.95)
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_buiten_scope", "utter_question_vraag_sinds"]
    assert slots_of(events) == {"vraag_sinds": None, "requested_slot": "vraag_sinds"}


def test_answer_wins_over_a_misread_intent(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="form-1", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    tracker = _form_tracker(tracker_factory, "telefoon", "contact_voorkeur", "aanmelding_form",
                            intent="medewerker_spreken", confidence=0.97, aanmelding_ref=ref, toestemming="ja")
    _, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert slots_of(events)["contact_voorkeur"] == "telefoon"


def test_consent_creates_concept_and_no_consent_stores_nothing(tracker_factory, run, domain, use_database):
    tracker = _form_tracker(tracker_factory, "ja", "toestemming", "aanmelding_form", sid="c-1")
    _, events = run(ValidateAanmeldingForm(), tracker, domain)
    ref = slots_of(events)["aanmelding_ref"]
    assert service.get(ref, "c-1")["status"] == "concept"
    tracker = _form_tracker(tracker_factory, "nee", "toestemming", "aanmelding_form", sid="c-2")
    _, events = run(ValidateAanmeldingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["toestemming"] == "nee" and slots["requested_slot"] == "feedback_antwoord"
    assert service.discard_concept("c-2") == 0


def test_contact_details_go_to_the_row_and_slots_hold_placeholders(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="form-2", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    common = {"aanmelding_ref": ref, "toestemming": "ja", "sid": "form-2"}
    cases = [("naam", "Mijn naam is Fatima Bakker", "[NAAM]"), ("contact_voorkeur", "bellen", "telefoon"),
             ("telefoon", "06-12345678", "[TELEFOON]"), ("postcode", "8011ab", "[POSTCODE]"),
             ("belmoment", "dinsdagochtend", "[BELMOMENT]")]
    done = {}
    for slot, text, expected in cases:
        tracker = _form_tracker(tracker_factory, text, slot, "aanmelding_form", **common, **done)
        _, events = run(ValidateAanmeldingForm(), tracker, domain)
        assert slots_of(events)[slot] == expected
        done[slot] = expected
    row = service.get(ref, "form-2")
    assert (row["naam"], row["telefoon"], row["postcode"], row["belmoment"]) == (
        "Fatima Bakker", "+31612345678", "8011 AB", "dinsdagochtend")
    assert slots_of(events)["requested_slot"] == "samenvatting_ok"


def test_invalid_phone_is_asked_again_and_not_kept(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="form-3", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    tracker = _form_tracker(tracker_factory, "12345", "telefoon", "aanmelding_form", aanmelding_ref=ref,
                            toestemming="ja", naam="[NAAM]", contact_voorkeur="telefoon", sid="form-3")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_ongeldig_telefoon", "utter_question_telefoon"]
    assert slots_of(events)["telefoon"] is None


def test_summary_correction_clears_the_field(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="form-4", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    service.set_contact(ref, "form-4", "postcode", "8011 AB")
    tracker = _form_tracker(tracker_factory, "de postcode klopt niet", "samenvatting_ok", "aanmelding_form",
                            aanmelding_ref=ref, toestemming="ja", postcode="[POSTCODE]", naam="[NAAM]",
                            contact_voorkeur="geen", sid="form-4")
    _, events = run(ValidateAanmeldingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["postcode"] is None and slots["requested_slot"] == "postcode"
    assert service.get(ref, "form-4")["postcode"] is None


def test_summary_shows_the_stored_details(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="form-5", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    for veld, waarde in [("naam", "Jan"), ("contact_voorkeur", "telefoon"), ("telefoon", "+31612345678")]:
        service.set_contact(ref, "form-5", veld, waarde)
    tracker = tracker_factory("dinsdag", slots={"aanmelding_ref": ref, "triage": TRIAGE}, sender_id="form-5")
    dispatcher = CollectingDispatcher()
    ask("samenvatting_ok", dispatcher, tracker, domain)
    summary = dispatcher.messages[0]
    assert summary["naam"] == "Jan" and summary["contact"] == "06 12345678" and summary["postcode"] == "niet ingevuld"


def test_confirming_the_summary_completes_the_aanmelding_and_feedback_is_stored(tracker_factory, run, domain,
                                                                              use_database):
    ref = service.start(gesprek_id="form-6", rol="kcc", triage=TRIAGE, hulpvraag="x")
    service.set_contact(ref, "form-6", "contact_voorkeur", "email")
    service.set_contact(ref, "form-6", "email", "ria@example.nl")
    tracker = _form_tracker(tracker_factory, "ja", "samenvatting_ok", "aanmelding_form", intent="bevestigen",
                            confidence=0.95, aanmelding_ref=ref, toestemming="ja", naam="overgeslagen",
                            contact_voorkeur="email", email="[EMAIL]", postcode="overgeslagen",
                            vraag_sinds="een jaar", sid="form-6")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_aanmelding_klaar", "utter_wat_nu_email",
                                      "utter_question_feedback_antwoord"]
    assert messages[0]["referentie"] == ref
    slots = slots_of(events)
    assert slots["samenvatting_ok"] == "ja" and slots["aanmelding_bevestigd"] is True
    assert slots["requested_slot"] == "feedback_antwoord"  # the last question of the form
    row = service.get(ref, "form-6")
    assert row["status"] == "nieuw" and row["keuzes"]["vraag_sinds"] == "een jaar"
    tracker = _form_tracker(tracker_factory, "niet goed", "feedback_antwoord", "aanmelding_form", sid="form-6",
                            aanmelding_ref=ref, toestemming="ja", naam="overgeslagen", contact_voorkeur="email",
                            email="[EMAIL]", postcode="overgeslagen", samenvatting_ok="ja")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert slots_of(events)["feedback_antwoord"] == "niet_goed" and slots_of(events)["requested_slot"] is None
    assert responses_of(messages) == ["utter_feedback_dank"]
    with db.engine_for(use_database).connect() as conn:
        stored = conn.execute(Feedback.__table__.select().where(Feedback.gesprek_id == "form-6")).mappings().all()
    assert [(f["score"], f["antwoord"]) for f in stored] == [(1, "niet_goed")]
    assert stored[0]["aanmelding_id"] is not None


def test_validation_failure_drops_the_raw_answer(tracker_factory, run, domain, monkeypatch):
    import actions.forms as forms

    def broken(*_a, **_k):
        raise RuntimeError("database weg")

    monkeypatch.setattr(forms.service, "set_contact", broken)
    tracker = _form_tracker(tracker_factory, "06 12345678", "telefoon", "aanmelding_form", aanmelding_ref="WT-AAAA-BB",
                            toestemming="ja", contact_voorkeur="telefoon")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_technisch_probleem", "utter_question_telefoon"]
    assert slots_of(events) == {"telefoon": None, "requested_slot": "telefoon"}


def test_the_validation_asks_the_next_question_itself(tracker_factory, run, domain):
    """One action call per answer: the question comes with the validation (actions/ask.py)."""
    tracker = _form_tracker(tracker_factory, "voor mijzelf", "vraag_voor_wie", "verheldering_form")
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    asked = slots_of(events)["requested_slot"]
    assert asked and asked != "vraag_voor_wie"
    assert responses_of(messages)[-1] == f"utter_question_{asked}"


def test_a_form_without_its_own_order_asks_its_first_empty_slot(tracker_factory, run, domain):
    tracker = tracker_factory("ja", intent="bevestigen", slots={"stap": "crisis"}, active_loop=None)
    messages, events = run(ValidateTerugbelForm(), tracker, domain)
    assert slots_of(events)["requested_slot"] == "terugbel_telefoon"
    assert responses_of(messages) == ["utter_question_terugbel_telefoon"]


@pytest.mark.parametrize("text, intent, confidence", [("zelf", "bevestigen", 0.37), ("misschien later", "groet", 0.5)])
def test_the_callback_starts_only_on_a_clear_yes(tracker_factory, run, domain, text, intent, confidence):
    """A word the classifier reads as a weak yes fills no number question: the callback question comes again."""
    tracker = tracker_factory(text, intent=intent, confidence=confidence, slots={"stap": "crisis"}, active_loop=None)
    messages, events = run(ValidateTerugbelForm(), tracker, domain)
    assert slots_of(events)["terugbel_telefoon"] == UNCLEAR and slots_of(events)["requested_slot"] is None
    assert "utter_question_terugbel_telefoon" not in responses_of(messages)


def test_an_unclear_callback_answer_asks_the_callback_question_again(tracker_factory, run, domain):
    tracker = tracker_factory("zelf", slots={"terugbel_telefoon": UNCLEAR, "stap": "crisis"})
    messages, events = run(ActionTerugbellen(), tracker, domain)
    assert responses_of(messages) == ["utter_terugbel_opnieuw"]
    assert slots_of(events) == {"terugbel_telefoon": None, "open_vraag": "terugbellen"}


def test_no_question_after_the_last_answer(tracker_factory, run, domain):
    tracker = _form_tracker(tracker_factory, "nee", "terugbel_telefoon", "terugbel_form", intent="ontkennen")
    messages, events = run(ValidateTerugbelForm(), tracker, domain)
    assert slots_of(events)["requested_slot"] is None and slots_of(events)["terugbel_telefoon"] == "overgeslagen"
    assert responses_of(messages) == []


def test_no_consent_stores_nothing_and_asks_only_the_feedback(tracker_factory, run, domain, use_database):
    tracker = _form_tracker(tracker_factory, "nee", "toestemming", "aanmelding_form", intent="ontkennen",
                            confidence=0.95, sid="form-7")
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_geen_toestemming", "utter_question_feedback_antwoord"]
    assert slots_of(events)["toestemming"] == "nee" and slots_of(events)["requested_slot"] == "feedback_antwoord"


def test_a_new_aanmelding_after_a_no_asks_for_consent_again(tracker_factory, run, domain):
    tracker = tracker_factory("/bevestigen", intent="bevestigen", slots={"toestemming": "nee", "stap": "verhelderen"})
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    slots = slots_of(events)
    assert slots["toestemming"] is None and slots["requested_slot"] == "toestemming"
    assert responses_of(messages) == ["utter_question_toestemming"]


def test_a_database_down_at_confirmation_asks_again_and_the_retry_stores_one_aanmelding(
        tracker_factory, run, domain, use_database, monkeypatch):
    """Hardening: the database is down at the moment the person confirms the summary."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import OperationalError

    from bot.aanmelding.models import Aanmelding

    ref = service.start(gesprek_id="form-down", rol="inwoner", triage=TRIAGE, hulpvraag="x")
    service.set_contact(ref, "form-down", "contact_voorkeur", "geen")
    slots = dict(aanmelding_ref=ref, toestemming="ja", naam="overgeslagen", contact_voorkeur="geen",
                 postcode="overgeslagen", sid="form-down")
    real_update = service.update_triage
    calls = {"n": 0}

    def database_down_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("UPDATE aanmeldingen", {}, Exception("server closed the connection"))
        return real_update(*args, **kwargs)

    monkeypatch.setattr(service, "update_triage", database_down_once)
    tracker = _form_tracker(tracker_factory, "ja", "samenvatting_ok", "aanmelding_form", intent="bevestigen",
                            confidence=0.95, **slots)
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    assert responses_of(messages)[0] == "utter_technisch_probleem"
    assert "utter_question_samenvatting_ok" in responses_of(messages)  # the summary is asked again
    assert slots_of(events).get("aanmelding_bevestigd") is not True
    assert service.get(ref, "form-down")["status"] == "concept"

    messages, events = run(ValidateAanmeldingForm(), tracker, domain)  # the person says "ja" again
    assert "utter_aanmelding_klaar" in responses_of(messages)
    with db.engine_for(use_database).connect() as conn:
        rows = conn.execute(select(func.count()).select_from(Aanmelding.__table__)
                            .where(Aanmelding.gesprek_id == "form-down")).scalar_one()
    assert rows == 1 and service.get(ref, "form-down")["status"] == "nieuw"
