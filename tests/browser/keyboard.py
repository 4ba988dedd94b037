"""Keyboard-only moves shared by the browser tests of the widget and the KCC console."""

from __future__ import annotations


def shift_tab_to(page, css_class: str, title: str, tries: int = 10) -> None:
    """Move focus backwards from the input with Shift+Tab until the button ``title`` of ``css_class`` has it."""
    for _ in range(tries):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("([c, t]) => document.activeElement.classList.contains(c) && "
                         "document.activeElement.textContent === t", [css_class, title]):
            return
    raise AssertionError(f"quick reply {title!r} not reached with Shift+Tab")
