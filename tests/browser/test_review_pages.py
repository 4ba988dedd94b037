"""The wijkteam's review pages in the browser, against the real servers: keyboard, axe-core, screenshots.

Data is seeded the way the core offers it: synthetic conversations stored as the
tracker store does (``bot.review.synthetic``) and aanmeldingen through
``bot.aanmelding.service``, in the servers' own database.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.aanmelding import service
from bot.review import synthetic
from bot.review.index import EVENTS
from bot.store import db
from tests.browser.conftest import RESULTS
from tests.browser.kcc import add_user, axe, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

KNOWN = "review-bekend-1"
TRIAGE = {"themas": [{"thema": "geldzaken", "zekerheid": 0.9}], "signalen": [], "advies": "combinatie"}


@pytest.fixture(scope="module")
def seeded(live):
    for naam, rol in (("rita", "wijkteam"), ("karel", "kcc")):
        add_user(live.servers.database_url, naam, rol)
    engine = db.make_engine(live.servers.database_url)
    rng = random.Random(16)
    start = datetime.now(timezone.utc) - timedelta(days=150)
    for n in range(40):
        spec = synthetic.random_spec(rng, n, start, days=140)
        synthetic.store(engine, spec.gesprek_id, synthetic.events_of(spec))
    spec = synthetic.Spec(gesprek_id=KNOWN, begin=start + timedelta(days=145), kanaal="inwoner", pc4="8012",
                          themas=("geldzaken",), signalen=("indicatie_vaardigheid",), advies="combinatie")
    synthetic.store(engine, KNOWN, synthetic.events_of(spec))
    references = []
    for n in range(4):  # one of them goes through the status flow, three stay open for bundelen
        gesprek = KNOWN if n == 0 else f"aanmelding-{n}"
        ref = service.start(gesprek_id=gesprek, rol="inwoner", triage=TRIAGE, hulpvraag="schulden", engine=engine)
        service.set_contact(ref, gesprek, "postcode", "8012 AB", engine=engine)
        references.append(service.confirm(ref, gesprek, engine=engine)["referentie"])
    yield live, engine, references
    engine.dispose()


def tab_to(page, script: str, arg=None, limit: int = 80) -> None:
    """Press Tab until ``script`` (a JS predicate on document.activeElement, `e`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"([arg]) => {{ const e = document.activeElement; return !!({script}); }}", [arg]):
            return
    raise AssertionError(f"not reached with Tab: {script} {arg!r}")


def csp_errors(page) -> list:
    errors: list = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


def check_widths_and_axe(page, name: str) -> list:
    RESULTS.mkdir(exist_ok=True)
    violations = [v for v in axe(page) if v["impact"] in ("serious", "critical")]
    if name:
        page.screenshot(path=str(RESULTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    violations += [v for v in axe(page) if v["impact"] in ("serious", "critical")]
    if name:
        page.screenshot(path=str(RESULTS / f"{name}-320.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    return violations


def test_the_list_with_the_keyboard_filters_paging_axe_and_screenshots(new_page, seeded):
    live, _, _ = seeded
    page = new_page(bypass_csp=True)  # axe-core is injected as an inline script
    log_in(page, live.url, "rita")
    assert page.url.endswith("/review")
    assert page.locator("#gesprekken caption").is_visible()
    assert page.locator("#gesprekken tbody tr").count() == 25
    page.locator("#f-kanaal").focus()
    page.keyboard.type("KCC")
    tab_to(page, "e.textContent.trim() === 'Filteren'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kanaal=kcc" in page.url
    kanalen = page.locator("#gesprekken tbody td:nth-child(2)").all_inner_texts()
    assert kanalen and set(kanalen) == {"KCC"}
    page.goto(live.url + "/review")
    tab_to(page, "e.textContent.trim() === 'Volgende pagina'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "pagina=2" in page.url and "pagina 2 van 2" in page.locator("#aantal").inner_text()
    page.goto(live.url + "/review")
    assert page.locator("#gesprekken tbody tr").count() == 25
    violations = check_widths_and_axe(page, "review-lijst")
    assert violations == [], violations


def test_a_transcript_a_correction_and_its_export(new_page, seeded):
    live, _, _ = seeded
    page = new_page(bypass_csp=True)
    log_in(page, live.url, "rita")
    page.goto(live.url + "/review?wijk=Assendorp&thema=geldzaken&signaal=indicatie_vaardigheid")
    tab_to(page, "e.getAttribute('href') === arg", f"/review/gesprek/{KNOWN}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/review/gesprek/{KNOWN}")
    marks = page.locator(".review-regel--inwoner mark.review-bewijs").all_inner_texts()
    assert "wil graag leren" in marks
    card = page.locator(".review-kaart").first.inner_text()
    assert "Geld en schulden (zekerheid 90%)" in card and "Combinatie" in card
    assert "WT-" in page.locator("#aanmelding-titel + dl").inner_text()
    violations = check_widths_and_axe(page, "")
    tab_to(page, "e.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "thema"
    page.keyboard.type("Eenzaamheid")
    tab_to(page, "e.textContent.trim() === 'Correctie opslaan'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Correctie opgeslagen (thema)" in page.locator("#melding").inner_text()
    assert "Eenzaamheid en sociaal contact" in page.locator(".review-correcties").inner_text()
    export = page.request.get(live.url + "/review/export-nlu")
    assert export.ok and "- intent: hulpvraag_eenzaamheid" in export.text()
    assert "Ik heb schulden en ik wil graag leren budgetteren" in export.text()
    tab_to(page, "e.textContent.trim() === '+ Fout begrepen'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Fout begrepen" in page.locator("#tags").inner_text()
    page.locator("#markeer-bekeken").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bekeken door rita" in page.locator("#review-status-tekst").inner_text()
    violations += check_widths_and_axe(page, "")
    assert violations == [], violations


def test_the_status_flow_with_the_keyboard(new_page, seeded):
    live, _, references = seeded
    page = new_page(bypass_csp=True)
    log_in(page, live.url, "rita")
    page.goto(live.url + "/review/aanmeldingen")
    ref = references[1]
    assert page.locator("#aanmeldingen tbody tr").count() == 4

    def press(text: str) -> None:
        tab_to(page, "e.textContent.trim() === arg", f"{text} {ref}")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    press("In behandeling nemen")
    assert "naar 'In behandeling'" in page.locator("#melding").inner_text()
    tab_to(page, "e.name === 'aan' && e.closest('tr').querySelector('th').textContent === arg", ref)
    page.keyboard.type("team_assendorp")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "naar 'Toegewezen'" in page.locator("#melding").inner_text()
    row = page.locator("#aanmeldingen tbody tr", has_text=ref)
    assert "team_assendorp" in row.inner_text()
    press("Afsluiten")
    assert "Afgesloten" in page.locator("#aanmeldingen tbody tr", has_text=ref).inner_text()
    csrf = page.locator('meta[name="csrf-token"]').get_attribute("content")
    aanmelding_id = page.locator("#aanmeldingen tbody tr", has_text=ref).get_attribute("id").split("-")[1]
    refused = page.request.post(live.url + f"/review/aanmeldingen/{aanmelding_id}/status",
                                form={"csrf_token": csrf, "naar": "in_behandeling"})
    assert refused.status == 409 and "Deze stap kan niet" in refused.text()
    assert page.request.post(live.url + f"/review/aanmeldingen/{aanmelding_id}/status",
                             form={"naar": "afgesloten"}).status == 400  # no CSRF token
    violations = check_widths_and_axe(page, "")
    assert violations == [], violations


def test_the_rode_draden_page(new_page, seeded):
    live, engine, _ = seeded
    strict = new_page()  # the page's own CSP: the SVG images load and nothing is refused
    errors = csp_errors(strict)
    log_in(strict, live.url, "rita")
    strict.goto(live.url + "/review/rode-draden")
    assert strict.locator(".review-grafiek img").count() == 4
    strict.wait_for_function("[...document.querySelectorAll('.review-grafiek img')].every(i => i.complete && "
                             "i.naturalWidth > 0)")
    assert errors == [], errors
    page = new_page(bypass_csp=True)
    log_in(page, live.url, "rita")
    page.goto(live.url + "/review/rode-draden")
    page.wait_for_function("[...document.querySelectorAll('.review-grafiek img')].every(i => i.complete)")
    last = {}  # per conversation its last triage card counts (as the index folds it)
    with engine.connect() as conn:
        for sender, data in conn.execute(select(EVENTS.c.sender_id, EVENTS.c.data).order_by(EVENTS.c.id)):
            event = json.loads(data)
            if event.get("event") == "slot" and event.get("name") == "triage" and event.get("value"):
                last[sender] = {t["thema"] for t in event["value"].get("themas") or [] if t.get("thema")}
    counts = Counter(all=sum(len(themes) for themes in last.values()))
    cells = page.locator("#tabel-themas tbody td:last-child").all_inner_texts()
    assert sum(int(c) for c in cells) == counts["all"]
    csv = page.request.get(live.url + "/review/rode-draden/themas.csv")
    assert csv.ok and sum(int(line.rsplit(",", 1)[1]) for line in csv.text().splitlines()[1:]) == counts["all"]
    assert "inwoners in Assendorp vroegen dit kwartaal naar geld en schulden" in page.locator("#bundelen").inner_text()
    page.locator("#f-vanaf").focus()
    tab_to(page, "e.textContent.trim() === 'Tonen'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    violations = check_widths_and_axe(page, "review-rode-draden")
    assert violations == [], violations


def test_a_kcc_user_gets_the_dutch_403(new_page, seeded):
    live, _, _ = seeded
    page = new_page()
    log_in(page, live.url, "karel", path="/login?volgende=/review")
    assert page.locator("h1").inner_text() == "Geen toegang"
    assert "medewerker van het wijkteam" in page.locator("#fout-uitleg").inner_text()
