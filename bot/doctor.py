"""``python -m bot doctor``: what is installed, active and current.

Exits non-zero when something needed is missing or stale, so scripts and
people can trust a zero.
"""

from __future__ import annotations

import argparse
import platform
from importlib import metadata
from typing import List, Tuple

from bot import paths

REQUIRED_PACKAGES = ("rasa", "rasa-sdk", "spacy", "sqlalchemy", "alembic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("doctor", help="check versions, Dutch pipeline, database and model")
    parser.set_defaults(func=run)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def checks() -> List[Tuple[str, bool, str]]:
    """(what, ok, detail) for everything the assistant needs."""
    results: List[Tuple[str, bool, str]] = []
    py = platform.python_version()
    results.append(("Python", py.startswith("3.10") or py.startswith("3.9") or py.startswith("3.8"), py))
    for package in REQUIRED_PACKAGES:
        version = _version(package)
        results.append((package, bool(version), version or "not installed"))

    from bot.nlp.pipeline import active_pipeline_info

    try:
        info = active_pipeline_info()
        kind = "published model" if info.published else "self-built offline pipeline"
        comps = ", ".join(info.components) or "tokenizer only"
        results.append(("Dutch pipeline", True, f"{info.name} {info.version} ({kind}); components: {comps}; {info.path}"))
    except FileNotFoundError as exc:
        results.append(("Dutch pipeline", False, str(exc)))

    from bot.config import masked_database_url

    url = masked_database_url()
    try:
        from bot.store import db

        current, head = db.current_revision(), db.head_revision()
        results.append(("Database", current == head, f"{url} (schema {current or 'empty'}, newest {head})"))
    except Exception as exc:  # any driver or connection error is reported, not raised
        results.append(("Database", False, f"{url}: {type(exc).__name__}: {str(exc).splitlines()[0]}"))

    from bot.training import model_status

    status = model_status()
    results.append(("Rasa model", status == "current", f"{paths.MODEL_FILE.relative_to(paths.ROOT)}: {status}"))
    return results


def run(_args=None) -> int:
    failed = 0
    for what, ok, detail in checks():
        mark = "ok  " if ok else "FAIL"
        failed += not ok
        print(f"{mark} {what:<15} {detail}")
    if failed:
        print(f"\n{failed} problem(s). 'make setup' installs, builds and trains what is missing.")
    return 1 if failed else 0
