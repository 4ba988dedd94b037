"""``python -m bot.triage.bench_signals``: time the signal engine and the advice.

Loads the rules once, then runs at least 500 messages (the NLU training
examples, cycled) through ``detect`` + ``advise`` and prints p50/p95 in
milliseconds, plus the time for one 10,000-character text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from itertools import cycle, islice

from bot.triage.bench import percentile, training_sentences


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.triage.bench_signals")
    parser.add_argument("-n", type=int, default=600, help="messages to time (default 600)")
    args = parser.parse_args(argv)
    from bot.triage.advice import advise
    from bot.triage.result import ThemeScore
    from bot.triage.signals import SignalEngine

    start = time.perf_counter()
    engine = SignalEngine()
    load_s = time.perf_counter() - start
    themes = [ThemeScore("geldzaken", 0.8)]
    messages = list(islice(cycle(training_sentences() or ["Ik heb schulden en voel me alleen"]), args.n))
    timings = []
    for text in messages:
        t0 = time.perf_counter()
        advise(themes, engine.detect(text), "geldzaken", text)
        timings.append((time.perf_counter() - t0) * 1000)
    long_text = ("Ik heb een vraag over de buurt en over de school van mijn zoon. " * 200)[:9970] + " Ik kan niet meer."
    t0 = time.perf_counter()
    engine.detect(long_text)
    long_ms = (time.perf_counter() - t0) * 1000
    counts = engine.rule_counts()
    print(f"signals+advice: {len(timings)} messages, load {load_s:.1f} s, "
          f"p50 {statistics.median(timings):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms, "
          f"max {max(timings):.2f} ms; 10,000 characters: {long_ms:.1f} ms; "
          f"{sum(counts.values())} rules, {len(engine.rule_set.patterns)} patterns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
