"""Helpers for the KCC console in the browser: accounts made with the CLI, login, the keyboard."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import List

from bot import paths
from tests.browser.conftest import AXE
from tests.browser.keyboard import shift_tab_to

PASSWORD = "paard-batterij-nietje"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def add_user(database_url: str, naam: str, rol: str) -> None:
    """``python -m bot gebruiker toevoegen``, the password on stdin, as a gemeente does it."""
    done = subprocess.run([sys.executable, "-m", "bot", "gebruiker", "toevoegen", naam, "--rol", rol],
                          input=PASSWORD + "\n", text=True, capture_output=True, cwd=paths.ROOT,
                          env=dict(os.environ, DATABASE_URL=database_url))
    assert done.returncode == 0 or "bestaat al" in done.stderr, done.stderr


def log_in(page, base: str, naam: str, password: str = PASSWORD, path: str = "/login") -> None:
    """Fill the login form with the keyboard alone."""
    page.goto(base + path)
    page.locator("#naam").focus()
    page.keyboard.type(naam)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def transcript(page) -> List[str]:
    return page.locator(".kcc-regel").all_inner_texts()


def wait_for_assistant(page, fragment: str, timeout: float = 60_000) -> None:
    page.wait_for_function(
        "f => [...document.querySelectorAll('.kcc-regel--assistent')].some(e => e.textContent.includes(f))",
        arg=fragment, timeout=timeout)


def say(page, text: str) -> int:
    """Type into the console's input (focused) and press Enter; wait until the answer is shown."""
    before = page.locator(".kcc-regel--assistent").count()
    assert page.evaluate("document.activeElement.id") == "kcc-invoer"
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('.kcc-regel--assistent').length > n", arg=before,
                           timeout=60_000)
    return before


def press_reply(page, title: str) -> None:
    """Reach a quick reply from the input with Shift+Tab and press Enter."""
    page.wait_for_selector(f".kcc-knop:text-is('{title}')")
    before = page.locator(".kcc-regel--assistent").count()
    shift_tab_to(page, "kcc-knop", title, tries=8)
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('.kcc-regel--assistent').length > n", arg=before,
                           timeout=60_000)


def axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async tags => {
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.map(n => n.target.join(' ')) }));
    }""", AXE_TAGS)
