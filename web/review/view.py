"""Presentation helpers for the review templates: labels, dates, marked text. No domain logic."""

from __future__ import annotations

from datetime import datetime
from typing import List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

from bot.review.bureaudienst import OVERGANGEN
from bot.review.transcript import Fragment
from bot.taxonomy import taxonomy

TZ = ZoneInfo("Europe/Amsterdam")
STATUS_LABELS = {"nieuw": "Nieuw", "in_behandeling": "In behandeling", "toegewezen": "Toegewezen",
                 "afgesloten": "Afgesloten", "afgerond": "Afgesloten", "concept": "Concept"}
STAP_KNOPPEN = {"in_behandeling": "In behandeling nemen", "toegewezen": "Toewijzen", "afgesloten": "Afsluiten"}
FEEDBACK_LABELS = {"goed": "Goed", "matig": "Matig", "niet_goed": "Niet goed"}
TAG_LABELS = {"fout_begrepen": "Fout begrepen", "gemiste_crisis": "Gemiste crisis", "goed_voorbeeld": "Goed voorbeeld"}
ADVIES_LABELS = {"crisis": "Crisis: eerst veiligheid", "eerst_individueel": "Eerst individueel",
                 "collectief_mogelijk": "Collectief mogelijk", "combinatie": "Combinatie",
                 "verheldering_nodig": "Verheldering nodig"}


def thema_label(code: Optional[str]) -> str:
    if not code:
        return "-"
    theme = taxonomy().themes.get(code)
    return theme.label if theme else code


def signaal_label(code: Optional[str]) -> str:
    if not code:
        return "-"
    signal = taxonomy().signals.get(code)
    return signal.label if signal else code


def advies_label(code: Optional[str]) -> str:
    return ADVIES_LABELS.get(code or "", code or "-")


def status_label(code: Optional[str]) -> str:
    return STATUS_LABELS.get(code or "", code or "-")


def tag_label(code: str) -> str:
    return TAG_LABELS.get(code, code)


def moment(value: Optional[datetime], fmt: str = "%d-%m-%Y %H:%M") -> str:
    return value.astimezone(TZ).strftime(fmt) if value else "-"


def volgende_stappen(status: str) -> Tuple[str, ...]:
    """The steps the flow offers from ``status``, in flow order (for the buttons)."""
    allowed = OVERGANGEN.get(status, frozenset())
    return tuple(s for s in ("in_behandeling", "toegewezen", "afgesloten") if s in allowed)


def segments(text: str, fragments: Sequence[Fragment]) -> List[Tuple[str, Optional[Fragment]]]:
    """``text`` cut at the evidence fragments: (piece, fragment or None), for <mark>."""
    out: List[Tuple[str, Optional[Fragment]]] = []
    at = 0
    for f in sorted(fragments, key=lambda f: f.start):
        if f.start < at or f.end > len(text):
            continue
        if f.start > at:
            out.append((text[at:f.start], None))
        out.append((text[f.start:f.end], f))
        at = f.end
    if at < len(text):
        out.append((text[at:], None))
    return out

