"""``python -m bot <command>``: doctor, triage, kaart, redact, privacy, db, gebruiker, review, demo.

Each concern registers its own sub-commands from its own package, so this
module only wires them together. Heavy imports happen inside the commands.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import List, Optional

# module path of each command group; each exposes ``register(subparsers)``
COMMANDS = (
    "bot.doctor",
    "bot.triage.cli",
    "bot.kaart.cli",
    "bot.privacy.cli",
    "bot.aanmelding.cli",
    "bot.store.cli",
    "bot.accounts.cli",
    "bot.review.cli",
    "bot.bench.demo_cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Wijkteam intake assistant")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
