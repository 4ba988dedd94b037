"""Dutch formats: phone, e-mail, postcode, name."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.aanmelding import validation as v


@pytest.mark.parametrize("text,expected", [
    ("06-12345678", "+31612345678"),
    ("mijn nummer is 06 1234 5678", "+31612345678"),
    ("+31 6 12345678", "+31612345678"),
    ("+31 (0)6 12345678", "+31612345678"),
    ("0031612345678", "+31612345678"),
    ("038-4123456", "+31384123456"),
    ("020 123 4567", "+31201234567"),
])
def test_phone_accepts_dutch_numbers(text, expected):
    assert v.find_phone(text) == expected


@pytest.mark.parametrize("text", ["12345", "06-1234", "0012345678901", "bel me maar", "", "+44 20 7946 0958",
                                  "0612345678901234"])
def test_phone_rejects_non_dutch_or_partial(text):
    assert v.find_phone(text) is None


def test_display_phone_is_readable():
    assert v.display_phone("+31612345678") == "06 12345678"
    assert v.display_phone("+31384123456") == "0384123456"


@pytest.mark.parametrize("text,expected", [
    ("jan.jansen@Voorbeeld.NL", "jan.jansen@voorbeeld.nl"),
    ("mail mij op a+b@x-y.example.com graag", "a+b@x-y.example.com"),
])
def test_email(text, expected):
    assert v.find_email(text) == expected


@pytest.mark.parametrize("text", ["jan@", "jan.voorbeeld.nl", "a..b@x.nl", "@x.nl", "geen mail"])
def test_email_rejects(text):
    assert v.find_email(text) is None


@pytest.mark.parametrize("text,expected", [
    ("8011ab", "8011 AB"), ("8011 AB", "8011 AB"), ("mijn postcode is 1234 xy", "1234 XY"),
])
def test_postcode(text, expected):
    assert v.find_postcode(text) == expected


@pytest.mark.parametrize("text", ["0123 AB", "1234 SS", "1234 sa", "12345 AB", "AB 1234", "1234"])
def test_postcode_rejects(text):
    assert v.find_postcode(text) is None


def test_name():
    assert v.find_name("Mijn naam is Fatima el Amrani") == "Fatima el Amrani"
    assert v.find_name("Jan-Willem de Vries") == "Jan-Willem de Vries"
    assert v.find_name("ik ben 06 12345678") is None
    assert v.find_name("<b>Jan</b>") is None
    assert v.find_name("een heel lange zin met veel te veel woorden erin") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    for fn in (v.find_phone, v.find_email, v.find_postcode, v.find_name):
        result = fn(text)
        assert result is None or isinstance(result, str)
