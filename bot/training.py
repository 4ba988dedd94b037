"""Is the trained Rasa model current with data/, domain.yml and config.yml?

``python -m bot.training check`` exits 0 when the model in models/ was trained
from exactly the current inputs; ``stamp`` records that after ``rasa train``.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Iterable, Iterator

from bot import paths


def _files(inputs: Iterable[Path]) -> Iterator[Path]:
    for item in inputs:
        if item.is_dir():
            yield from sorted(p for p in item.rglob("*") if p.is_file())
        elif item.is_file():
            yield item


def fingerprint(inputs: Iterable[Path] = paths.RASA_TRAINING_INPUTS) -> str:
    digest = hashlib.sha256()
    for path in _files(inputs):
        digest.update(str(path.relative_to(paths.ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def model_status() -> str:
    """'current', 'stale' or 'missing'."""
    if not paths.MODEL_FILE.exists():
        return "missing"
    if not paths.MODEL_FINGERPRINT.exists():
        return "stale"
    recorded = paths.MODEL_FINGERPRINT.read_text(encoding="utf-8").strip()
    return "current" if recorded == fingerprint() else "stale"


def stamp() -> None:
    paths.MODEL_FINGERPRINT.write_text(fingerprint() + "\n", encoding="utf-8")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["check"]:
        status = model_status()
        print(f"model {paths.MODEL_FILE.name}: {status}")
        return 0 if status == "current" else 1
    if argv == ["stamp"]:
        stamp()
        return 0
    print("usage: python -m bot.training check|stamp", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
