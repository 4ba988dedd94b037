"""Cluster benchmark (make bench): 1 and 2 Rasa servers behind nginx, side by side.

    python -m bot.bench.cluster [--concurrency 20 50] [--servers 1 2]

For each number of servers: a cluster built by ``cluster_services`` (the
same as make cluster) on free ports, a PostgreSQL database made for the run
and dropped after, the machine's Redis with a key prefix of its own; then
the conversation benchmark's scripted conversations through nginx at each
concurrency. Prints one table: servers, concurrency, turns, turns/s, p50,
p95, errors, and the load average. Bar: at 50 conversations, 2 servers give
at least 1.5x the turns/s of one, with a lower p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

from bot import paths
from bot.bench.conversation import HULPVRAGEN, percentile
from bot.bench.driver import converse
from bot.bench.servers import READY_TIMEOUT, free_port, http_json

ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextmanager
def running_cluster(servers: int, tmp: Path) -> Iterator[str]:
    """A cluster of ``servers`` Rasa servers on free ports; yields nginx's URL."""
    from bot.serve.cluster import ClusterSettings, cluster_services, drop_database, prepare
    from bot.serve.nginx import nginx_binary
    from bot.serve.secrets import ensure_secrets
    from bot.serve.supervisor import Supervisor

    run = uuid.uuid4().hex[:10]
    database = f"wijkteam_bench_{run}"
    settings = ClusterSettings(
        rasa_ports=tuple(free_port() for _ in range(servers)), action_ports=tuple(free_port() for _ in range(servers)),
        nginx_port=free_port(), database_url=ADMIN_URL.rsplit("/", 1)[0] + f"/{database}",
        redis_key_prefix=f"wijkteambench{run}", run_dir=tmp / "run", public_apps=())
    problems = prepare(settings)
    if problems:
        raise RuntimeError("; ".join(problems))
    secrets, _ = ensure_secrets({}, path=tmp / "secrets.env")
    env = dict(os.environ, MODEL=str(paths.MODEL_FILE), **secrets)
    supervisor = Supervisor(cluster_services(settings, nginx_binary()), tmp / "logs", paths.ROOT, base_env=env,
                            report=lambda line: None)
    try:
        if not supervisor.start(timeout=READY_TIMEOUT):
            raise RuntimeError(f"the cluster did not start; see {tmp / 'logs'}")
        threading.Thread(target=supervisor.supervise, args=(0.5,), daemon=True).start()
        yield settings.url
    finally:
        supervisor.stop()
        drop_database(settings)


def load(url: str, concurrency: int) -> Dict[str, float]:
    def one(i: int):
        sender = f"clusterbench-{uuid.uuid4().hex[:8]}"
        try:
            convo = converse(lambda m: http_json(f"{url}/webhooks/rest/webhook", {"sender": sender, "message": m},
                                                 timeout=300), sender, ["hallo"], HULPVRAGEN[i % len(HULPVRAGEN)])
            return [t.seconds for t in convo.turns], 0 if convo.reference else 1
        except Exception:
            return [], 1

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(concurrency)))
    wall = time.perf_counter() - start
    turns = [s for seconds, _ in results for s in seconds]
    return {"turns": len(turns), "per_s": len(turns) / wall, "p50": statistics.median(turns) if turns else 0.0,
            "p95": percentile(turns, 95), "errors": sum(e for _, e in results)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.cluster", description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--servers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    rows: List[tuple] = []
    for servers in args.servers:
        with tempfile.TemporaryDirectory(prefix="wijkteam-cluster-bench-") as tmp:
            with running_cluster(servers, Path(tmp)) as url:
                load(url, 2)  # one short round before measuring (the servers are warm already)
                for concurrency in args.concurrency:
                    r = load(url, concurrency)
                    rows.append((servers, concurrency, r, os.getloadavg()[0]))
                    print(f"{servers} server(s), {concurrency} at once: {r['turns']} turns, {r['per_s']:.1f} turns/s,"
                          f" p50 {r['p50'] * 1000:.0f} ms, p95 {r['p95'] * 1000:.0f} ms, errors {r['errors']}",
                          flush=True)
    print("\n| servers | concurrent | turns | turns/s | p50 ms | p95 ms | errors | load avg |")
    print("|---|---|---|---|---|---|---|---|")
    for servers, concurrency, r, loadavg in rows:
        print(f"| {servers} | {concurrency} | {r['turns']} | {r['per_s']:.1f} | {r['p50'] * 1000:.0f} |"
              f" {r['p95'] * 1000:.0f} | {r['errors']} | {loadavg:.1f} |")
    by = {(s, c): r for s, c, r, _ in rows}
    if (1, 50) in by and (2, 50) in by:
        gain = by[(2, 50)]["per_s"] / by[(1, 50)]["per_s"]
        ok = gain >= 1.5 and by[(2, 50)]["p95"] < by[(1, 50)]["p95"]
        print(f"2 vs 1 server at 50 conversations: {gain:.2f}x turns/s (bar 1.5x), "
              f"p95 {'lower' if by[(2, 50)]['p95'] < by[(1, 50)]['p95'] else 'NOT lower'}; result:",
              "OK" if ok else "BAR MISSED")
        return 0 if ok and not any(r["errors"] for r in by.values()) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
