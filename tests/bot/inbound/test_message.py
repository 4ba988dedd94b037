"""The channel's checks of a request body (bot.inbound.message), as properties."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.inbound import Inbound, Refusal, clean_text, parse_inbound, sign_role
from bot.inbound.message import MAX_TEXT_CHARS

SECRET = "test-geheim"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional={"sender": json_values | st.text(), "message": json_values | st.text(),
                                        "metadata": json_values}),
)


@given(bodies)
@settings(max_examples=400)
def test_any_body_gets_a_message_or_a_refusal_never_an_exception(body):
    result = parse_inbound(body, secret=SECRET)
    assert isinstance(result, (Inbound, Refusal))
    if isinstance(result, Refusal):
        assert result.status in (400, 429) and result.error and result.code
    else:
        assert result.text and len(result.text) <= MAX_TEXT_CHARS
        result.text.encode("utf-8")  # no lone surrogates left
        json.dumps(result.metadata).encode("utf-8")
        assert result.metadata == {"rol": "inwoner"}  # nothing unproven survives


@given(st.text())
def test_clean_text_leaves_encodable_text_without_control_characters(text):
    cleaned = clean_text(text)
    cleaned.encode("utf-8")
    assert not any(ord(c) < 32 and c not in "\n\t" for c in cleaned)
    assert clean_text(cleaned) == cleaned


def test_lone_surrogates_are_replaced_not_refused():
    result = parse_inbound({"sender": "a1", "message": "hal\udfffo"})
    assert isinstance(result, Inbound) and result.text == "hal\ufffdo"


def test_a_surrogate_in_the_sender_is_refused():
    assert isinstance(parse_inbound({"sender": "x\udfff", "message": "hallo"}), Refusal)


def test_empty_and_missing_senders_are_refused():
    for body in ({"message": "hallo"}, {"sender": "", "message": "hallo"}, {"sender": None, "message": "hallo"},
                 {"sender": "a" * 129, "message": "hallo"}, {"sender": "a b", "message": "hallo"}):
        assert isinstance(parse_inbound(body), Refusal), body


def test_too_long_and_empty_texts_are_refused_with_a_reason():
    long = parse_inbound({"sender": "a", "message": "x" * (MAX_TEXT_CHARS + 1)})
    assert isinstance(long, Refusal) and "te lang" in long.error
    assert parse_inbound({"sender": "a", "message": "x" * MAX_TEXT_CHARS}).text == "x" * MAX_TEXT_CHARS
    empty = parse_inbound({"sender": "a", "message": " \u200b\x00 "})
    assert isinstance(empty, Refusal) and empty.code == "message_leeg"


def test_metadata_must_be_an_object():
    for metadata in ("kcc", ["rol"], 3):
        assert isinstance(parse_inbound({"sender": "a", "message": "x", "metadata": metadata}), Refusal)
    assert parse_inbound({"sender": "a", "message": "x", "metadata": None}).metadata == {"rol": "inwoner"}


def test_the_kcc_role_needs_a_proof_for_this_sender():
    def role(metadata, secret=SECRET):
        return parse_inbound({"sender": "gesprek-1", "message": "x", "metadata": metadata}, secret=secret).role

    assert role({"rol": "kcc"}) == "inwoner"
    assert role({"rol": "kcc", "rol_bewijs": "0" * 64}) == "inwoner"
    assert role({"rol": "kcc", "rol_bewijs": sign_role("gesprek-2", "kcc", SECRET)}) == "inwoner"
    assert role({"rol": "kcc", "rol_bewijs": sign_role("gesprek-1", "kcc", "ander")}) == "inwoner"
    assert role({"rol": "kcc", "rol_bewijs": sign_role("gesprek-1", "kcc", SECRET)}) == "kcc"
    assert role({"rol": "kcc", "rol_bewijs": sign_role("gesprek-1", "kcc", SECRET)}, secret="") == "inwoner"


def test_button_payloads_keep_only_the_intent():
    assert parse_inbound({"sender": "a", "message": '/bevestigen{"rol": "kcc"}'}).text == "/bevestigen"
    assert parse_inbound({"sender": "a", "message": "/bevestigen@0.99"}).text == "/bevestigen"
    assert parse_inbound({"sender": "a", "message": "/restart"}).text == "/restart"
    assert parse_inbound({"sender": "a", "message": "een / in de tekst {x}"}).text == "een / in de tekst {x}"
