"""The gemeente's look for the chat widget: colours and logo, checked for contrast.

WCAG 2.1 AA asks a contrast of at least 4.5 : 1 for normal text; the widget
puts ``kleur_tekst`` on ``kleur`` (header, buttons), so a gemeente cannot set
a pair that fails it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Huisstijl:
    kleur: str = "#00537a"        # header and buttons
    kleur_tekst: str = "#ffffff"  # text on ``kleur``
    logo: str = ""                # file under data/ (svg or png); empty: the name only


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def huisstijl_problems(stijl: Huisstijl) -> list[str]:
    """What is wrong with the colours and logo, in words; empty when all is well."""
    problems = [f"{name} '{value}' is not a #rrggbb colour"
                for name, value in (("kleur", stijl.kleur), ("kleur_tekst", stijl.kleur_tekst))
                if not HEX_COLOUR.match(value)]
    if not problems and contrast_ratio(stijl.kleur, stijl.kleur_tekst) < MIN_CONTRAST:
        problems.append(f"kleur_tekst on kleur has contrast {contrast_ratio(stijl.kleur, stijl.kleur_tekst):.2f}, "
                        f"WCAG AA needs {MIN_CONTRAST}")
    if stijl.logo and (stijl.logo.startswith("/") or ".." in stijl.logo
                       or not stijl.logo.lower().endswith((".svg", ".png"))):
        problems.append(f"logo '{stijl.logo}' must be an .svg or .png file inside data/")
    return problems
