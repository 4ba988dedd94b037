"""``python -m bot triage "tekst"`` (a card) and ``--jsonl`` (the eval contract).

``--jsonl`` reads one {"id": ..., "text": ...} per line on stdin and writes one
JSON object per line on stdout, in order. A line that is not valid JSON is
reported on stderr with its line number; the other lines are still answered
and the exit status is 1. Nothing else is written to stdout. Signals are listed
in the shared taxonomy's codes too: a gemeente's refinement (valt_onder) adds
the code it falls under.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Optional, TextIO


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("triage", help="triage a hulpvraag (card, or JSONL batch)")
    parser.add_argument("text", nargs="?", help="the hulpvraag (omit with --jsonl)")
    parser.add_argument("--jsonl", action="store_true", help="read JSONL {id, text} on stdin, write JSONL")
    parser.add_argument("--postcode", help="postcode for nearby suggestions, e.g. 8011 AB")
    parser.add_argument("--rol", choices=("inwoner", "kcc"), default="inwoner")
    parser.add_argument("--json", action="store_true", help="print the result as JSON instead of a card")
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.jsonl:
        if args.text:
            print("triage: give either a text or --jsonl, not both", file=sys.stderr)
            return 2
        return run_jsonl(sys.stdin, sys.stdout, sys.stderr, postcode=args.postcode, rol=args.rol)
    if args.text is None:
        print("triage: give a text, e.g. python -m bot triage \"Ik heb schulden\"", file=sys.stderr)
        return 2
    from bot.triage.card import render_card
    from bot.triage.engine import triage

    result = triage(args.text, postcode=args.postcode, rol=args.rol)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_card(result))
    return 0


def with_shared_codes(signals: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The signals plus, for a gemeente's refinement, the shared code it falls under (taxonomie.yml valt_onder)."""
    from bot.taxonomy import taxonomy

    types = taxonomy().signals
    codes = {s.get("code") for s in signals}
    extra = []
    for signal in signals:
        kind = types.get(str(signal.get("code")))
        if kind is not None and kind.valt_onder and kind.valt_onder not in codes:
            codes.add(kind.valt_onder)
            extra.append({**signal, "code": kind.valt_onder,
                          "regel": f"{signal.get('regel')} ({kind.code} valt onder {kind.valt_onder})"})
    return [*signals, *extra]


def run_jsonl(stdin: TextIO, stdout: TextIO, stderr: TextIO, postcode: Optional[str] = None, rol: str = "inwoner") -> int:
    from bot.triage.engine import triage

    failures = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
            if "text" not in item:
                raise ValueError("field 'text' is missing")
        except (json.JSONDecodeError, ValueError) as exc:
            failures += 1
            print(f"stdin line {number}: not a valid {{\"id\", \"text\"}} object: {exc}", file=stderr)
            continue
        text = item.get("text")
        result = triage(text if isinstance(text, str) else "", postcode=item.get("postcode") or postcode,
                        rol=item.get("rol") or rol)
        out = {"id": item.get("id"), **result.to_dict()}
        out["signalen"] = with_shared_codes(out["signalen"])
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    if failures:
        print(f"{failures} line(s) could not be read", file=stderr)
    return 1 if failures else 0
