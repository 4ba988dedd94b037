"""The development set is for measuring only: none of its hulpvragen may stand in data/.

Checked the way a reviewer would: lower case, words only, and a dev sentence of
five words or more found anywhere inside a data file (also inside a longer
training sentence) counts. Skipped when ../shared is not beside the checkout.
"""

import json
import re

import pytest

from bot import paths

DEV = paths.ROOT.parent / "shared" / "eval" / "dev_triage.jsonl"
MIN_WORDS = 5


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev_triage.jsonl not beside the checkout")
def test_no_dev_sentence_in_the_data_files():
    dev = [_words(json.loads(line)["text"]) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev = [d for d in dev if len(d.split()) >= MIN_WORDS]
    assert dev, "the dev set should hold sentences of five words or more"
    found = []
    for path in sorted((paths.ROOT / "data").rglob("*")):
        if path.is_file() and path.suffix in (".yml", ".yaml", ".csv", ".md", ".json", ".txt"):
            text = f" {_words(path.read_text(encoding='utf-8', errors='ignore'))} "
            found += [f"{path.relative_to(paths.ROOT)}: {d}" for d in dev if f" {d} " in text]
    assert not found, "\n".join(found)
