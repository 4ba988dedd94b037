"""``python -m bot.learned.measure SET.jsonl ...``: what the learned layer adds, per set.

For a labelled set in the format of ``../shared/eval`` it prints crisis recall
and false-alarm rate for the rules alone, the learned layer alone and both
together, how many crisis checks the middle band raises, signal-group recall
of rules and rules+learned, and the p95 time of the learned layer per
message. For measuring only: never train on these sets.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np


def measure(path: Path, show: bool = False) -> dict:
    from bot.learned.layer import default_model, learned_signals
    from bot.triage.signals import detect_with_vetoes

    model = default_model()
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {k: 0 for k in ("crisis", "calm", "rules_hit", "learned_hit", "both_hit", "rules_fp", "learned_fp",
                             "both_fp", "checks", "groups", "rules_groups", "both_groups")}
    timings = []
    for item in items:
        rules, vetoed = detect_with_vetoes(item["text"])
        start = time.perf_counter()
        added, check = learned_signals(item["text"], rules, model=model, vetoed=vetoed)
        timings.append(time.perf_counter() - start)
        rule_crisis = any(s.soort == "crisis" for s in rules)
        learned_crisis = any(s.soort == "crisis" for s in added)
        both = rule_crisis or learned_crisis
        counts["checks"] += check is not None
        if item.get("crisis") is True:
            counts["crisis"] += 1
            counts["rules_hit"] += rule_crisis
            counts["learned_hit"] += learned_crisis
            counts["both_hit"] += both
            if show and not both:
                print(f"  missed crisis {item['id']}: {item['text'][:90]}")
        elif item.get("crisis") is False:
            counts["calm"] += 1
            counts["rules_fp"] += rule_crisis
            counts["learned_fp"] += learned_crisis
            counts["both_fp"] += both
            if show and learned_crisis:
                print(f"  learned false alarm {item['id']}: {item['text'][:90]}  {[s.bewijs for s in added]}")
        rule_codes = {s.code for s in rules}
        all_codes = rule_codes | {s.code for s in added}
        for group in item.get("signaal_een_van") or []:
            counts["groups"] += 1
            counts["rules_groups"] += bool(rule_codes & set(group))
            counts["both_groups"] += bool(all_codes & set(group))
            if show and not (all_codes & set(group)):
                print(f"  missed signal {item['id']} {group}: {item['text'][:80]}")
        if show:
            for s in added:
                if s.soort != "crisis" and not any(s.code in g for g in item.get("signaal_een_van") or []):
                    print(f"  extra learned {item['id']} {s.code} '{s.bewijs}'")
    c = counts

    def ratio(a, b) -> float:
        return round(a / b, 3) if b else 1.0

    return {
        "n": len(items), "crisis_recall_rules": ratio(c["rules_hit"], c["crisis"]),
        "crisis_recall_both": ratio(c["both_hit"], c["crisis"]), "fp_rules": ratio(c["rules_fp"], c["calm"]),
        "fp_both": ratio(c["both_fp"], c["calm"]), "checks": c["checks"],
        "signal_recall_rules": ratio(c["rules_groups"], c["groups"]),
        "signal_recall_both": ratio(c["both_groups"], c["groups"]),
        "learned_p95_ms": round(float(np.percentile(timings, 95)) * 1000, 2) if timings else 0.0,
    }


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    show = "--show" in argv
    paths = [Path(a) for a in argv if a != "--show"]
    if not paths:
        print("usage: python -m bot.learned.measure [--show] SET.jsonl ...", file=sys.stderr)
        return 2
    for path in paths:
        print(path.name, json.dumps(measure(path, show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
