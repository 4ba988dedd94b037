"""``python -m bot redact`` and ``python -m bot privacy opschonen|verwijder``.

``redact`` reads text lines on stdin and writes each line redacted on stdout:
exactly one line out for each line in. Bytes that are not UTF-8 are replaced
(U+FFFD) and reported on stderr with their line number.
"""

from __future__ import annotations

import argparse
import sys
from typing import BinaryIO, TextIO


def register(sub: argparse._SubParsersAction) -> None:
    red = sub.add_parser("redact", help="remove identifiers from text lines on stdin (one line out per line in)")
    red.add_argument("--uitleg", action="store_true", help="print on stderr which rule matched on each line")
    red.set_defaults(func=_redact)

    priv = sub.add_parser("privacy", help="retention and erasure of conversations and aanmeldingen")
    actions = priv.add_subparsers(dest="privacy_command", metavar="ACTIE")
    actions.required = True
    clean = actions.add_parser("opschonen", help="delete what is past its retention (dry run unless --uitvoeren)")
    clean.add_argument("--uitvoeren", action="store_true", help="really delete (default: only count)")
    clean.set_defaults(func=_opschonen)
    erase = actions.add_parser("verwijder", help="erase one aanmelding with its conversation")
    erase.add_argument("referentie", metavar="REFERENTIE", help="the aanmelding's reference number")
    erase.set_defaults(func=_verwijder)


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


def _opschonen(args) -> int:
    from bot.config import masked_database_url
    from bot.privacy.retention import opschonen

    report = opschonen(uitvoeren=args.uitvoeren)
    verb = "verwijderd" if args.uitvoeren else "zou worden verwijderd (proef; gebruik --uitvoeren)"
    print(f"database {masked_database_url()}")
    print(f"gesprekken ouder dan {report.grens_gesprekken:%Y-%m-%d %H:%M} UTC: {report.gesprekken} "
          f"({report.events} events, {report.opvolgingen} opvolgingen, {report.feedback} feedback, "
          f"{report.concept_aanmeldingen} onbevestigde aanmeldingen)")
    print(f"aanmeldingen ouder dan {report.grens_aanmeldingen:%Y-%m-%d %H:%M} UTC: {report.aanmeldingen}")
    print(f"=> {verb}; audit-regel geschreven")
    return 0


def _verwijder(args) -> int:
    from bot.privacy.erasure import verwijder

    report = verwijder(args.referentie)
    if not report.gevonden:
        print(f"Geen aanmelding met referentie '{args.referentie.strip()}' gevonden. Er is niets verwijderd.",
              file=sys.stderr)
        return 1
    print(f"Aanmelding verwijderd met het hele gesprek: {report.events} events, "
          f"{report.opvolgingen} opvolgingen, {report.feedback} feedback; audit-regel geschreven.")
    return 0
