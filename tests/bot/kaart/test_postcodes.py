import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kaart.postcodes import area_of, load_pc4_table, parse_postcode


@pytest.mark.parametrize("text", ["8011AB", "8011 ab", " 8011ab ", "8011", "8011 AB"])
def test_forgiving_forms(text):
    assert parse_postcode(text).pc4 == "8011"


def test_normalised_text():
    assert parse_postcode("8011 ab").text == "8011AB"
    assert parse_postcode("8011").text == "8011"


@pytest.mark.parametrize("text", ["", "   ", "0123AB", "801", "80111", "8011 ABC", "8011SA", "8011 ss", "ABCD", "8011-AB"])
def test_invalid_postcodes_raise_with_reason(text):
    with pytest.raises(ValueError):
        parse_postcode(text)


@given(st.integers(1000, 9999), st.text("ABCDEFGHIJKLMNOPQRTUVWXYZ", min_size=2, max_size=2))
def test_every_well_formed_postcode_parses(number, letters):
    if letters in ("SA", "SD", "SS"):
        return
    parsed = parse_postcode(f"{number} {letters.lower()}")
    assert parsed.text == f"{number}{letters}"


def test_demo_table_places_binnenstad():
    area = area_of(parse_postcode("8011AB"))
    assert (area.gemeente, area.wijk) == ("Zwolle", "Binnenstad")


def test_broken_table_names_line(tmp_path):
    table = tmp_path / "pc4.csv"
    table.write_text("pc4,gemeente,wijk,zekerheid\n8011,Zwolle,Binnenstad,hoog\n801,Zwolle,X,hoog\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pc4.csv:3: field 'pc4'"):
        load_pc4_table(table)
