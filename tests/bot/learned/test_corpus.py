"""The corpus of the learned layer: valid labels, deterministic, varied, and free of eval sentences."""

import json
import re

import pytest
import yaml

from bot import paths
from bot.learned.corpus import CORPUS_DIR, CorpusError, expand, label_counts, load_groups, load_sentences
from bot.taxonomy import taxonomy


def _own_corpus():
    tax = taxonomy()
    codes, themes = list(tax.signals), list(tax.themes)
    return expand(load_groups(CORPUS_DIR, codes, themes)) + load_sentences(CORPUS_DIR, codes, themes)


def _plain(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def test_corpus_is_large_deterministic_and_labelled_with_taxonomy_codes():
    first, second = _own_corpus(), _own_corpus()
    assert [e.text for e in first] == [e.text for e in second]
    assert len(first) >= 5000
    counts = label_counts(first)
    for code in taxonomy().signals:
        assert counts.get(code, 0) >= 50, code
    assert sum(1 for e in first if not e.signalen and not e.twijfel) >= 3000  # hard negatives and background


def test_corpus_speaks_other_languages_and_has_hard_negatives():
    texts = {e.text: e for e in _own_corpus()}
    assert texts["I want to die"].crisis and texts["Chcę umrzeć"].crisis and texts["Ölmek istiyorum"].crisis
    assert not texts["this heat is killing me, where is the swimming pool"].signalen


def test_no_sentence_of_the_eval_sets_is_in_the_corpus():
    sets = [paths.ROOT.parent / "shared" / "eval" / "dev_triage.jsonl", *sorted((paths.ROOT / "tests" / "data").glob("*.jsonl"))]
    eval_texts = {_plain(json.loads(line)["text"]) for path in sets if path.exists()
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    overlap = [e.text for e in _own_corpus() if _plain(e.text) in eval_texts]
    assert not overlap


def test_a_broken_file_is_reported_with_its_name(tmp_path):
    (tmp_path / "sjablonen").mkdir()
    (tmp_path / "vullers.yml").write_text("open: ['']\n", encoding="utf-8")
    (tmp_path / "sjablonen" / "kapot.yml").write_text(
        "groepen:\n  - naam: x\n    labels: {signalen: [bestaat_niet]}\n    sjablonen: ['{open}hoi']\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="kapot.yml.*bestaat_niet"):
        load_groups(tmp_path, list(taxonomy().signals), list(taxonomy().themes))
    (tmp_path / "sjablonen" / "kapot.yml").write_text(
        "groepen:\n  - naam: x\n    sjablonen: ['{onbekend} hoi']\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="onbekend"):
        load_groups(tmp_path, list(taxonomy().signals), list(taxonomy().themes))


def test_every_block_of_written_sentences_has_sentences():
    for path in sorted((paths.DATA / "corpus" / "zinnen").glob("*.yml")):
        for i, block in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            assert block.get("zinnen"), f"{path.name}: block {i} ({block.get('labels')}) has no sentences"
