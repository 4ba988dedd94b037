"""``python -m bot kaart import|export|zoek|check``: the sociale kaart on the command line.

All commands use DATABASE_URL (default: SQLite under var/). Problems go to
stderr; exit codes: 0 ok, 1 findings (check) or nothing found (zoek), 2 refused input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("kaart", help="sociale kaart: import, export, search and check offers")
    actions = parser.add_subparsers(dest="kaart_command", metavar="ACTION")
    actions.required = True

    imp = actions.add_parser("import", help="import a CSV or HSDS JSON file (all rows or nothing)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(func=_import)

    exp = actions.add_parser("export", help="write the whole kaart to stdout")
    exp.add_argument("--format", choices=("csv", "hsds"), default="csv")
    exp.set_defaults(func=_export)

    zoek = actions.add_parser("zoek", help="find fitting offers, best first, with reasons")
    zoek.add_argument("--thema", action="append", required=True, metavar="T",
                      help="theme code from data/taxonomie.yml; repeat, most important first")
    zoek.add_argument("--postcode", help="e.g. 8011AB, '8011 ab' or 8011")
    zoek.add_argument("--doelgroep", help="ouder, kind, jongere, oudere, mantelzorger, nieuwkomer, naaste")
    zoek.add_argument("--leeftijd", type=int, help="age of the person who would take part")
    zoek.add_argument("--signaal", action="append", default=[], metavar="S",
                      help="signal code from data/taxonomie.yml (e.g. contra_schaamte); repeatable")
    zoek.add_argument("--alleen-gemeente", action="store_true",
                      help="leave out offers of other gemeenten than the postcode's")
    zoek.add_argument("--limit", type=int, default=3)
    zoek.add_argument("--json", action="store_true", help="print a JSON list")
    zoek.set_defaults(func=_zoek)

    chk = actions.add_parser("check", help="list stale, incomplete, paused and stopped offers")
    chk.add_argument("--json", action="store_true")
    chk.set_defaults(func=_check)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _import(args) -> int:
    from bot.config import masked_database_url
    from bot.kaart.importer import import_file
    from bot.kaart.problems import KaartImportError

    try:
        report = import_file(args.file)
    except KaartImportError as exc:
        count = len(exc.problems)
        return _fail(f"{exc}\nRefused: {count} problem(s) in {args.file}; nothing was written.")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Imported {report.total} offer(s) from {args.file} ({report.nieuw} new, {report.bijgewerkt} updated) "
          f"into {masked_database_url()}.")
    return 0


def _export(args) -> int:
    from bot.kaart.exporter import export

    export(sys.stdout, args.format)
    return 0


def _validate_zoek(args) -> str | None:
    from bot.kaart.postcodes import parse_postcode
    from bot.kaart.vocabulary import vocabulary
    from bot.taxonomy import taxonomy

    tax = taxonomy()
    unknown = [t for t in args.thema if not tax.is_theme(t)]
    if unknown:
        return f"unknown theme code(s) {', '.join(unknown)}; known: {', '.join(tax.theme_codes)}"
    bad_signals = [s for s in args.signaal if s not in tax.signals]
    if bad_signals:
        return f"unknown signal code(s) {', '.join(bad_signals)}; known: {', '.join(tax.signals)}"
    if args.postcode is not None:
        try:
            parse_postcode(args.postcode)
        except ValueError as exc:
            return f"--postcode: {exc}"
    if args.doelgroep and args.doelgroep not in vocabulary().codes("doelgroepen"):
        return f"--doelgroep: unknown '{args.doelgroep}'; known: {', '.join(vocabulary().codes('doelgroepen'))}"
    if args.leeftijd is not None and not 0 <= args.leeftijd <= 120:
        return "--leeftijd: give an age between 0 and 120"
    if args.limit < 1:
        return "--limit: give 1 or more"
    return None


def _zoek(args) -> int:
    from bot.kaart.search import zoek

    problem = _validate_zoek(args)
    if problem:
        return _fail(problem)
    matches = zoek(args.thema, postcode=args.postcode, doelgroep=args.doelgroep, signalen=args.signaal,
                   leeftijd=args.leeftijd, limit=args.limit, alleen_eigen_gemeente=args.alleen_gemeente)
    if args.json:
        print(json.dumps([m.to_dict() for m in matches], ensure_ascii=False, indent=1))
    else:
        if not matches:
            print("No fitting active offers found.")
        for i, m in enumerate(matches, 1):
            place = ", ".join(x for x in (m.wijk, m.gemeente) if x)
            print(f"{i}. {m.naam} [{m.id}] ({place}) score {m.score:.1f}{' VEROUDERD' if m.verouderd else ''}")
            print(f"   {m.waarom}")
    return 0 if matches else 1


def _check(args) -> int:
    from bot.kaart.check import KINDS, check
    from bot.kaart.vocabulary import matching_rules

    findings = check(vandaag=date.today())
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
        return 1 if findings else 0
    months = matching_rules().verouderd_na_maanden
    for kind, text in KINDS.items():
        group = [f for f in findings if f.soort == kind]
        if group:
            print(f"{text.format(months=months)} ({len(group)}):")
            for f in group:
                print(f"  {f.id}  {f.naam} ({f.gemeente}){'  ' + f.detail if f.detail else ''}")
    print(f"{len(findings)} finding(s)." if findings else "No findings: every offer is current and complete.")
    return 1 if findings else 0
