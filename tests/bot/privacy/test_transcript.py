"""Redaction of serialised Rasa events (the part of the tracker store without Rasa)."""

import copy

from bot.privacy.transcript import redact_event, redacted_events


def test_user_event_text_parse_data_and_entities():
    event = {
        "event": "user", "text": "Bel 0612345678", "timestamp": 1.0, "input_channel": "rest",
        "parse_data": {"text": "Bel 0612345678", "intent": {"name": "inform", "confidence": 0.9},
                       "entities": [{"entity": "telefoon", "value": "0612345678", "start": 4, "end": 14}],
                       "intent_ranking": [{"name": "inform", "confidence": 0.9}]},
        "metadata": {"naam": "mijn naam is Jan"},
    }
    original = copy.deepcopy(event)
    out = redact_event(event)
    assert event == original  # never modified in place
    assert out["text"] == "Bel [TELEFOON]"
    assert out["parse_data"]["text"] == "Bel [TELEFOON]"
    assert out["parse_data"]["entities"][0]["value"] == "[TELEFOON]"
    assert out["parse_data"]["intent"] == {"name": "inform", "confidence": 0.9}
    assert out["metadata"] == {"naam": "[NAAM]"}  # a sensitive key is replaced whole
    assert out["input_channel"] == "rest"


def test_sensitive_slot_value_is_replaced_whole():
    assert redact_event({"event": "slot", "name": "naam", "value": "Jan"})["value"] == "[NAAM]"
    assert redact_event({"event": "slot", "name": "telefoon", "value": "0612345678"})["value"] == "[TELEFOON]"
    assert redact_event({"event": "slot", "name": "naam", "value": None})["value"] is None
    other = redact_event({"event": "slot", "name": "sinds_wanneer", "value": "sinds 2019"})
    assert other["value"] == "sinds 2019"


def test_answer_to_a_form_question_for_a_contact_slot_is_replaced_whole():
    events = [
        {"event": "slot", "name": "requested_slot", "value": "naam"},
        {"event": "bot", "text": "Wat is uw naam?"},
        {"event": "user", "text": "Jansen", "parse_data": {"text": "Jansen", "entities": []}},
        {"event": "slot", "name": "requested_slot", "value": "belmoment"},
        {"event": "user", "text": "dinsdagmiddag", "parse_data": {"text": "dinsdagmiddag", "entities": []}},
    ]
    out = dict(redacted_events(events, offset=2))
    assert out[2]["text"] == "[NAAM]" and out[2]["parse_data"]["text"] == "[NAAM]"
    assert out[4]["text"] == "dinsdagmiddag"
    assert 0 not in out and 1 not in out


def test_bot_text_and_buttons_are_redacted():
    out = redact_event({"event": "bot", "text": "Dank u, mevrouw Jansen.",
                        "data": {"buttons": [{"title": "Bel 0612345678", "payload": "/bellen"}]}})
    assert out["text"] == "Dank u, mevrouw [NAAM]."
    assert out["data"]["buttons"][0] == {"title": "Bel [TELEFOON]", "payload": "/bellen"}


def test_template_variables_of_a_bot_event_are_replaced_whole():
    event = {"event": "bot", "timestamp": 1.0, "text": "Klopt dit?",
             "metadata": {"utter_action": "utter_question_samenvatting_ok", "naam": "Ria", "postcode": "8012 AB",
                          "thema_label": "Eenzaamheid en sociaal contact"}}
    cleaned = redact_event(event)
    assert cleaned["metadata"]["naam"] == "[NAAM]"
    assert cleaned["metadata"]["postcode"] == "[POSTCODE]"
    assert cleaned["metadata"]["thema_label"] == "Eenzaamheid en sociaal contact"
    assert cleaned["metadata"]["utter_action"] == "utter_question_samenvatting_ok"
    assert event["metadata"]["naam"] == "Ria"  # the input is not modified
