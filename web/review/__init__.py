"""The wijkteam's review pages at /review (role wijkteam; beheer too).

The conversations list, one conversation's transcript with its triage cards
and the reviewer's marks, the NLU export, the Bureaudienst's aanmeldingen
with the status flow, and the rode draden with bundelen. Every page's data
comes from ``bot.review`` (typed results); these handlers read the query or
form, call the core with the logged-in account as ``door``, and render.
Every page that shows a conversation and every export is audited here (who,
when, code words); the changes are audited by the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Tuple
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for

from bot.accounts.service import audit as staff_audit
from bot.privacy import audit
from bot.privacy.audit import AuditDetailError
from bot.review import bundelen as bundel
from bot.review import charts, export, marks
from bot.review import rode_draden as rd
from bot.review.bureaudienst import STATUSSEN, StatusError, wijzig_status
from bot.review.bureaudienst import aanmeldingen as aanmelding_rows
from bot.review.listing import gesprekken
from bot.review.tables import to_csv
from bot.review.transcript import gesprek as transcript
from bot.taxonomy import taxonomy
from web.auth.forms import EmptyForm
from web.auth.roles import requires_role
from web.review import params, view

review = Blueprint("review", __name__, static_folder="static", static_url_path="/review-static")
ROLES = ("wijkteam", "beheer")
PER_PAGINA = 25


for _name in ("thema_label", "signaal_label", "advies_label", "status_label", "tag_label"):
    review.add_app_template_filter(getattr(view, _name), _name)


def _audit(actie: str, **details: Any) -> None:
    staff_audit(actie, g.account.id, wie=g.account.naam, **details)


def _bad_request(error: params.ParamError):
    return render_template("review/fout.html", titel="Dit kan niet", tekst=str(error),
                           terug=url_for(request.endpoint, **(request.view_args or {})), uit=EmptyForm()), 400


@review.errorhandler(params.ParamError)
def _param_error(error: params.ParamError):
    return _bad_request(error)


def _common() -> Dict[str, Any]:
    tax = taxonomy()
    return {"uit": EmptyForm(), "form": EmptyForm(), "themas": tax.themes, "signalen": tax.signals,
            "adviezen": view.ADVIES_LABELS, "wijken": params.wijken(), "kanalen": params.KANALEN,
            "review_statussen": params.REVIEW_STATUS, "view": view,
            "wijk_opties": [(w, w) for w in params.wijken()],
            "thema_opties": [(code, t.label) for code, t in tax.themes.items()],
            "signaal_opties": sorted(((code, s.label) for code, s in tax.signals.items()), key=lambda x: x[1])}


# --- the conversations list -------------------------------------------------------------------------------------

@review.get("/review")
@requires_role(*ROLES)
def lijst():
    f, nummer = params.gesprek_filter(request.args), params.pagina(request.args)
    page = gesprekken(f, nummer, PER_PAGINA)
    filters = params.kept(request.args, params.LIST_KEYS)
    _audit("review_lijst_getoond", pagina=min(nummer, params.MAX_PAGINA), aantal=len(page.rijen))
    def link(n: int) -> str:
        return url_for("review.lijst", **filters, pagina=n)

    links = {"eerste": link(1), "laatste": link(page.paginas),
             "vorige": link(min(nummer, page.paginas + 1) - 1) if nummer > 1 else None,
             "volgende": link(nummer + 1) if nummer < page.paginas else None}
    return render_template("review/lijst.html", page=page, nummer=nummer, filters=filters, links=links,
                           vaste_tags=marks.FIXED_TAGS, **_common())


# --- one conversation --------------------------------------------------------------------------------------------

def _gesprek_page(gesprek_id: str, fout: Optional[str] = None, status: int = 200):
    found = transcript(gesprek_id)
    if found is None:
        abort(404)
    _audit("review_gesprek_getoond", gesprek_sha256=audit.gesprek_hash(gesprek_id))
    return render_template("review/gesprek.html", gesprek=found, fout=fout, vaste_tags=marks.FIXED_TAGS,
                           **_common()), status


@review.get("/review/gesprek/<gesprek_id>")
@requires_role(*ROLES)
def gesprek(gesprek_id: str):
    return _gesprek_page(gesprek_id)


REVIEW_FOUTEN = (("unknown theme", "Dat thema kennen we niet. Kies een thema uit de lijst."),
                 ("unknown signal", "Dat signaal kennen we niet. Kies signalen uit de lijst."),
                 ("unknown advice", "Dat advies kennen we niet. Kies een advies uit de lijst."),
                 ("nothing to correct", "U heeft niets veranderd. Kies het juiste thema, de juiste signalen of "
                                        "het juiste advies en kies dan Opslaan."),
                 ("no such message", "Dit bericht hoort niet bij dit gesprek."),
                 ("unknown conversation", "Dit gesprek staat (nog) niet in het overzicht."),
                 ("a tag is", "Een tag bestaat uit 2 tot 40 kleine letters, cijfers of _ en begint met een letter. "
                              "Bijvoorbeeld: schulden_en_zorgen."))


def _dutch(error: Exception) -> str:
    text = str(error)
    return next((nl for en, nl in REVIEW_FOUTEN if text.startswith(en)), "Dit kon niet worden opgeslagen.")


def _back(gesprek_id: str, anchor: str = ""):
    return redirect(url_for("review.gesprek", gesprek_id=gesprek_id) + anchor, code=303)


@review.post("/review/gesprek/<gesprek_id>/correctie/<int:event_id>")
@requires_role(*ROLES)
def corrigeer(gesprek_id: str, event_id: int):
    found = transcript(gesprek_id)
    beurt = next((b for b in found.beurten if b.event_id == event_id), None) if found else None
    if beurt is None or beurt.kaart is None:
        abort(404)
    card, form = beurt.kaart, request.form
    thema = form.get("thema") or None
    advies = form.get("advies") or None
    signalen = sorted(set(form.getlist("signaal"))) if form.get("signalen_getoond") else None
    # only what the reviewer changed is a correction
    thema = thema if thema != card.thema else None
    advies = advies if advies != card.advies else None
    signalen = signalen if signalen is not None and signalen != sorted(s.code for s in card.signalen) else None
    try:
        made = marks.corrigeer(gesprek_id, event_id, g.account.naam, thema=thema, signalen=signalen, advies=advies)
    except marks.ReviewError as exc:
        return _gesprek_page(gesprek_id, _dutch(exc), 400)
    flash(f"Correctie opgeslagen ({', '.join(c.soort for c in made)}). Dank u.", "ok")
    return _back(gesprek_id, f"#beurt-{event_id}")


@review.post("/review/gesprek/<gesprek_id>/tag")
@requires_role(*ROLES)
def tag(gesprek_id: str):
    naam = (request.form.get("tag") or request.form.get("vrije_tag") or "").strip().lower()
    weg = request.form.get("actie") == "weg"
    try:
        done = (marks.untag if weg else marks.tag)(gesprek_id, naam, g.account.naam)
    except marks.ReviewError as exc:
        return _gesprek_page(gesprek_id, _dutch(exc), 400)
    if done:
        flash(f"Tag '{view.tag_label(naam)}' {'weggehaald' if weg else 'toegevoegd'}.", "ok")
    else:
        flash(f"Het gesprek had de tag '{view.tag_label(naam)}' {'niet' if weg else 'al'}.", "ok")
    return _back(gesprek_id, "#tags")


@review.post("/review/gesprek/<gesprek_id>/bekeken")
@requires_role(*ROLES)
def bekeken(gesprek_id: str):
    klaar = request.form.get("bekeken") != "nee"
    try:
        marks.markeer_bekeken(gesprek_id, g.account.naam, bekeken=klaar)
    except marks.ReviewError as exc:
        return _gesprek_page(gesprek_id, _dutch(exc), 400)
    flash("Gemarkeerd als bekeken." if klaar else "Weer op 'nog niet bekeken' gezet.", "ok")
    return _back(gesprek_id, "#review-status")


# --- the exports (the same as python -m bot review export-nlu) ---------------------------------------------------

def _download(text: str, name: str, mimetype: str) -> Response:
    return Response(text, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                      "Cache-Control": "no-store"})


@review.get("/review/export-nlu")
@requires_role(*ROLES)
def export_nlu():
    sinds = params.since(request.args)
    _audit("review_export", soort="nlu")
    return _download(export.export_nlu(None, sinds), "nlu-correcties.yml", "application/yaml")


@review.get("/review/export-signalen")
@requires_role(*ROLES)
def export_signalen():
    sinds = params.since(request.args)
    _audit("review_export", soort="signalen")
    return _download(export.export_signals_jsonl(None, sinds), "signaal-correcties.jsonl", "application/jsonl")


# --- the Bureaudienst ---------------------------------------------------------------------------------------------

def _aanmeldingen_page(fout: Optional[str] = None, status: int = 200, args=None):
    args = request.args if args is None else args
    rows = aanmelding_rows(params.aanmelding_filter(args))
    _audit("review_aanmeldingen_getoond", aantal=len(rows))
    teams = tuple("team_" + w.lower().replace(" ", "_").replace("-", "_") for w in params.wijken())
    return render_template("review/aanmeldingen.html", rijen=rows, fout=fout, teams=teams,
                           status_opties=[(s, view.status_label(s)) for s in STATUSSEN],
                           filters=params.kept(args, params.AANMELDING_KEYS), **_common()), status


@review.get("/review/aanmeldingen")
@requires_role(*ROLES)
def aanmeldingen():
    return _aanmeldingen_page()


def _status_fout(exc: Exception, naar: str) -> str:
    text = str(exc)
    if isinstance(exc, AuditDetailError) or text.startswith("toegewezen needs"):
        return ("Vul bij 'Toewijzen aan' een team of medewerker in: kleine letters, cijfers en . _ -, "
                "bijvoorbeeld team_assendorp.")
    if text.startswith("no aanmelding"):
        return "Deze aanmelding bestaat niet (meer)."
    if "meanwhile" in text:
        return "Iemand anders heeft de status van deze aanmelding net veranderd. Bekijk de lijst opnieuw."
    van = text.split(" -> ")[0] if " -> " in text else ""
    return (f"Deze stap kan niet: van '{view.status_label(van)}' naar '{view.status_label(naar)}'. "
            "De volgorde is: nieuw, in behandeling, toegewezen, afgesloten. "
            "Een aanmelding in behandeling mag ook direct worden afgesloten.")


@review.post("/review/aanmeldingen/<int:aanmelding_id>/status")
@requires_role(*ROLES)
def status(aanmelding_id: int):
    naar = (request.form.get("naar") or "").strip()
    aan = (request.form.get("aan") or "").strip().lower() or None
    terug = params.kept(request.form, params.AANMELDING_KEYS)
    try:
        params.aanmelding_filter(terug)
    except params.ParamError:
        terug = {}
    try:
        stap = wijzig_status(aanmelding_id, naar, g.account.naam, aan)
    except (StatusError, AuditDetailError) as exc:
        return _aanmeldingen_page(_status_fout(exc, naar), 409, terug)
    flash(f"Aanmelding {aanmelding_id}: van '{view.status_label(stap.van)}' naar '{view.status_label(stap.naar)}'.",
          "ok")
    return redirect(url_for("review.aanmeldingen", **terug) + f"#aanmelding-{aanmelding_id}", code=303)


# --- rode draden ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grafiek:
    naam: str
    titel: str
    rows: Callable[[Any], Tuple[Any, ...]]
    row_type: type
    chart: Callable[[Any], str]
    kolommen: Dict[str, str]


GRAFIEKEN = {g.naam: g for g in (
    Grafiek("themas", "Hulpvragen per wijk per maand, naar thema", lambda f: rd.themas_per_wijk_per_maand(f),
            rd.ThemaWijkMaand, charts.themas_chart,
            {"wijk": "Wijk", "maand": "Maand", "thema": "Thema", "aantal": "Aantal hulpvragen"}),
    Grafiek("collectief", "Aandeel hulpvragen waar een collectieve aanpak past", lambda f: rd.collectief_aandeel(f),
            rd.CollectiefAandeel, charts.collectief_chart,
            {"thema": "Thema", "wijk": "Wijk", "hulpvragen": "Hulpvragen", "collectief": "Collectief past",
             "aandeel": "Aandeel"}),
    Grafiek("trends", "Hulpvragen per thema, laatste 6 maanden", lambda f: rd.trends(6, None, f), rd.ThemaTrend,
            charts.trend_chart, {"maand": "Maand", "thema": "Thema", "aantal": "Aantal hulpvragen"}),
    Grafiek("signalen", "Meest voorkomende signalen per wijk (top 5)", lambda f: rd.signalen_per_wijk(5, f),
            rd.SignaalWijk, charts.signalen_chart,
            {"wijk": "Wijk", "rang": "Plaats", "signaal": "Signaal", "aantal": "Aantal gesprekken"}),
)}


def cell(grafiek: Grafiek, row: Any, key: str) -> str:
    value = getattr(row, key)
    if key == "thema":
        return view.thema_label(value)
    if key == "signaal":
        return view.signaal_label(value)
    if key == "aandeel":
        return f"{round(100 * value)}%"
    return str(value)


def _grafiek(naam: str) -> Grafiek:
    if naam not in GRAFIEKEN:
        abort(404)
    return GRAFIEKEN[naam]


@review.get("/review/rode-draden")
@requires_role(*ROLES)
def rode_draden():
    p = params.rode_draden(request.args)
    filters = params.kept(request.args, params.RODE_DRADEN_KEYS)
    chart_args = {k: v for k, v in filters.items() if k in ("vanaf", "tot", "zonder_demo")}
    tabellen = [(gr, gr.rows(p.filter)) for gr in GRAFIEKEN.values()]
    groepen = bundel.bundelen(vanaf=p.bundel_vanaf, min_aantal=p.bundel_min)
    _audit("review_rode_draden_getoond")
    return render_template("review/rode_draden.html", tabellen=tabellen, groepen=groepen, filters=filters,
                           chart_args=chart_args, query=urlencode(chart_args), cell=cell, p=p, **_common())


@review.get("/review/rode-draden/<naam>.svg")
@requires_role(*ROLES)
def grafiek_svg(naam: str):
    gr = _grafiek(naam)
    svg = gr.chart(gr.rows(params.rode_draden(request.args).filter))
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@review.get("/review/rode-draden/<naam>.csv")
@requires_role(*ROLES)
def grafiek_csv(naam: str):
    gr = _grafiek(naam)
    rows = gr.rows(params.rode_draden(request.args).filter)
    _audit("review_export", soort=f"csv_{naam}")
    return _download(to_csv(rows, gr.row_type), f"rode-draden-{naam}.csv", "text/csv")

