"""Keyboard-only helpers that drive the chat widget like a person does."""

from __future__ import annotations

from typing import List

from tests.browser.keyboard import shift_tab_to

BOT = ".wt-msg--bot"
USER = ".wt-msg--user"


def tab_to(page, selector: str, key: str = "Tab", limit: int = 25) -> None:
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {key} in {limit} presses")


def open_widget(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".wt-launcher")
    tab_to(page, ".wt-launcher")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wt-input"


def bot_texts(page) -> List[str]:
    return page.locator(f"{BOT} .wt-text").all_inner_texts()


def wait_for_bot(page, count: int, timeout: float = 30_000) -> List[str]:
    """Wait until at least ``count`` bot messages are shown; return all their texts."""
    page.wait_for_function("n => document.querySelectorAll('.wt-msg--bot').length >= n", arg=count,
                           timeout=timeout)
    return bot_texts(page)


def wait_for_text(page, fragment: str, timeout: float = 30_000) -> List[str]:
    page.wait_for_function(
        "f => [...document.querySelectorAll('.wt-msg--bot .wt-text')].some(e => e.textContent.includes(f))",
        arg=fragment, timeout=timeout)
    return bot_texts(page)


def say(page, text: str) -> int:
    """Type ``text`` into the focused input and press Enter; return the bot count before it."""
    before = page.locator(BOT).count()
    assert page.evaluate("document.activeElement.id") == "wt-input"
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return before


def choose(page, title: str) -> int:
    """Reach a quick reply from the input with Shift+Tab and press Enter."""
    before = page.locator(BOT).count()
    shift_tab_to(page, "wt-reply", title)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wt-input", "focus goes back to the input"
    return before


def session_id(page) -> str:
    return page.evaluate("JSON.parse(sessionStorage.getItem('wijkteam-chat')).sessionId")
