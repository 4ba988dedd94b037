import pytest

from bot.dialogue.vocabulary import VocabularyError, load_vocabulary, vocabulary


def test_project_vocabulary_loads():
    vocab = vocabulary()
    assert vocab.max_vragen == 3 and vocab.groepsvraag == "vraag_groep"
    assert "de" in vocab.nederlands and "the" in vocab.vreemd
    assert not vocab.nederlands & vocab.vreemd


def test_broken_file_names_the_entry(tmp_path):
    src = (vocabulary.__wrapped__.__globals__["GESPREK_FILE"]).read_text(encoding="utf-8")
    bad = tmp_path / "gesprek.yml"
    bad.write_text(src.replace('correctie: ["het gaat (om|over)"', 'correctie: ["het gaat (om|over"'), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"correctie\[0\]"):
        load_vocabulary(bad)
    bad.write_text("grenzen: [", encoding="utf-8")
    with pytest.raises(VocabularyError, match="cannot read"):
        load_vocabulary(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="mapping"):
        load_vocabulary(bad)
    with pytest.raises(VocabularyError, match="cannot read"):
        load_vocabulary(tmp_path / "missing.yml")
