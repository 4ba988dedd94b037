"""The console's turn: replies, the card, evidence in the typed text, the next question; the channel's proof."""

from __future__ import annotations

from bot.inbound.role_proof import verified_role
from bot.kcc.channel import KccChannel, new_sender
from bot.kcc.turn import console_turn, evidence_spans

CARD = {"signalen": [{"code": "a", "label": "A", "bewijs": "slaat haar"},
                     {"code": "b", "label": "B", "bewijs": "niet in de tekst"}],
        "volgende_vragen": [{"slot": "vraag_wens", "vraag": "Wat hoopt de inwoner?"}]}


def test_evidence_is_found_case_and_space_insensitively_in_the_right_message():
    spans = evidence_spans(["Mevrouw belt.", "Haar man SLAAT\n haar soms."], CARD)
    assert spans == [{"bericht": 1, "start": 9, "eind": 20, "code": "a", "label": "A"}]


def test_turn_splits_texts_buttons_and_the_last_card():
    raw = [{"text": "Naam van de inwoner? (mag leeg: 'overslaan')", "buttons": [{"title": "Ja", "payload": "/ja"}]},
           {"custom": {"triage_kaart": {"signalen": []}}}, {"custom": {"triage_kaart": CARD}}]
    turn = console_turn(raw, ["Haar man slaat haar."])
    assert turn["antwoorden"] == [{"tekst": raw[0]["text"], "knoppen": [{"title": "Ja", "payload": "/ja"}]}]
    assert turn["kaart"] == CARD and turn["markeringen"][0]["start"] == 9
    assert turn["volgende_vraag"] == raw[0]["text"]
    assert console_turn([{"custom": {"triage_kaart": CARD}}], [])["volgende_vraag"] == "Wat hoopt de inwoner?"


def test_the_channel_signs_the_kcc_role_for_its_own_sender_only():
    channel = KccChannel("http://127.0.0.1:1", secret="s3cret")
    sender = new_sender()
    metadata = channel.metadata(sender)
    assert verified_role(sender, metadata, "s3cret") == "kcc"
    assert verified_role(new_sender(), metadata, "s3cret") is None
    assert sender != new_sender() and sender.startswith("kcc-")
