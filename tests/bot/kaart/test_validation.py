"""Every bad-input rule, without a database."""

import pytest

from bot.kaart.validation import validate

from .helpers import VANDAAG, row


def problems(**values):
    result = validate(row(**values), today=VANDAAG)
    return {field: reason for field, reason in result.problems}


def test_valid_row_gives_record():
    result = validate(row(themas="eenzaamheid;buurt", postcodes="8011;8012AB", postcode="8011 ab"), today=VANDAAG)
    assert result.problems == []
    record = result.record
    assert record.themas == ("eenzaamheid", "buurt")
    assert record.postcodes == ("8011", "8012")
    assert record.postcode == "8011AB"
    assert record.locatie_id == "t-1-locatie"
    assert record.organisatie_id == "testorganisatie"
    assert record.kosten_centen == 0


@pytest.mark.parametrize("field,value,reason", [
    ("themas", "eenzaam", "unknown theme code"),
    ("themas", "eenzaamheid;eenzaamheid", "listed twice"),
    ("postcode", "80111", "not a Dutch postcode"),
    ("postcodes", "8011;12", "not a Dutch postcode"),
    ("laatst_gecontroleerd", "2026-02-30", "not a real date"),
    ("laatst_gecontroleerd", "30-02-2026", "YYYY-MM-DD"),
    ("laatst_gecontroleerd", "2027-01-01", "in the future"),
    ("naam", "", "required"),
    ("themas", " ; ", "required"),
    ("formeel", "", "required"),
    ("vorm", "workshop", "unknown vorm"),
    ("status", "active", "unknown status"),
    ("naam", "<b>Groep</b>", "HTML"),
    ("omschrijving", "Tom &amp; Jerry", "HTML"),
    ("naam", "x" * 201, "at most 200"),
    ("naam", "regel\neen", "control character"),
    ("email", "info at example.nl", "not an e-mail"),
    ("website", "javascript:alert(1)", "web address"),
    ("leeftijd_min", "acht", "whole number"),
    ("leeftijd_max", "130", "between 0 and 120"),
    ("kosten_euro", "-1", "between 0 and 10000"),
    ("kosten_euro", "2.555", "two decimals"),
    ("id", "a b", "not a valid id"),
    ("talen", "klingon", "unknown taal"),
])
def test_bad_values_name_field_and_reason(field, value, reason):
    found = problems(**{field: value})
    assert field in found, found
    assert reason in found[field]


def test_age_range_must_be_ordered():
    assert "lower than" in problems(leeftijd_min="12", leeftijd_max="8")["leeftijd_max"]


def test_emoji_and_other_languages_are_plain_text():
    result = validate(row(naam="Koffie ☕ met buren", omschrijving="Добро пожаловать. مرحبا"), today=VANDAAG)
    assert result.problems == []
    assert result.record.naam == "Koffie ☕ met buren"


def test_unknown_wijk_is_a_warning_not_an_error():
    result = validate(row(wijk="Binnestad"), today=VANDAAG)
    assert result.record is not None
    assert any(field == "wijk" and "Binnestad" in reason for field, reason in result.warnings)
