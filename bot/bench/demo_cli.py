"""``python -m bot demo gesprekken``: demo conversations through the running assistant (bot.bench.demo)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="demo data")
    demo_actions = demo.add_subparsers(dest="demo_command", metavar="ACTION")
    demo_actions.required = True
    gesprekken = demo_actions.add_parser("gesprekken", help="send demo conversations through the running assistant")
    gesprekken.add_argument("--aantal", type=int, default=20)
    gesprekken.add_argument("--url", default=None, help="the Rasa server (default http://127.0.0.1:$RASA_PORT)")
    gesprekken.add_argument("--secrets", type=Path, default=None, help="secrets file (default var/secrets.env)")
    gesprekken.add_argument("--seed", type=int, default=16)
    gesprekken.set_defaults(func=_demo)


def _demo(args) -> int:
    from bot import paths
    from bot.bench.demo import run_demo
    from bot.serve.secrets import stored_secrets

    secrets = stored_secrets(args.secrets or paths.VAR / "secrets.env")
    kcc_secret: Optional[str] = os.environ.get("KCC_CHANNEL_SECRET") or secrets.get("KCC_CHANNEL_SECRET")
    if not kcc_secret:
        print("no KCC_CHANNEL_SECRET: only inwoner conversations", file=sys.stderr)
    url = args.url or f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    report = run_demo(args.aantal, url, kcc_secret, seed=args.seed, log=print)
    print(f"{len(report.gesprekken)} demo-gesprekken ({report.kcc} KCC), {report.aanmeldingen} aanmeldingen")
    return 0
