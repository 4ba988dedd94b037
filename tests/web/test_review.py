"""The wijkteam's review pages (Flask test client): roles, CSRF, filters, paging, corrections and the export,
the status flow, rode draden against the database, odd query parameters."""

from __future__ import annotations

import json
import random
import re
from collections import Counter

import pytest
from sqlalchemy import select

from bot.aanmelding import service
from bot.accounts.service import add_user
from bot.privacy.models import AuditEntry
from bot.review import synthetic
from bot.review.index import EVENTS
from bot.review.transcript import gesprek as transcript
from bot.store import db
from web import create_app
from web.config import WebConfig

from .test_staff import GOOD, login, token

TRIAGE = {"themas": [{"thema": "geldzaken", "zekerheid": 0.9}], "signalen": [], "advies": "combinatie"}


@pytest.fixture
def engine(use_database):
    return db.engine_for(use_database)


@pytest.fixture
def app(use_database, monkeypatch):
    monkeypatch.delenv("SESSIE_INACTIEF_MINUTEN", raising=False)
    add_user("wim", "wijkteam", GOOD)
    add_user("bea", "beheer", GOOD)
    add_user("anna", "kcc", GOOD)
    config = WebConfig.from_env({"WEB_PORT": "8123", "RASA_PORT": "5999", "WEB_SECRET_KEY": "k"})
    app = create_app(config)
    return app


@pytest.fixture
def convos(engine):
    """40 synthetic conversations (as the tracker store writes them) and one known one."""
    rng = random.Random(7)
    for n in range(40):
        spec = synthetic.random_spec(rng, n, synthetic.utc(2026, 1, 1), days=150)
        synthetic.store(engine, spec.gesprek_id, synthetic.events_of(spec))
    spec = synthetic.Spec(gesprek_id="gesprek-1", begin=synthetic.utc(2026, 6, 14), kanaal="inwoner", pc4="8012",
                          themas=("geldzaken",), signalen=("indicatie_vaardigheid",), advies="combinatie")
    synthetic.store(engine, spec.gesprek_id, synthetic.events_of(spec))
    return engine


@pytest.fixture
def wim(app):
    client = app.test_client()
    assert login(client, "wim").headers["Location"] == "/review"
    return client


def make_aanmelding(engine, gesprek="g1", postcode="8012 AB", triage=TRIAGE) -> int:
    ref = service.start(gesprek_id=gesprek, rol="inwoner", triage=triage, hulpvraag="schulden", engine=engine)
    service.set_contact(ref, gesprek, "postcode", postcode, engine=engine)
    return service.confirm(ref, gesprek, engine=engine)["id"]


def audits():
    with db.session_scope() as s:
        return [(e.actie, e.details) for e in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]


def rows_of(page: str):
    return re.findall(r'href="/review/gesprek/([^"]+)"', page)


PAGES = ("/review", "/review/gesprek/gesprek-1", "/review/aanmeldingen", "/review/rode-draden",
         "/review/export-nlu", "/review/export-signalen", "/review/rode-draden/themas.svg",
         "/review/rode-draden/signalen.csv")


def test_roles_wijkteam_and_beheer_see_it_kcc_gets_the_dutch_403(app, convos, wim):
    for url in PAGES:
        assert wim.get(url).status_code == 200, url
    beheer = app.test_client()
    login(beheer, "bea")
    assert all(beheer.get(url).status_code == 200 for url in PAGES)
    assert "/review" in beheer.get("/login").get_data(as_text=True)
    kcc = app.test_client()
    login(kcc, "anna")
    for url in PAGES:
        response = kcc.get(url)
        assert response.status_code == 403 and "Geen toegang" in response.get_data(as_text=True), url
    assert "alleen voor: medewerker van het wijkteam, beheerder" in kcc.get("/review").get_data(as_text=True)
    anonymous = app.test_client()
    assert anonymous.get("/review").headers["Location"] == "/login?volgende=/review"
    landing = wim.get("/login").get_data(as_text=True)
    assert 'href="/review"' in landing and "nog geen pagina" not in landing


def test_the_list_has_a_table_filters_and_paging_that_keeps_them(convos, wim):
    page = wim.get("/review").get_data(as_text=True)
    assert "<caption" in page and '<th scope="col">Wijk</th>' in page
    assert "41 gesprekken gevonden, pagina 1 van 2" in page and len(rows_of(page)) == 25
    second = wim.get("/review?pagina=2").get_data(as_text=True)
    assert len(rows_of(second)) == 16 and not set(rows_of(page)) & set(rows_of(second))
    filtered = wim.get("/review?kanaal=inwoner&advies=combinatie&onbekend=x").get_data(as_text=True)
    ids = rows_of(filtered)
    assert "gesprek-1" in ids
    for gesprek_id in ids:
        row = transcript(gesprek_id).rij
        assert row.kanaal == "inwoner" and row.advies == "combinatie"
    dated = wim.get("/review?vanaf=2026-06-14&tot=2026-06-14&thema=geldzaken&signaal=indicatie_vaardigheid"
                    "&crisis=nee&review_status=open&wijk=Assendorp").get_data(as_text=True)
    assert rows_of(dated) == ["gesprek-1"]
    many = wim.get("/review?kanaal=inwoner").get_data(as_text=True)
    if "Volgende pagina" in many:
        nxt = re.search(r'rel="next" href="([^"]+)"', many).group(1).replace("&amp;", "&")
        assert "kanaal=inwoner" in nxt and "pagina=2" in nxt


def test_odd_query_parameters_give_a_clear_400_or_an_empty_list(convos, wim):
    for query in ("vanaf=gisteren", "tot=2026-13-45", "vanaf=2026-05-01&tot=2026-04-01", "pagina=abc",
                  "pagina=-1", "pagina=0", "kanaal=fax", "thema=%3Cscript%3E", "crisis=misschien",
                  "tag=Hallo%20wereld", "vanaf=9999-12-31", "tot=0001-01-01"):
        response = wim.get("/review?" + query)
        text = response.get_data(as_text=True)
        assert response.status_code == 400, query
        assert "Dit kan niet" in text and "<script>" not in text, query
    for huge in ("99999", "100000000000000000000000000000"):
        response = wim.get("/review?pagina=" + huge)
        assert response.status_code == 200 and not rows_of(response.get_data(as_text=True))
        assert "Op deze pagina staan geen gesprekken" in response.get_data(as_text=True)
    assert wim.get("/review?wijk=Nergensland").status_code == 400
    assert wim.get("/review/aanmeldingen?status=weg").status_code == 400
    assert wim.get("/review/aanmeldingen?te_laat=soms").status_code == 400
    assert wim.get("/review/rode-draden?vanaf=x").status_code == 400
    assert wim.get("/review/rode-draden?bundel_min=1").status_code == 400
    assert wim.get("/review/rode-draden/bestaatniet.svg").status_code == 404
    assert wim.get("/review/export-nlu?sinds=ooit").status_code == 400
    assert wim.get("/review/gesprek/bestaat-niet").status_code == 404
    assert wim.get("/review?unknown=1&foo=bar").status_code == 200


def test_posts_without_a_csrf_token_are_refused(convos, wim, engine):
    aid = make_aanmelding(engine)
    event_id = transcript("gesprek-1").beurten[0].event_id
    for url, data in ((f"/review/gesprek/gesprek-1/correctie/{event_id}", {"thema": "wonen"}),
                      ("/review/gesprek/gesprek-1/tag", {"tag": "fout_begrepen"}),
                      ("/review/gesprek/gesprek-1/bekeken", {"bekeken": "ja"}),
                      (f"/review/aanmeldingen/{aid}/status", {"naar": "in_behandeling"})):
        response = wim.post(url, data=data)
        assert response.status_code == 400 and "verlopen" in response.get_data(as_text=True), url
    view = transcript("gesprek-1")
    assert view.tags == () and view.bekeken_door is None and view.beurten[0].correcties == ()


def test_the_transcript_shows_cards_marks_and_is_audited_without_content(convos, wim):
    page = wim.get("/review/gesprek/gesprek-1").get_data(as_text=True)
    assert '<mark class="review-bewijs review-bewijs--signaal">wil graag leren</mark>' in page
    assert "zekerheid 90%" in page and "Waarom:" in page and "Combinatie" in page
    assert "Dit gesprek leidde niet tot een aanmelding" in page
    shown = [d for a, d in audits() if a == "review_gesprek_getoond"]
    assert shown and shown[-1]["wie"] == "wim" and "gesprek-1" not in json.dumps(audits())


def test_a_correction_then_the_export_contains_it_tags_and_reviewed(convos, wim):
    view = transcript("gesprek-1")
    beurt = view.beurten[0]
    csrf = token(wim, "/review/gesprek/gesprek-1")
    response = wim.post(f"/review/gesprek/gesprek-1/correctie/{beurt.event_id}",
                        data={"csrf_token": csrf, "thema": "eenzaamheid", "advies": "combinatie",
                              "signalen_getoond": "1", "signaal": ["indicatie_sociaal_contact"]})
    assert response.status_code == 303
    page = wim.get(response.headers["Location"]).get_data(as_text=True)
    assert "Correctie opgeslagen (thema, signalen)" in page
    corrected = transcript("gesprek-1").beurten[0].correcties
    assert [(c.soort, c.juist, c.door) for c in corrected] == [("thema", ("eenzaamheid",), "wim"),
                                                               ("signalen", ("indicatie_sociaal_contact",), "wim")]
    nlu = wim.get("/review/export-nlu")
    assert nlu.headers["Content-Disposition"].startswith("attachment")
    from bot.review.export import export_nlu, export_signals_jsonl
    assert nlu.get_data(as_text=True) == export_nlu()
    assert "- intent: hulpvraag_eenzaamheid" in nlu.get_data(as_text=True)
    assert beurt.tekst.split(",")[0] in nlu.get_data(as_text=True)
    signals = wim.get("/review/export-signalen").get_data(as_text=True)
    assert signals == export_signals_jsonl() and json.loads(signals.splitlines()[0])["erbij"] == [
        "indicatie_sociaal_contact"]
    unchanged = wim.post(f"/review/gesprek/gesprek-1/correctie/{beurt.event_id}",
                         data={"csrf_token": csrf, "thema": beurt.kaart.thema,
                               "advies": beurt.kaart.advies, "signalen_getoond": "1",
                               "signaal": [s.code for s in beurt.kaart.signalen]})
    assert unchanged.status_code == 400 and "U heeft niets veranderd" in unchanged.get_data(as_text=True)
    bad = wim.post(f"/review/gesprek/gesprek-1/correctie/{beurt.event_id}",
                   data={"csrf_token": csrf, "thema": "verzonnen"})
    assert bad.status_code == 400 and "Dat thema kennen we niet" in bad.get_data(as_text=True)
    assert wim.post("/review/gesprek/gesprek-1/correctie/1", data={"csrf_token": csrf}).status_code == 404

    assert wim.post("/review/gesprek/gesprek-1/tag", data={"csrf_token": csrf, "tag": "gemiste_crisis"}).status_code \
        == 303
    assert wim.post("/review/gesprek/gesprek-1/tag", data={"csrf_token": csrf, "vrije_tag": "schulden_en_zorgen"}) \
        .status_code == 303
    assert wim.post("/review/gesprek/gesprek-1/tag", data={"csrf_token": csrf, "vrije_tag": "Mevrouw Jansen"}) \
        .status_code == 400
    wim.post("/review/gesprek/gesprek-1/tag", data={"csrf_token": csrf, "tag": "gemiste_crisis", "actie": "weg"})
    wim.post("/review/gesprek/gesprek-1/bekeken", data={"csrf_token": csrf, "bekeken": "ja"})
    view = transcript("gesprek-1")
    assert view.tags == ("schulden_en_zorgen",) and view.bekeken_door == "wim"
    assert rows_of(wim.get("/review?review_status=bekeken&tag=schulden_en_zorgen").get_data(as_text=True)) == [
        "gesprek-1"]
    done = [(a, d) for a, d in audits() if a.startswith("review_") and a not in ("review_lijst_getoond",
                                                                                  "review_gesprek_getoond")]
    assert [a for a, _ in done] == ["review_correctie", "review_correctie", "review_export", "review_export",
                                    "review_tag", "review_tag", "review_tag_weg", "review_bekeken"]
    assert all(d["wie"] == "wim" for _, d in done)
    assert "schulden" not in json.dumps(audits()) and "gesprek-1" not in json.dumps(audits())


def test_aanmeldingen_status_flow_and_an_invalid_step(engine, wim):
    first, second = make_aanmelding(engine, "g1"), make_aanmelding(engine, "g2", "8031 AB")
    page = wim.get("/review/aanmeldingen").get_data(as_text=True)
    assert page.count('id="aanmelding-') == 2 and "In behandeling nemen" in page
    csrf = token(wim, "/review/aanmeldingen")
    response = wim.post(f"/review/aanmeldingen/{first}/status",
                        data={"csrf_token": csrf, "naar": "in_behandeling", "status": "nieuw"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/review/aanmeldingen?status=nieuw")
    assert "van &#39;Nieuw&#39; naar &#39;In behandeling&#39;" in wim.get(response.headers["Location"]).get_data(
        as_text=True)
    wrong = wim.post(f"/review/aanmeldingen/{second}/status", data={"csrf_token": csrf, "naar": "afgesloten"})
    text = wrong.get_data(as_text=True)
    assert wrong.status_code == 409 and "Deze stap kan niet: van &#39;Nieuw&#39; naar &#39;Afgesloten&#39;" in text
    nobody = wim.post(f"/review/aanmeldingen/{first}/status", data={"csrf_token": csrf, "naar": "toegewezen"})
    assert nobody.status_code == 409 and "Vul bij &#39;Toewijzen aan&#39;" in nobody.get_data(as_text=True)
    odd = wim.post(f"/review/aanmeldingen/{first}/status",
                   data={"csrf_token": csrf, "naar": "toegewezen", "aan": "Team met spaties!"})
    assert odd.status_code == 409
    assert wim.post("/review/aanmeldingen/9999/status", data={"csrf_token": csrf, "naar": "afgesloten"}) \
        .status_code == 409
    assert wim.post(f"/review/aanmeldingen/{first}/status", data={"csrf_token": csrf, "naar": "toegewezen",
                                                                   "aan": "team_assendorp"}).status_code == 303
    page = wim.get("/review/aanmeldingen?status=toegewezen").get_data(as_text=True)
    assert page.count('id="aanmelding-') == 1 and "team_assendorp" in page
    assert wim.get("/review/aanmeldingen?wijk=Holtenbroek").get_data(as_text=True).count('id="aanmelding-') == 1
    assert wim.get("/review/aanmeldingen?te_laat=ja").get_data(as_text=True).count('id="aanmelding-') == 0
    steps = [d for a, d in audits() if a == "aanmelding_status"]
    assert [d["naar"] for d in steps] == ["in_behandeling", "toegewezen"] and all(d["wie"] == "wim" for d in steps)


def _db_theme_counts(engine):
    """Hulpvragen per theme straight from the stored events (not the index)."""
    last = {}  # per conversation its last triage card counts (as the index folds it)
    with engine.connect() as conn:
        for sender, data in conn.execute(select(EVENTS.c.sender_id, EVENTS.c.data).order_by(EVENTS.c.id)):
            event = json.loads(data)
            if event.get("event") == "slot" and event.get("name") == "triage" and event.get("value"):
                last[sender] = {t["thema"] for t in event["value"].get("themas") or [] if t.get("thema")}
    return Counter(thema for themes in last.values() for thema in themes)


def test_rode_draden_tables_equal_counts_from_the_database(convos, wim, engine, app):
    for n in range(3):
        make_aanmelding(engine, f"geld-{n}", "8012 AB")
    page = wim.get("/review/rode-draden").get_data(as_text=True)
    assert page.count("<caption") == 4 and page.count('<img src="/review/rode-draden/') >= 3
    assert "3 inwoners in Assendorp vroegen dit kwartaal naar geld en schulden" in page
    assert "Gat in het aanbod" in page  # no sociale kaart loaded here
    table = page[page.index('id="tabel-themas"'):]
    table = table[:table.index("</table>")]
    shown = Counter()
    from bot.taxonomy import taxonomy
    labels = {t.label: code for code, t in taxonomy().themes.items()}
    for label, aantal in re.findall(r"<td>([^<]+)</td><td>(\d+)</td></tr>", table):
        shown[labels[label]] += int(aantal)
    assert shown == _db_theme_counts(engine)
    csv = wim.get("/review/rode-draden/themas.csv").get_data(as_text=True)
    assert csv.splitlines()[0] == "wijk,maand,thema,aantal"
    assert sum(int(line.rsplit(",", 1)[1]) for line in csv.splitlines()[1:]) == sum(shown.values())
    svg = wim.get("/review/rode-draden/collectief.svg")
    assert svg.mimetype == "image/svg+xml" and "<title>" in svg.get_data(as_text=True)
