"""A readable triage card for people (terminal, KCC console text view)."""

from __future__ import annotations

from typing import List

from bot.taxonomy import taxonomy
from bot.triage.result import TriageResult


def render_card(result: TriageResult) -> str:
    tax = taxonomy()
    lines: List[str] = []
    label = tax.themes[result.thema].label if result.thema in tax.themes else "Nog onduidelijk"
    lines.append(f"Thema:    {label} ({result.thema})")
    for score in result.themas[1:]:
        lines.append(f"          ook: {tax.themes[score.thema].label} ({score.zekerheid:.2f}; {score.waarom})")
    if result.themas:
        lines.append(f"          waarom: {result.themas[0].waarom} (zekerheid {result.themas[0].zekerheid:.2f})")
    lines.append(f"Crisis:   {'JA' if result.crisis else 'nee'}")
    for contact in result.crisis_contact:
        lines.append(f"          contact: {contact}")
    for contact in result.hulp_contact:
        lines.append(f"Contact:  {contact}")
    if result.signalen:
        lines.append("Signalen:")
        for s in result.signalen:
            lines.append(f"  - [{s.soort}] {tax.signals[s.code].label} ({s.code})")
            lines.append(f"      bewijs: \"{s.bewijs}\"  regel: {s.regel}")
    else:
        lines.append("Signalen: geen")
    lines.append(f"Advies:   {result.advies.code}: {tax.adviezen.get(result.advies.code.value, '')}")
    for reason in result.advies.redenen:
        lines.append(f"  - {reason}")
    if result.suggesties:
        lines.append("Aanbod uit de sociale kaart:")
        for offer in result.suggesties:
            where = ", ".join(x for x in (offer.wijk, offer.gemeente) if x)
            lines.append(f"  - {offer.naam} ({where}) [{offer.id}]")
            lines.append(f"      {offer.waarom}")
    return "\n".join(lines)
