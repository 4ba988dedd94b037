"""``python -m bot redact``.

``redact`` reads text lines on stdin and writes each line redacted on stdout:
exactly one line out for each line in. Bytes that are not UTF-8 are replaced
(U+FFFD) and reported on stderr with their line number. Retention and
erasure (``python -m bot privacy ...``) act on the aanmelding's tables and are
registered by bot.aanmelding.cli.
"""

from __future__ import annotations

import argparse
import sys
from typing import BinaryIO, TextIO


def register(sub: argparse._SubParsersAction) -> None:
    red = sub.add_parser("redact", help="remove identifiers from text lines on stdin (one line out per line in)")
    red.add_argument("--uitleg", action="store_true", help="print on stderr which rule matched on each line")
    red.set_defaults(func=_redact)


def redact_stream(source: BinaryIO, target: TextIO, errors: TextIO, explain: bool = False) -> int:
    """Redact ``source`` line by line; returns the number of lines written."""
    from bot.privacy.redact import redact_with_reasons

    count = 0
    for number, raw in enumerate(source, start=1):
        body = raw[:-1] if raw.endswith(b"\n") else raw
        if body.endswith(b"\r"):
            body = body[:-1]
        try:
            line = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = body.decode("utf-8", errors="replace")
            errors.write(f"regel {number}: geen geldige UTF-8 (byte {exc.start}); onleesbare tekens vervangen\n")
        redacted, spans = redact_with_reasons(line)
        target.write(redacted + "\n")
        if explain:
            for span in spans:
                errors.write(f"regel {number}, teken {span.start}-{span.end}: [{span.label}] {span.rule}\n")
        count += 1
    target.flush()
    return count


def _redact(args) -> int:
    from bot.privacy.wordlists import PrivacyDataError

    try:
        redact_stream(sys.stdin.buffer, sys.stdout, sys.stderr, explain=args.uitleg)
    except PrivacyDataError as exc:
        print(f"fout in de privacylijsten: {exc}", file=sys.stderr)
        return 2
    return 0
