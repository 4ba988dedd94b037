"""The KCC console against the real servers: login, roles, CSRF, timeout, a caller from story to aanmelding."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from bot import paths
from bot.bench.servers import free_port, http_raw
from tests.browser.conftest import RESULTS
from tests.browser.kcc import add_user, axe, log_in, press_reply, say, wait_for_assistant

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

STORY = "Mevrouw belt. Haar man slaat haar en ze is bang thuis."


@pytest.fixture(scope="module")
def users(live):
    for naam, rol in (("kees", "kcc"), ("wanda", "wijkteam"), ("tessa", "kcc"), ("timo", "kcc")):
        add_user(live.servers.database_url, naam, rol)
    return live


def test_login_page_is_accessible_and_a_wrong_password_gets_a_dutch_message(new_page, users):
    page = new_page(bypass_csp=True)
    page.goto(users.url + "/kcc")
    assert page.url.endswith("/login?volgende=/kcc")
    assert axe(page) == []
    log_in(page, users.url, "kees", "dit-is-niet-goed", path="/login?volgende=/kcc")
    assert "Gebruikersnaam of wachtwoord klopt niet" in page.locator("#login-melding").inner_text()
    assert axe(page) == []


def test_failed_logins_are_throttled(new_page, users):
    page = new_page()
    for _ in range(5):
        log_in(page, users.url, "tessa", "fout-wachtwoord-123")
    log_in(page, users.url, "tessa")
    assert "Te veel mislukte pogingen. Wacht 15 minuten" in page.locator("#login-melding").inner_text()
    assert "/kcc" not in page.url


def test_a_post_without_csrf_token_is_refused(new_page, users):
    page = new_page()
    log_in(page, users.url, "kees")
    page.wait_for_selector("#kcc-invoer")
    response = page.request.post(users.url + "/kcc/bericht", data=json.dumps({"tekst": "Mevrouw belt."}),
                                 headers={"Content-Type": "application/json"})
    assert response.status == 400 and "verlopen" in response.json()["fout"]
    status, _ = http_raw(users.url + "/kcc/bericht", b'{"tekst": "x"}')  # no session, no token
    assert status == 400


def test_a_wijkteam_user_gets_403_on_the_console(new_page, users):
    page = new_page()
    log_in(page, users.url, "wanda", path="/login?volgende=/kcc")
    assert page.locator("h1").inner_text() == "Geen toegang"
    assert "alleen voor: KCC-medewerker" in page.locator("#fout-uitleg").inner_text()
    assert page.request.get(users.url + "/kcc").status == 403


def test_a_caller_from_violence_at_home_to_aanmelding(new_page, users):
    RESULTS.mkdir(exist_ok=True)
    page = new_page(width=1280, height=900, bypass_csp=True)
    log_in(page, users.url, "kees")
    assert page.url.endswith("/kcc")
    wait_for_assistant(page, "Wat is de vraag van de inwoner?")
    first_conversation = page.locator("#kcc").get_attribute("data-gesprek")
    say(page, STORY)
    banner = page.locator("#kcc-crisis")
    banner.wait_for(state="visible")
    assert "Veilig Thuis" in banner.inner_text() and "0800-2000" in banner.inner_text()
    assert "112" in banner.inner_text() and "113" in banner.inner_text()
    marks = page.locator(".kcc-regel--medewerker mark.kcc-bewijs").all_inner_texts()
    assert "slaat haar" in [m.lower() for m in marks], marks
    assert "Veiligheid thuis" in page.locator("#kcc-themas").inner_text()
    assert "zekerheid" in page.locator("#kcc-themas").inner_text()
    assert "eerst individueel" in page.locator("#kcc-advies").inner_text()
    assert page.locator("#kcc-suggestie").inner_text().endswith("?")
    # answer the question actually asked (the assistant may skip one it no longer needs)
    for keyword, answer in (("voor wie", "de inwoner zelf"), ("sinds wanneer", "al een jaar"), ("geprobeerd", "niets")):
        if keyword in page.locator("#kcc-suggestie").inner_text().lower():
            say(page, answer)
    press_reply(page, "Ja")
    press_reply(page, "Akkoord")
    page.wait_for_selector("#kcc-referentie-blok:not([hidden])")
    reference = page.locator("#kcc-referentie").inner_text()
    assert re.fullmatch(r"WT-[A-Z0-9]{4}-[A-Z0-9]{2}", reference), reference
    assert page.locator("#kcc-kopieer-ref").is_visible()
    violations = axe(page)
    page.screenshot(path=str(RESULTS / "kcc-console-1280.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=str(RESULTS / "kcc-console-320.png"), full_page=True)
    violations += axe(page)
    assert violations == [], violations
    page.locator("#kcc-samenvatting").click()
    page.wait_for_function("document.getElementById('kcc-samenvatting-tekst').value.includes('WT-')")
    summary = page.locator("#kcc-samenvatting-tekst").input_value()
    assert reference in summary and "slaat haar" in summary.lower() and "Veilig Thuis" in summary
    page.locator("#kcc-volgende").click()
    # the old transcript holds the same question: wait for the new conversation first
    page.wait_for_function("g => document.getElementById('kcc').dataset.gesprek !== g", arg=first_conversation)
    wait_for_assistant(page, "Wat is de vraag van de inwoner?")
    assert page.locator(".kcc-regel--medewerker").count() == 0
    assert page.locator("#kcc-referentie-blok").is_hidden() and page.locator("#kcc-crisis").is_hidden()
    assert page.locator("#kcc").get_attribute("data-gesprek") != first_conversation


def test_an_idle_session_ends(new_page, users, tmp_path):
    """A second web app on the same servers with an idle timeout of 3 seconds."""
    port = free_port()
    env = dict(os.environ, DATABASE_URL=users.servers.database_url, WEB_PORT=str(port),
               RASA_PORT=users.servers.rasa_url.rsplit(":", 1)[1], SESSIE_INACTIEF_MINUTEN="0.05",
               **users.servers.secrets)
    web = subprocess.Popen([sys.executable, "-m", "web"], cwd=paths.ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=(tmp_path / "web.log").open("w"))
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            if _ready(base):
                break
            time.sleep(0.2)
        page = new_page()
        log_in(page, base, "timo")
        page.wait_for_selector("#kcc-invoer")
        time.sleep(4)
        page.reload()
        assert "/login" in page.url
        assert "te lang niet actief" in page.locator("#login-melding").inner_text()
    finally:
        web.terminate()
        web.wait(timeout=10)


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/login", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
