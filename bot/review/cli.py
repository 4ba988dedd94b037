"""``python -m bot review ...``.

Every command prints readable lines, or JSON with ``--json``; the reviewer's
account for actions that change something is ``--door`` (audited).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, Tuple


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from exc


def _flag(text: str) -> bool:
    if text.lower() in ("ja", "j", "true", "1"):
        return True
    if text.lower() in ("nee", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("use ja or nee")


def _json(value: Any) -> str:
    data = asdict(value) if is_dataclass(value) and not isinstance(value, type) else [asdict(v) for v in value]
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="the wijkteam's review: conversations, corrections, rode draden")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION")
    actions.required = True

    actions.add_parser("index", help="rebuild the conversations index from the stored events").set_defaults(func=_index)

    lijst = actions.add_parser("lijst", help="the conversations list (filters, pages)")
    lijst.add_argument("--vanaf", type=_date)
    lijst.add_argument("--tot", type=_date)
    for name in ("kanaal", "wijk", "thema", "signaal", "advies", "review-status", "tag"):
        lijst.add_argument(f"--{name}")
    for name in ("crisis", "fallback", "feedback", "demo"):
        lijst.add_argument(f"--{name}", type=_flag, metavar="ja|nee")
    lijst.add_argument("--pagina", type=int, default=1)
    lijst.add_argument("--per-pagina", type=int, default=25)
    lijst.add_argument("--json", action="store_true")
    lijst.set_defaults(func=_lijst)

    gesprek = actions.add_parser("gesprek", help="one conversation turn by turn with its triage cards")
    gesprek.add_argument("gesprek_id")
    gesprek.add_argument("--json", action="store_true")
    gesprek.set_defaults(func=_gesprek)

    corr = actions.add_parser("corrigeer", help="correct a message's theme, signals or advice")
    corr.add_argument("gesprek_id")
    corr.add_argument("event_id", type=int)
    corr.add_argument("--door", required=True, help="your account name")
    corr.add_argument("--thema")
    corr.add_argument("--signalen", help="the right signal codes, comma-separated (empty: none)")
    corr.add_argument("--advies")
    corr.set_defaults(func=_corrigeer)

    tag = actions.add_parser("tag", help="tag a conversation (fout_begrepen, gemiste_crisis, goed_voorbeeld or free)")
    tag.add_argument("gesprek_id")
    tag.add_argument("tag")
    tag.add_argument("--door", required=True)
    tag.add_argument("--weg", action="store_true", help="remove the tag")
    tag.set_defaults(func=_tag)

    bekeken = actions.add_parser("bekeken", help="mark a conversation as reviewed")
    bekeken.add_argument("gesprek_id")
    bekeken.add_argument("--door", required=True)
    bekeken.add_argument("--open", action="store_true", help="mark it open again")
    bekeken.set_defaults(func=_bekeken)

    export = actions.add_parser("export-nlu", help="corrected messages as Rasa NLU YAML (redacted texts)")
    export.add_argument("--sinds", type=_date)
    export.add_argument("--uit", type=Path, help="write the YAML here (default: stdout)")
    export.add_argument("--signalen", type=Path, help="also write the signal corrections as JSONL here")
    export.set_defaults(func=_export)

    aanm = actions.add_parser("aanmeldingen", help="aanmeldingen for the Bureaudienst")
    aanm.add_argument("--status")
    aanm.add_argument("--thema")
    aanm.add_argument("--wijk")
    aanm.add_argument("--te-laat", type=_flag, metavar="ja|nee", help="open for more than 5 werkdagen")
    aanm.add_argument("--json", action="store_true")
    aanm.set_defaults(func=_aanmeldingen)

    status = actions.add_parser("status", help="move an aanmelding one step: nieuw, in_behandeling, toegewezen, "
                                               "afgesloten")
    status.add_argument("aanmelding_id", type=int)
    status.add_argument("naar")
    status.add_argument("--door", required=True)
    status.add_argument("--aan", help="team or medewerker (for toegewezen)")
    status.set_defaults(func=_status)

    rode = actions.add_parser("rode-draden", help="themes, collective fit, trends and signals per wijk")
    rode.add_argument("tabel", choices=("themas", "collectief", "trends", "signalen"))
    rode.add_argument("--vanaf", type=_date)
    rode.add_argument("--tot", type=_date)
    rode.add_argument("--zonder-demo", action="store_true")
    rode.add_argument("--svg", type=Path, help="also write the chart here")
    rode.add_argument("--json", action="store_true", help="JSON instead of CSV")
    rode.set_defaults(func=_rode_draden)

    bundel = actions.add_parser("bundelen", help="candidate groups of open aanmeldingen per wijk and theme")
    bundel.add_argument("--vanaf", type=_date, help="default: the start of this quarter")
    bundel.add_argument("--min", type=int, default=3)
    bundel.add_argument("--json", action="store_true")
    bundel.set_defaults(func=_bundelen)


def _engine():
    from bot.store import db

    engine = db.default_engine()
    db.upgrade(engine)
    return engine


def _index(_args) -> int:
    from bot.review.index import rebuild

    report = rebuild(_engine())
    print(f"index: {report.gesprekken} gesprekken, {report.verwijderd} verwijderd")
    return 0


def _lijst(args) -> int:
    from bot.review.listing import GesprekFilter, gesprekken

    f = GesprekFilter(vanaf=args.vanaf, tot=args.tot, kanaal=args.kanaal, wijk=args.wijk, thema=args.thema,
                      signaal=args.signaal, advies=args.advies, crisis=args.crisis, fallback=args.fallback,
                      feedback=args.feedback, review_status=args.review_status, tag=args.tag, demo=args.demo)
    page = gesprekken(f, args.pagina, args.per_pagina, _engine())
    if args.json:
        print(_json(page))
        return 0
    print(f"pagina {page.pagina} van {page.paginas} ({page.totaal} gesprekken)")
    for r in page.rijen:
        flags = " ".join(x for x, on in (("CRISIS", r.crisis), ("fallback", r.fallback)) if on)
        print(f"{r.begonnen:%Y-%m-%d %H:%M}  {r.gesprek_id}  {r.kanaal:7}  {r.wijk or '-':12}  "
              f"{','.join(r.themas) or '-'}  {r.advies or '-'}  {','.join(r.signalen)}  "
              f"feedback={r.feedback or '-'}  {r.review_status}  {flags}")
    return 0


def _gesprek(args) -> int:
    from bot.review.transcript import gesprek

    found = gesprek(args.gesprek_id, _engine())
    if found is None:
        print("onbekend gesprek", file=sys.stderr)
        return 1
    if args.json:
        print(_json(found))
        return 0
    for line in found.opening:
        print(f"   assistent: {line}")
    for b in found.beurten:
        print(f"[{b.event_id}] {b.tijdstip:%H:%M:%S} inwoner: {b.tekst}")
        if b.kaart:
            k = b.kaart
            print(f"      kaart: {', '.join(t.thema for t in k.themas)} | {', '.join(s.code for s in k.signalen)} "
                  f"| {k.advies}{' | CRISIS' if k.crisis else ''}")
        for c in b.correcties:
            print(f"      correctie {c.soort}: {list(c.was)} -> {list(c.juist)} door {c.door}")
        for line in b.antwoorden:
            print(f"   assistent: {line}")
    for a in found.aanmeldingen:
        print(f"aanmelding {a.referentie}: {a.status}, {a.thema}, {a.wijk or '-'}")
    print(f"tags: {', '.join(found.tags) or '-'}; bekeken: {found.bekeken_door or 'nee'}")
    return 0


def _corrigeer(args) -> int:
    from bot.review.marks import corrigeer

    signalen = None if args.signalen is None else [s for s in args.signalen.split(",") if s.strip()]
    for c in corrigeer(args.gesprek_id, args.event_id, args.door, thema=args.thema, signalen=signalen,
                       advies=args.advies, engine=_engine()):
        print(f"correctie {c.soort}: {list(c.was)} -> {list(c.juist)}")
    return 0


def _tag(args) -> int:
    from bot.review.marks import tag, untag

    done = (untag if args.weg else tag)(args.gesprek_id, args.tag, args.door, engine=_engine())
    print("gedaan" if done else "niets veranderd")
    return 0


def _bekeken(args) -> int:
    from bot.review.marks import markeer_bekeken

    markeer_bekeken(args.gesprek_id, args.door, bekeken=not args.open, engine=_engine())
    return 0


def _export(args) -> int:
    from bot.review.export import export_nlu, export_signals_jsonl

    engine = _engine()
    text = export_nlu(engine, args.sinds)
    if args.uit:
        args.uit.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.signalen:
        args.signalen.write_text(export_signals_jsonl(engine, args.sinds), encoding="utf-8")
    return 0


def _aanmeldingen(args) -> int:
    from bot.review.bureaudienst import AanmeldingFilter, aanmeldingen

    rows = aanmeldingen(AanmeldingFilter(args.status, args.thema, args.wijk, args.te_laat), engine=_engine())
    if args.json:
        print(_json(rows))
        return 0
    for r in rows:
        assigned = f" -> {r.toegewezen_aan}" if r.toegewezen_aan else ""
        print(f"{r.id:5} {r.referentie} {r.status:14} {r.thema or '-':18} {r.wijk or '-':12} "
              f"{r.werkdagen} werkdagen{' TE LAAT' if r.te_laat else ''}{assigned}")
    return 0


def _status(args) -> int:
    from bot.review.bureaudienst import StatusError, wijzig_status

    try:
        stap = wijzig_status(args.aanmelding_id, args.naar, args.door, args.aan, engine=_engine())
    except StatusError as exc:
        print(f"geweigerd: {exc}", file=sys.stderr)
        return 1
    print(f"{stap.van} -> {stap.naar}")
    return 0


def _rode_draden(args) -> int:
    from bot.review import charts
    from bot.review import rode_draden as rd
    from bot.review.listing import GesprekFilter
    from bot.review.tables import to_csv

    engine = _engine()
    f = GesprekFilter(vanaf=args.vanaf, tot=args.tot, demo=False if args.zonder_demo else None)
    choices: Dict[str, Tuple[Callable[[], Any], type, Callable[..., str]]] = {
        "themas": (lambda: rd.themas_per_wijk_per_maand(f, engine), rd.ThemaWijkMaand, charts.themas_chart),
        "collectief": (lambda: rd.collectief_aandeel(f, engine), rd.CollectiefAandeel, charts.collectief_chart),
        "trends": (lambda: rd.trends(6, None, f, engine), rd.ThemaTrend, charts.trend_chart),
        "signalen": (lambda: rd.signalen_per_wijk(5, f, engine), rd.SignaalWijk, charts.signalen_chart),
    }
    table, row_type, chart = choices[args.tabel]
    rows = table()
    if args.svg:
        args.svg.write_text(chart(rows), encoding="utf-8")
    sys.stdout.write(_json(rows) + "\n" if args.json else to_csv(rows, row_type))
    return 0


def _bundelen(args) -> int:
    from bot.review.bundelen import bundelen

    groups = bundelen(vanaf=args.vanaf, min_aantal=args.min, engine=_engine())
    if args.json:
        print(_json(groups))
        return 0
    for g in groups:
        offers = "; ".join(a.naam for a in g.aanbod) or "GAT: geen collectief aanbod in de sociale kaart"
        print(f"{g.tekst}. Aanbod: {offers}")
    return 0
