
import pytest

from bot.aanmelding.reference import ALPHABET, PATTERN, new_reference, normalise_reference


def test_reference_shape_and_alphabet():
    for _ in range(500):
        ref = new_reference()
        assert PATTERN.match(ref), ref
        assert not set(ref[3:].replace("-", "")) & set("01OIL")


def test_references_are_not_repeated_in_practice():
    refs = {new_reference() for _ in range(2000)}
    assert len(refs) == 2000


def test_alphabet_has_no_confusable_characters():
    assert not set(ALPHABET) & set("01OIL")
    assert len(ALPHABET) == len(set(ALPHABET)) == 31


def test_normalise_reference():
    assert normalise_reference("wt 7k3m q9") == "WT-7K3M-Q9"
    with pytest.raises(ValueError):
        normalise_reference("WT-0000-00")
    with pytest.raises(ValueError):
        normalise_reference("hallo")
