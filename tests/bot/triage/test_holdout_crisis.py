"""Crisis recall on our own later test sets (no longer blind: rules were widened after their first run).

tests/data/triage_holdout{3,4,5}.jsonl were written by testers who saw neither the
data nor the rules; README "Latest figures" gives their blind first-run scores.
They stay here as regression sets: a rule change may not lose a crisis they found.
crisis == bool(crisis signals) (tests/bot/triage/test_triage_contract.py), so the
signal engine alone is checked, which is fast.
"""

import json

import pytest

from bot import paths
from bot.triage.engine import crisis_signals

# (file, minimum crisis recall, maximum false-alarm rate) as measured on 2026-11-23
SETS = [("triage_holdout3.jsonl", 1.0, 0.03), ("triage_holdout4.jsonl", 1.0, 0.06),
        ("triage_holdout5.jsonl", 0.9, 0.18)]


@pytest.mark.parametrize("name,min_recall,max_fp", SETS)
def test_crisis_recall_does_not_drop(name, min_recall, max_fp):
    items = [json.loads(line) for line in (paths.ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    crisis = [i for i in items if i["crisis"] is True]
    calm = [i for i in items if i["crisis"] is False]
    missed = [i["text"] for i in crisis if not crisis_signals(i["text"])]
    alarms = [i["text"] for i in calm if crisis_signals(i["text"])]
    assert 1 - len(missed) / len(crisis) >= min_recall, missed
    assert len(alarms) / len(calm) <= max_fp, alarms
