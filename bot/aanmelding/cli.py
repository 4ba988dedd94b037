"""``python -m bot privacy opschonen|verwijder``: retention and erasure.

They delete aanmeldingen, opvolging, feedback and Rasa events by the rules of
data/gemeente.yml and write privacy's audit entries (bot.privacy.audit).
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    priv = sub.add_parser("privacy", help="retention and erasure of conversations and aanmeldingen")
    actions = priv.add_subparsers(dest="privacy_command", metavar="ACTIE")
    actions.required = True
    clean = actions.add_parser("opschonen", help="delete what is past its retention (dry run unless --uitvoeren)")
    clean.add_argument("--uitvoeren", action="store_true", help="really delete (default: only count)")
    clean.set_defaults(func=_opschonen)
    erase = actions.add_parser("verwijder", help="erase one aanmelding with its conversation")
    erase.add_argument("referentie", metavar="REFERENTIE", help="the aanmelding's reference number")
    erase.set_defaults(func=_verwijder)


def _opschonen(args) -> int:
    from bot.aanmelding.retention import opschonen
    from bot.config import masked_database_url

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
    from bot.aanmelding.erasure import verwijder

    report = verwijder(args.referentie)
    if not report.gevonden:
        print(f"Geen aanmelding met referentie '{args.referentie.strip()}' gevonden. Er is niets verwijderd.",
              file=sys.stderr)
        return 1
    print(f"Aanmelding verwijderd met het hele gesprek: {report.events} events, "
          f"{report.opvolgingen} opvolgingen, {report.feedback} feedback; audit-regel geschreven.")
    return 0
