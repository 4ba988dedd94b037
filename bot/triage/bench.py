"""``python -m bot.triage.bench``: time one message through the whole triage.

Loads the model and rules once, then triages at least 500 messages (the NLU
training examples, cycled) and prints p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from itertools import cycle, islice
from typing import List

from bot import paths


def training_sentences() -> List[str]:
    import yaml

    sentences: List[str] = []
    for path in sorted((paths.DATA / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    sentences.append(line[2:])
    return sentences


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return ordered[index]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.triage.bench")
    parser.add_argument("-n", type=int, default=600, help="messages to time (default 600)")
    parser.add_argument("--postcode", default="8011AB")
    args = parser.parse_args(argv)
    from bot.triage.engine import triage

    start = time.perf_counter()
    triage("Ik heb schulden en voel me alleen", postcode=args.postcode)  # loads model, rules, kaart
    load_s = time.perf_counter() - start
    messages = list(islice(cycle(training_sentences()), args.n))
    timings = []
    for text in messages:
        t0 = time.perf_counter()
        triage(text, postcode=args.postcode)
        timings.append((time.perf_counter() - t0) * 1000)
    print(f"triage: {len(timings)} messages, load {load_s:.1f} s, "
          f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
          f"max {max(timings):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
