"""Contact answers read with the conversation's vocabulary: time to call, contact choice."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dialogue import contact as v


def test_belmoment_needs_a_day_or_time():
    assert v.find_belmoment("dinsdagochtend graag") == "dinsdagochtend graag"
    assert v.find_belmoment("'s middags") == "'s middags"
    assert v.find_belmoment("op dinsdag in de ochtend") == "op dinsdag in de ochtend"
    assert v.find_belmoment("na 15 uur") == "na 15 uur"
    assert v.find_belmoment("banaan") is None


def test_contact_preference():
    assert v.contact_preference("bellen graag") == "telefoon"
    assert v.contact_preference("per mail") == "email"
    assert v.contact_preference("liever niet") == "geen"
    assert v.contact_preference("06 12345678") == "telefoon"
    assert v.contact_preference("x@y.nl") == "email"
    assert v.contact_preference("banaan") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    for fn in (v.find_belmoment, v.contact_preference):
        result = fn(text)
        assert result is None or isinstance(result, str)


@pytest.mark.parametrize("text, choice", [
    ("Liever niet, ik bel zelf", "geen"),  # the button's own title, typed
    ("ik bel zelf wel", "geen"),
    ("zelf bellen", "geen"),
    ("bellen", "telefoon"),
    ("bel me maar", "telefoon"),
    ("liever bellen dan mailen", "telefoon"),
])
def test_calling_oneself_is_no_call_from_us(text, choice):
    assert v.contact_preference(text) == choice


def test_calling_oneself_is_no_new_phone_route():
    from bot.dialogue.requests import contact_route

    assert contact_route("Ik bel zelf wel, zelf bellen is makkelijker") is None
    assert contact_route("Bel me liever") == "telefoon"
