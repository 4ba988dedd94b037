"""Concurrency figures of the public REST channel (make bench).

Two loads on fresh servers: 30 conversations at once (two turns each), and
50 identical messages at once on one conversation. Prints the statuses and
the p50 / p95 of the answers; any 5xx or transport error counts as failed.

    python -m bot.bench.concurrency [--conversations 30] [--burst 50]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Tuple

from bot import paths
from bot.bench.conversation import percentile
from bot.bench.servers import Servers, running_servers


def _timed(servers: Servers, body: bytes) -> Tuple[int, float]:
    start = time.perf_counter()
    try:
        status, _ = servers.post(body, timeout=300)
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def conversations(servers: Servers, count: int) -> Tuple[Counter, List[float]]:
    def one(i: int) -> List[Tuple[int, float]]:
        sender = f"gelijktijdig-{i}-{uuid.uuid4().hex[:6]}"
        return [_timed(servers, json.dumps({"sender": sender, "message": m}).encode())
                for m in ("hallo", "Ik heb schulden en ik slaap er slecht van")]

    with ThreadPoolExecutor(max_workers=count) as pool:
        results = [r for turns in pool.map(one, range(count)) for r in turns]
    return Counter(s for s, _ in results), [t for _, t in results]


def burst(servers: Servers, count: int) -> Tuple[Counter, List[float]]:
    body = json.dumps({"sender": f"burst-{uuid.uuid4().hex[:6]}", "message": "hallo"}).encode()
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(lambda _: _timed(servers, body), range(count)))
    return Counter(s for s, _ in results), [t for _, t in results]


def report(name: str, statuses: Counter, seconds: List[float]) -> bool:
    failed = sum(n for s, n in statuses.items() if s == 0 or s >= 500)
    print(f"{name}: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}, "
          f"p50 {percentile(seconds, 50) * 1000:.0f} ms, p95 {percentile(seconds, 95) * 1000:.0f} ms, "
          f"max {max(seconds) * 1000:.0f} ms, failed {failed}")
    return failed == 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.concurrency", description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=30)
    parser.add_argument("--burst", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wijkteam-conc-") as tmp:
        with running_servers(paths.MODEL_FILE, f"sqlite:///{tmp}/conc.db", Path(tmp) / "logs") as servers:
            ok = report(f"{args.conversations} conversations at once, 2 turns each",
                        *conversations(servers, args.conversations))
            ok = report(f"{args.burst} messages at once on one sender", *burst(servers, args.burst)) and ok
            ok = ok and servers.alive() and not any(servers.restarts().values())
    print("result:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
