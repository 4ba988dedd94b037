"""Where a turn's time goes under load: py-spy on both servers during the conversation benchmark.

    python -m bot.bench.profile [--seconds 30] [--concurrency 20] [--out results/profile]

Starts both servers as the conversation benchmark does, warms them with one
run, then samples the Rasa server and the action server with py-spy while the
benchmark's conversations and parses repeat. Writes py-spy's raw (collapsed)
stacks to ``<out>/<service>.txt`` (the supervisor's service names: ``rasa.txt``,
``actions.txt``) and prints, per server, the functions with the largest
inclusive share of the samples.
py-spy reads the processes from outside; nothing in the servers changes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import List, Tuple

from bot import paths
from bot.bench import conversation
from bot.bench.servers import running_servers

_LINE_NUMBER = re.compile(r":\d+\)")


def inclusive_shares(collapsed: Path, top: int = 40) -> List[Tuple[float, str]]:
    """(share of samples, frame) for the frames on most stacks; a frame counts once per stack."""
    counts: Counter = Counter()
    total = 0
    for line in collapsed.read_text(encoding="utf-8").splitlines():
        stack, _, number = line.rpartition(" ")
        if not number.isdigit():
            continue
        samples = int(number)
        total += samples
        for frame in {_LINE_NUMBER.sub(")", f) for f in stack.split(";")}:
            counts[frame] += samples
    return [(n / total, frame) for frame, n in counts.most_common(top)] if total else []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.profile", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--out", type=Path, default=paths.ROOT / "results" / "profile")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy is missing: run make setup", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, \
            running_servers(paths.MODEL_FILE, f"sqlite:///{tmp}/profile.db", Path(tmp) / "logs") as servers:
        conversation.measure(servers, args.concurrency)  # warm
        pids = servers.pids()
        recorders = {name: subprocess.Popen([py_spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "200",
                                             "--duration", str(args.seconds), "--output", str(args.out / f"{name}.txt")],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                     for name, pid in pids.items()}
        end = time.monotonic() + args.seconds - 2
        while time.monotonic() < end:
            run = conversation.measure(servers, args.concurrency)
            print(f"turn p95 {run['turn_p95'] * 1000:.0f} ms, parse p95 {run['parse_p95'] * 1000:.0f} ms", flush=True)
        for recorder in recorders.values():
            recorder.wait(timeout=args.seconds + 60)
    for name in pids:
        print(f"\n== {name}: inclusive share of the samples ({args.out / (name + '.txt')})")
        for share, frame in inclusive_shares(args.out / f"{name}.txt"):
            print(f"{share * 100:5.1f}%  {frame[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
