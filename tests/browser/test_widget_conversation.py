"""The widget against the real servers, with the keyboard alone."""

from __future__ import annotations

import pytest

from bot.bench.servers import http_json
from tests.browser.widget import BOT, USER, bot_texts, choose, open_widget, say, session_id, wait_for_bot, wait_for_text

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

STORY = "Ik ben net verhuisd en ik voel me eenzaam. Ik ken hier niemand."


def _greeted(page) -> None:
    wait_for_text(page, "Wilt u verder?")


def test_crisis_message_gets_113_in_the_first_answer(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    before = say(page, "Ik wil niet meer leven")
    first_answer = wait_for_bot(page, before + 1)[before]
    assert "113" in first_answer and "0800-0113" in first_answer
    assert page.evaluate("document.activeElement.id") == "wt-input"


def test_lonely_newcomer_uses_quick_replies_with_the_keyboard_and_gets_offers(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    choose(page, "Ja, graag")
    wait_for_text(page, "Vertel in uw eigen woorden")
    say(page, STORY)
    wait_for_text(page, "Hoe lang speelt dit al?")
    say(page, "Al een paar maanden")
    wait_for_text(page, "Wat heeft u zelf al geprobeerd?")
    say(page, "Nog niets")
    wait_for_text(page, "groep of activiteit in de buurt")
    choose(page, "Ja, vertel maar")
    wait_for_text(page, "Wat is uw postcode?")
    say(page, "overslaan")
    texts = wait_for_text(page, "Wilt u dat ik een aanmelding maak")
    offers = [t for t in texts if t.startswith("•")]
    assert offers, texts
    assert any("Kosten:" in t and "Zo doet u mee:" in t for t in offers)
    assert page.locator(".wt-reply").all_inner_texts() == ["Ja, graag", "Nee, nu niet"]


def test_a_reload_mid_conversation_continues_it(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    choose(page, "Ja, graag")
    say(page, STORY)
    wait_for_text(page, "Hoe lang speelt dit al?")
    sid, shown = session_id(page), page.locator(".wt-msg").count()
    page.reload()
    page.wait_for_selector("#wt-panel:not([hidden])")
    assert session_id(page) == sid
    assert page.locator(".wt-msg").count() == shown
    page.locator("#wt-input").focus()
    before = say(page, "Al een paar maanden")
    texts = wait_for_bot(page, before + 1)
    assert "Wat heeft u zelf al geprobeerd?" in texts[before]
    assert sum("Hallo!" in t for t in texts) == 1, "no second welcome: the same conversation goes on"


def test_a_dropped_connection_reconnects_and_sends_a_queued_message_once(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    sid = session_id(page)
    live.relay.cut()
    try:
        page.wait_for_selector(".wt-status:text('Verbinding weg, opnieuw verbinden')")
        say(page, STORY)
        page.wait_for_selector(".wt-queued")
        page.wait_for_timeout(1500)
    finally:
        live.relay.restore()
    page.wait_for_selector(".wt-status:text('Verbinding weg')", state="hidden", timeout=20_000)
    wait_for_text(page, "Eenzaamheid")
    assert page.locator(".wt-queued").count() == 0
    tracker = http_json(f"{live.servers.rasa_url}/conversations/{sid}/tracker?token={live.servers.token}")
    sent = [e for e in tracker["events"] if e["event"] == "user" and e.get("text") == STORY]
    assert len(sent) == 1


def test_html_and_script_are_shown_as_text(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    attack = '<img src=x onerror="window.__wtXss=1"><script>window.__wtXss=2</script><b>vet</b>'
    before = say(page, attack)
    wait_for_bot(page, before + 1)
    assert page.locator(f"{USER} .wt-text").last.inner_text() == attack
    assert page.locator(".wt-log img, .wt-log script, .wt-log b").count() == 0
    assert page.evaluate("window.__wtXss") is None


def test_links_are_clickable_only_when_safe(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    hrefs = page.evaluate("""async () => {
        const { renderText, safeHref } = await import('/widget/static/render.js');
        const p = document.createElement('p');
        p.append(renderText('Kijk op https://www.zwolle.nl/zorg of bel 0800-2000. javascript:alert(1)', 'nieuw'));
        return { links: [...p.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.rel]),
                 js: safeHref('javascript:alert(1)'), data: safeHref('data:text/html,x') };
    }""")
    assert hrefs["links"] == [["https://www.zwolle.nl/zorg", "noopener noreferrer"], ["tel:08002000", ""]]
    assert hrefs["js"] is None and hrefs["data"] is None


def test_liever_een_mens_gives_the_phone_route(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    before = page.locator(BOT).count()
    page.locator(".wt-human").focus()
    page.keyboard.press("Enter")
    texts = wait_for_bot(page, before + 1)
    assert "14 038" in texts[before]
    assert page.locator(f"{USER} .wt-text").last.inner_text() == "Ik wil liever een mens spreken."


def test_gesprek_wissen_starts_a_new_session(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    _greeted(page)
    choose(page, "Ja, graag")
    wait_for_text(page, "Vertel in uw eigen woorden")
    old = session_id(page)
    page.locator(".wt-clear").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wt-input"
    page.wait_for_selector(".wt-note")
    assert session_id(page) != old
    assert page.locator(USER).count() == 0
    _greeted(page)
    assert len([t for t in bot_texts(page) if "Hallo!" in t]) == 1
