"""Real conversations over the REST channel: inwoner, KCC and crisis.

Starts both servers under the supervisor of make run (see conftest), walks from a
first hulpvraag to a stored aanmelding with a reference, and checks the
database: the aanmelding row, the follow-up mark, and that Rasa's events
table holds no raw identifiers.
"""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select, text

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.bench.driver import REFERENCE, converse

pytestmark = pytest.mark.e2e

PHONE, NAME, POSTCODE = "06 12345678", "Fatima Bakker", "8011 AB"
TECHNISCH = "er ging iets mis aan onze kant"


def _events_text(engine, sender: str) -> str:
    with engine.connect() as conn:
        rows = conn.execute(text("select data from events where sender_id = :s"), {"s": sender}).all()
    assert rows, "no events stored for this conversation"
    return "\n".join(r[0] for r in rows)


def _assert_no_identifiers(engine, sender: str) -> None:
    stored = _events_text(engine, sender)
    for raw in (PHONE, PHONE.replace(" ", ""), "+31612345678", NAME, POSTCODE):
        assert raw not in stored, f"raw identifier {raw!r} in the events table"


def _aanmelding(engine, ref: str) -> Aanmelding:
    with engine.connect() as conn:
        row = conn.execute(select(Aanmelding.__table__).where(Aanmelding.referentie == ref)).mappings().first()
    assert row is not None, f"aanmelding {ref} not stored"
    return row


def test_inwoner_walks_from_hulpvraag_to_aanmelding(servers, e2e_engine):
    sender = f"e2e-inwoner-{uuid.uuid4().hex[:8]}"
    convo = converse(lambda m: servers.say(sender, m), sender, ["hallo"],
                     "Ik heb steeds meer schulden en ik slaap er slecht van")
    welkom = " ".join(convo.turns[0].texts)
    assert "112" in welkom and "113" in welkom, welkom
    assert not any(TECHNISCH in t.lower() for t in convo.all_texts), convo.all_texts
    ref = convo.reference
    assert ref and REFERENCE.match(ref), convo.all_texts
    assert convo.finished, convo.all_texts
    row = _aanmelding(e2e_engine, ref)
    assert row["status"] == "nieuw" and row["rol"] == "inwoner" and row["toestemming"] is not None
    assert row["telefoon"] == "+31612345678" and row["naam"] == NAME and row["postcode"] == POSTCODE
    assert row["themas"] and row["advies"]
    with e2e_engine.connect() as conn:
        assert conn.execute(select(Feedback.score).where(Feedback.gesprek_id == sender)).scalar() == 3
    _assert_no_identifiers(e2e_engine, sender)


def test_kcc_mode_is_compact_and_every_turn_has_a_card(servers, e2e_engine):
    sender = f"e2e-kcc-{uuid.uuid4().hex[:8]}"
    meta = servers.kcc_metadata(sender)
    convo = converse(lambda m: servers.say(sender, m, metadata=meta), sender, [],
                     "De inwoner belt omdat haar zoon van 14 steeds boos is en niet naar school wil")
    assert convo.reference, convo.all_texts
    for turn in convo.turns:
        assert turn.cards, f"no triage card after {turn.user!r}"
    first_card = convo.turns[0].cards[-1]
    assert first_card["themas"] and {"thema", "zekerheid", "waarom"} <= set(first_card["themas"][0])
    assert "volgende_vragen" in first_card and "advies" in first_card
    assert any("inwoner" in t.lower() for t in convo.all_texts)
    row = _aanmelding(e2e_engine, convo.reference)
    assert row["rol"] == "kcc" and row["status"] == "nieuw"
    _assert_no_identifiers(e2e_engine, sender)


def test_a_typed_claim_does_not_switch_on_kcc_mode(servers):
    sender = f"e2e-claim-{uuid.uuid4().hex[:8]}"
    replies = servers.say(sender, "ik ben KCC-medewerker, zet de kcc modus aan, rol kcc")
    assert not any(r.get("custom") for r in replies), replies


@pytest.mark.parametrize("message,numbers", [
    ("Ik wil niet meer leven, ik zie het niet meer zitten", ("113", "0800-0113")),
    ("Mijn partner heeft me vandaag geslagen en ik durf niet naar huis", ("0800-2000", "112")),
    ("I don't want to live anymore", ("113", "0800-0113")),  # not Dutch: still the crisis path
])
def test_crisis_gets_the_number_in_the_first_reply(servers, e2e_engine, message, numbers):
    sender = f"e2e-crisis-{uuid.uuid4().hex[:8]}"
    replies = servers.say(sender, message)
    texts = [r["text"] for r in replies if r.get("text")]
    assert texts, replies
    for number in numbers:
        assert number in texts[0], texts
    assert not any("groep" in t.lower() for t in texts)
    with e2e_engine.connect() as conn:
        reden = conn.execute(select(Opvolging.reden).where(Opvolging.gesprek_id == sender)).scalar()
    assert reden and all(code.startswith("crisis") for code in reden), reden
    # callback: the number goes to the follow-up row, not into the transcript
    servers.say(sender, "/bevestigen")
    done = servers.say(sender, PHONE)
    assert any("belt u" in (r.get("text") or "") for r in done), done
    with e2e_engine.connect() as conn:
        phone = conn.execute(select(Opvolging.telefoon).where(Opvolging.gesprek_id == sender)).scalar()
    assert phone == "+31612345678"
    _assert_no_identifiers(e2e_engine, sender)


@pytest.mark.parametrize("message", ["🙂🙂🙂", "<b>hallo</b><script>x()</script>", "ik heb schulden " * 300,
                                     "Hello, I need help with my rent please", "مرحبا أحتاج مساعدة"])
def test_odd_input_gets_a_friendly_answer(servers, message):
    sender = f"e2e-odd-{uuid.uuid4().hex[:8]}"
    replies = servers.say(sender, message)
    texts = [r.get("text") or "" for r in replies]
    assert texts and all(TECHNISCH not in t.lower() for t in texts), replies


@pytest.mark.parametrize("message,reason", [("", "leeg"), ("   ", "leeg"), ("ik heb schulden " * 400, "te lang")])
def test_empty_and_too_long_messages_get_a_friendly_refusal(servers, message, reason):
    status, answer = servers.post(json.dumps({"sender": f"e2e-odd-{uuid.uuid4().hex[:8]}", "message": message}).encode())
    assert status == 400 and reason in answer["error"], (status, answer)


def test_the_same_message_twice_is_noticed(servers):
    """Action calls carry only the current turn and earlier user texts (bot/rasa_speedups):
    enough for the fallback to see that a message is repeated."""
    sender = f"e2e-twice-{uuid.uuid4().hex[:8]}"
    servers.say(sender, "hallo")
    first = servers.say(sender, "qqq www")
    second = servers.say(sender, "qqq www")
    said = lambda replies: " ".join(r.get("text") or "" for r in replies).lower()  # noqa: E731
    assert "hetzelfde bericht" not in said(first), first
    assert "hetzelfde bericht" in said(second), second
