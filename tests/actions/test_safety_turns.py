"""Veilig Thuis for every sign of violence, the check question, and the open door after a crisis."""

import pytest

from actions.crisis import ActionCrisis, ActionCrisisGeenTerugbellen
from actions.forms import ValidateVerhelderingForm
from actions.safety import ActionLevenscheck
from actions.triage import ActionTriage
from tests.actions.conftest import cards_of, responses_of, slots_of

GESLAGEN = "Hij heeft me ook al eens geslagen. Ik durf niet zo goed."
MANTELZORG = "Ik zorg al twee jaar voor mijn moeder met dementie en ik kan niet meer."
KCC = {"rol": "kcc"}


def kcc_metadata():
    """The metadata the KCC console sends (one place, so a proof can be added later)."""
    return dict(KCC)


def text_of(messages, response, domain, kcc=False):
    """The filled-in text of a response the action sent."""
    message = next(m for m in messages if m.get("response") == response)
    variants = domain["responses"][response]
    variant = next(v for v in variants if bool(v.get("condition")) == kcc)
    values = {**_defaults(), **{k: v for k, v in message.items() if k not in ("response", "template")}}
    return variant["text"].format(**values)


def _defaults():
    from actions.common import gemeente_vars

    return gemeente_vars()


def test_past_violence_gets_veilig_thuis_in_the_first_reply_and_the_intake_goes_on(tracker_factory, run, domain):
    tracker = tracker_factory(GESLAGEN, "hulpvraag_veiligheid_thuis")
    messages, events = run(ActionTriage(), tracker, domain)
    assert "utter_veilig_thuis_signaal" in responses_of(messages)
    assert "0800-2000" in text_of(messages, "utter_veilig_thuis_signaal", domain)
    slots = slots_of(events)
    assert slots["stap"] == "verhelderen" and slots["crisis"] is False
    assert slots["veilig_thuis_gezegd"] is True
    assert "contra_huiselijk_geweld" in [s["code"] for s in slots["triage"]["signalen"]]


def test_veilig_thuis_is_said_once(tracker_factory, run, domain):
    tracker = tracker_factory(GESLAGEN, "hulpvraag_veiligheid_thuis", slots={"veilig_thuis_gezegd": True})
    messages, _ = run(ActionTriage(), tracker, domain)
    assert "utter_veilig_thuis_signaal" not in responses_of(messages)


def test_kcc_card_carries_veilig_thuis_and_the_fragment(tracker_factory, run, domain):
    tracker = tracker_factory("Mevrouw vertelt dat haar man haar slaat.", "hulpvraag_veiligheid_thuis",
                              metadata=kcc_metadata(), slots={"rol": "kcc"})
    messages, _ = run(ActionTriage(), tracker, domain)
    card = cards_of(messages)[-1]
    assert any("0800-2000" in line for line in card["hulp_contact"])
    violence = [s for s in card["signalen"] if s["code"] == "contra_huiselijk_geweld"]
    assert violence and violence[0]["bewijs"] and violence[0]["regel"].startswith("geweld_")


@pytest.mark.parametrize("rol", ["kcc", "inwoner"])
def test_a_question_about_veilig_thuis_gets_the_number(tracker_factory, run, domain, rol):
    tracker = tracker_factory("Wat is het nummer van Veilig Thuis?", "hulpvraag_buurt",
                              metadata={"rol": rol}, slots={"rol": rol})
    messages, events = run(ActionTriage(), tracker, domain)
    assert responses_of(messages) == ["utter_veilig_thuis_info"]
    text = text_of(messages, "utter_veilig_thuis_info", domain, kcc=rol == "kcc")
    assert "0800-2000" in text
    if rol == "kcc":
        assert "Meldcode" in text and "intake" in text
    assert slots_of(events)["stap"] == "onbruikbaar"  # nothing told yet: wait for the story


def test_kcc_meldcode_question_inside_the_intake_continues_it(tracker_factory, run, domain):
    tracker = tracker_factory("Moet ik hier de meldcode volgen?", "hulpvraag_vaag", metadata=kcc_metadata(),
                              slots={"rol": "kcc", "verhaal": ["Mevrouw wordt door haar man bedreigd"]})
    messages, events = run(ActionTriage(), tracker, domain)
    assert responses_of(messages) == ["utter_veilig_thuis_info"]
    assert slots_of(events)["stap"] == "verhelderen"


def test_ambiguous_distress_gets_the_check_question_not_the_crisis_stop(tracker_factory, run, domain):
    tracker = tracker_factory(MANTELZORG, "hulpvraag_mantelzorg")
    messages, events = run(ActionTriage(), tracker, domain)
    assert responses_of(messages) == ["utter_levenscheck"]
    text = text_of(messages, "utter_levenscheck", domain)
    assert "113" in text and "niet meer wilt leven" in text
    slots = slots_of(events)
    assert slots["stap"] == "checkvraag" and slots["open_vraag"] == "levenscheck"


@pytest.mark.parametrize("answer", ["ja", "ja soms", "eigenlijk wel", "weet ik niet"])
def test_a_yes_to_the_check_question_is_the_crisis_path(tracker_factory, run, domain, answer):
    tracker = tracker_factory(answer, "bevestigen", slots={"open_vraag": "levenscheck", "verhaal": [MANTELZORG]})
    _, events = run(ActionLevenscheck(), tracker, domain)
    slots = slots_of(events)
    assert slots["stap"] == "crisis" and slots["crisis"] is True


def test_a_no_continues_the_intake_without_the_check_signal(tracker_factory, run, domain):
    tracker = tracker_factory("nee, ik ben gewoon moe", "ontkennen",
                              slots={"open_vraag": "levenscheck", "verhaal": [MANTELZORG]})
    messages, events = run(ActionLevenscheck(), tracker, domain)
    assert responses_of(messages) == ["utter_levenscheck_nee"]
    slots = slots_of(events)
    assert slots["stap"] == "verhelderen" and slots["levenscheck"] == "nee"
    assert slots["triage"]["crisis"] is False
    assert "crisis_twijfel" not in [s["code"] for s in slots["triage"]["signalen"]]


def test_the_check_question_inside_a_form_waits_for_its_answer(tracker_factory, run, domain):
    tracker = tracker_factory("Ik trek het niet meer.", "hulpvraag_mantelzorg", active_loop="verheldering_form",
                              slots={"requested_slot": "vraag_sinds", "verhaal": ["Ik zorg voor mijn vader"]},
                              extracted={"vraag_sinds": "Ik trek het niet meer."})
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_levenscheck"]
    slots = slots_of(events)
    assert slots["open_vraag"] == "levenscheck" and slots["vraag_sinds"] is None


def test_a_no_inside_a_form_asks_the_same_question_again(tracker_factory, run, domain):
    tracker = tracker_factory("nee", "ontkennen", active_loop="verheldering_form",
                              slots={"requested_slot": "vraag_sinds", "open_vraag": "levenscheck",
                                     "verhaal": ["Ik zorg voor mijn vader"]},
                              extracted={"vraag_sinds": "nee"})
    messages, events = run(ValidateVerhelderingForm(), tracker, domain)
    assert responses_of(messages) == ["utter_levenscheck_nee", "utter_question_vraag_sinds"]
    assert slots_of(events)["requested_slot"] == "vraag_sinds"


def test_a_plan_with_a_time_gives_112_and_113(tracker_factory, run, domain, use_database):
    text = "Ik heb pillen gespaard en vanavond maak ik er een einde aan."
    slots = slots_of(run(ActionTriage(), tracker_factory(text, "hulpvraag_psychisch"), domain)[1])
    assert slots["stap"] == "crisis"
    messages, _ = run(ActionCrisis(), tracker_factory(text, "hulpvraag_psychisch", sender_id="plan-1", slots=slots),
                      domain)
    contacts = messages[0]["contacten"]
    assert "112" in contacts and "113" in contacts


@pytest.mark.parametrize("text", ["Bellen helpt toch niet.", "ik bel niet", "nee"])
def test_a_refusal_after_the_crisis_answer_keeps_the_door_open(tracker_factory, run, domain, text):
    triage = {"crisis": True, "signalen": [{"code": "crisis_suicide", "soort": "crisis"}],
              "crisis_contact": ["113"]}
    tracker = tracker_factory(text, "ontkennen", slots={"crisis": True, "crisis_beantwoord": True,
                                                       "triage": triage, "open_vraag": "terugbellen"})
    messages, events = run(ActionCrisis(), tracker, domain)
    assert responses_of(messages) == ["utter_crisis_geen_terugbellen"]
    text_sent = text_of(messages, "utter_crisis_geen_terugbellen", domain)
    assert "113.nl" in text_sent and "Ik blijf hier" in text_sent
    assert slots_of(events)["open_vraag"] == "terugbellen"


def test_no_callback_offers_the_veilig_thuis_chat_for_violence(tracker_factory, run, domain):
    triage = {"crisis": True, "signalen": [{"code": "crisis_geweld", "soort": "crisis"}]}
    tracker = tracker_factory("nee", "ontkennen", slots={"triage": triage, "open_vraag": "terugbellen"})
    messages, _ = run(ActionCrisisGeenTerugbellen(), tracker, domain)
    assert "veiligthuis.nl" in messages[0]["chat"]
