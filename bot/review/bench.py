"""``python -m bot.review.bench``: p95 of a review list page at 10,000 conversations.

Fills a temporary SQLite database (or ``--url``) with synthetic index rows
(``bot.review.synthetic``), then times pages of ``listing.gesprekken`` (page
query plus count) without a filter, with each single filter, with a date
range and deep pages. Prints median and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Callable, Dict, List

from bot.review import listing, synthetic
from bot.review.listing import GesprekFilter
from bot.store.db import make_engine, upgrade


def _filters(rng: random.Random) -> List[GesprekFilter]:
    return [
        GesprekFilter(), GesprekFilter(kanaal="kcc"), GesprekFilter(wijk="Assendorp"),
        GesprekFilter(thema=rng.choice(synthetic.THEMAS)), GesprekFilter(signaal="contra_schaamte"),
        GesprekFilter(advies="combinatie"), GesprekFilter(crisis=True), GesprekFilter(fallback=True),
        GesprekFilter(feedback=True), GesprekFilter(review_status="open"),
        GesprekFilter(vanaf=date(2026, 8, 1), tot=date(2026, 8, 31)),
        GesprekFilter(wijk="Stadshagen", thema="geldzaken", vanaf=date(2026, 7, 1)),
    ]


def measure(run: Callable[..., object], repeat: int) -> List[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--herhaal", type=int, default=20, help="repetitions per filter and page")
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(args.url or f"sqlite:///{Path(tmp) / 'review.db'}")
        upgrade(engine)
        rng = random.Random(16)
        start = time.perf_counter()
        synthetic.fill_index(engine, [synthetic.random_spec(rng, n, synthetic.utc(2026, 6, 1))
                                      for n in range(args.aantal)])
        print(f"{args.aantal} conversations indexed in {time.perf_counter() - start:.1f} s")
        listing.gesprekken(engine=engine)  # warm the pool
        results: Dict[str, List[float]] = {"first page": [], "deep pages": []}
        for f in _filters(rng):
            results["first page"] += measure(lambda f=f: listing.gesprekken(f, 1, 25, engine), args.herhaal)
        last = listing.gesprekken(engine=engine).paginas
        for page in (last // 2, last):
            results["deep pages"] += measure(lambda page=page: listing.gesprekken(GesprekFilter(), page, 25, engine),
                                             args.herhaal)
        for name, times in results.items():
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"list page ({name}, 25 rows + count, {len(times)} runs): "
                  f"median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms")
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
