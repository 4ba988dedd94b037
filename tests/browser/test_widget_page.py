"""The demo page and the widget in the browser: accessibility, CSP, focus, screenshots, speed."""

from __future__ import annotations

import json
import statistics

import pytest

from tests.browser.conftest import AXE, RESULTS
from tests.browser.widget import open_widget, tab_to, wait_for_bot

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

WIDTHS = (320, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async tags => {
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.map(n => n.target.join(' ')) }));
    }""", AXE_TAGS)


def test_axe_finds_no_serious_or_critical_violation_open_and_closed_at_320_and_1280(new_page, live):
    RESULTS.mkdir(exist_ok=True)
    summary = {}
    for width in WIDTHS:
        page = new_page(width=width, bypass_csp=True)  # axe is injected as an inline script
        page.goto(live.url)
        page.wait_for_selector(".wt-launcher")
        summary[f"{width}-closed"] = _axe(page)
        page.screenshot(path=str(RESULTS / f"widget-{width}-closed.png"))
        page.locator(".wt-launcher").click()
        wait_for_bot(page, 3)
        summary[f"{width}-open"] = _axe(page)
        page.screenshot(path=str(RESULTS / f"widget-{width}-open.png"))
    (RESULTS / "axe-summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    serious = {state: [v for v in violations if v["impact"] in ("serious", "critical")]
               for state, violations in summary.items()}
    assert all(not found for found in serious.values()), serious


def test_no_csp_violation_while_the_widget_loads_and_talks(new_page, live):
    page = new_page()
    page.add_init_script("""window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));""")
    open_widget(page, live.url)
    wait_for_bot(page, 3)
    assert page.evaluate("window.__cspViolations") == []


def test_privacy_text_emergency_line_and_human_route_are_there_before_the_first_message(new_page, live):
    page = new_page(width=320)
    page.goto(live.url)
    tab_to(page, ".wt-launcher")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.wt-log').firstElementChild.className") == "wt-privacy"
    privacy = page.locator(".wt-privacy")
    assert "We bewaren het gesprek 28 dagen" in privacy.inner_text()
    assert privacy.locator("a").get_attribute("href").startswith("https://")
    nood = page.locator(".wt-nood")
    assert nood.is_visible()
    for number in ("112", "113", "0800-2000"):
        assert number in nood.inner_text()
    assert nood.locator("a[href='tel:08002000']").count() == 1
    assert page.locator(".wt-human").is_visible()
    log = page.locator(".wt-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    assert page.locator("label[for='wt-input']").is_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"


def test_focus_moves_into_the_widget_and_back_with_escape(new_page, live):
    page = new_page()
    open_widget(page, live.url)
    launcher = page.locator(".wt-launcher")
    page.keyboard.press("Escape")
    assert page.locator("#wt-panel").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('wt-launcher')")
    assert launcher.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wt-input"
    assert page.locator(".wt-launcher").get_attribute("aria-expanded") == "true"
    tab_to(page, ".wt-close", key="Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('wt-launcher')")


def test_usable_at_200_percent_zoom(new_page, live):
    page = new_page(width=640, height=400)  # 1280 x 800 at 200 %
    open_widget(page, live.url)
    wait_for_bot(page, 3)
    for selector in ("#wt-input", ".wt-send", ".wt-human", ".wt-nood", ".wt-close"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 640, selector


def test_reduced_motion_stops_the_typing_animation(new_page, live):
    page = new_page()
    page.emulate_media(reduced_motion="reduce")
    page.goto(live.url)
    page.wait_for_selector(".wt-launcher")
    assert page.evaluate("getComputedStyle(document.querySelector('.wt-dots'), '::before').animationName") == "none"


def test_time_from_page_load_to_the_first_bot_message(new_page, live):
    times = []
    for _ in range(5):
        page = new_page()
        page.goto(live.url)
        page.locator(".wt-launcher").focus()
        page.keyboard.press("Enter")
        wait_for_bot(page, 1)
        times.append(page.evaluate("performance.now()"))
        page.context.close()
    median = statistics.median(times)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "widget-timing.json").write_text(json.dumps(
        {"what": "page load (navigation start) to the first bot message, widget opened at once",
         "runs_ms": [round(t) for t in times], "median_ms": round(median)}, indent=2), encoding="utf-8")
    print(f"\ntime to the first bot message: median {median:.0f} ms of {[round(t) for t in times]}")
    assert median < 10_000


def test_on_a_small_screen_tab_stays_in_the_open_chat(new_page, live):
    page = new_page(width=320)
    open_widget(page, live.url)
    wait_for_bot(page, 3)
    reached = set()
    for _ in range(20):  # more presses than the chat has controls: Tab goes round
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement;
            return e === document.body ? 'browser' : e.closest('.wt-chat') ? e.className || e.id : 'PAGE ' + e.outerHTML; }""")
        assert not where.startswith("PAGE"), f"focus went to the covered page: {where}"
        reached.add(where)
    assert {"wt-input utrecht-textarea", "wt-close utrecht-button utrecht-button--secondary-action"} <= reached
    page.keyboard.press("Escape")
    assert page.evaluate("document.querySelectorAll('[inert]').length") == 0
    tab_to(page, ".utrecht-skip-link", key="Shift+Tab")
