"""Property-based: redaction never crashes, is idempotent, and leaves no identifier."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.privacy import find_identifiers, redact, redact_value
from bot.privacy.checksums import elfproef, iban_valid

WORDS = [
    "ik", "heb", "schulden", "mijn", "zoon", "Daan", "bel", "113", "in", "2019", "67", "jaar",
    "euro", "om", "10:30", "Zwolle", "Kerkstraat", "12", "mevrouw", "De", "Vries", "ben", "moe",
    "naam", "is", "0800-2000", "€", "1.250,50", "postcode", "kenteken", "geboren", "op", ",", ".",
    "[NAAM]", "[TELEFOON]", "ik heet", "Fatima", "el", "van", "der", "😀", "<b>", "\n", "3", "kinderen",
]

filler = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)


@st.composite
def bsns(draw):
    while True:
        head = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
        total = sum(d * w for d, w in zip(head, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10 and any(head):
            number = "".join(map(str, head)) + str(check)
            if elfproef(number):
                return number


@st.composite
def ibans(draw):
    bank = draw(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO"]))
    account = "".join(map(str, draw(st.lists(st.integers(0, 9), min_size=10, max_size=10))))
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    iban = f"NL{98 - int(numeric) % 97:02d}{bank}{account}"
    assert iban_valid(iban)
    return iban


phones = st.builds(
    lambda digits, sep: "06" + sep + "".join(map(str, digits)),
    st.lists(st.integers(0, 9), min_size=8, max_size=8),
    st.sampled_from(["", "-", " "]),
)
emails = st.builds(
    lambda user, domain: f"{user}@{domain}.nl",
    st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z]{2,10}", fullmatch=True),
)
identifiers = st.one_of(bsns(), ibans(), phones, emails)

quick = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])


@quick
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text):
    assert isinstance(redact(text), str)


@quick
@given(st.one_of(st.text(max_size=200), filler))
def test_is_idempotent_and_leaves_no_identifier(text):
    once = redact(text)
    assert redact(once) == once
    assert find_identifiers(once) == []


@quick
@given(filler, identifiers, filler)
@example("", "NL85ABNA0000000000", "Kerkstraat 3")  # an IBAN was read as the start of a street name
def test_inserted_identifier_is_removed(before, identifier, after):
    text = f"{before} {identifier} {after}"
    out = redact(text)
    assert identifier not in out
    assert find_identifiers(out) == []
    assert redact(out) == out


@quick
@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12,
))
def test_redact_value_walks_any_structure(value):
    once = redact_value(value)
    assert redact_value(once) == once
