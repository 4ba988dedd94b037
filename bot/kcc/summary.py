"""'Samenvatting kopiëren': the conversation's card as plain text, redacted.

Names, numbers, addresses and other identifiers are removed
(``bot.privacy.redact``) before the text leaves the server, so what lands on
the clipboard can go into a case system or an e-mail.
"""

from __future__ import annotations

from typing import Any, List, Mapping, Optional, Sequence

from bot.privacy.redact import redact


def _pct(value: Any) -> str:
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return "?"


def summary_text(card: Optional[Mapping[str, Any]], typed: Sequence[str]) -> str:
    card = card or {}
    lines: List[str] = ["Samenvatting KCC-gesprek (sociaal wijkteam)", ""]
    if card.get("referentie"):
        lines.append(f"Aanmelding: {card['referentie']}")
    if card.get("crisis") or card.get("crisis_contact"):
        lines.append("CRISIS: crisiscontact is gegeven.")
    lines += ["", "Verhaal van de inwoner:"] + [f"- {t}" for t in typed if str(t).strip()]
    themas = card.get("themas") or []
    if themas:
        lines += ["", "Thema's:"] + [f"- {t.get('label')} ({_pct(t.get('zekerheid'))})" for t in themas]
    signalen = card.get("signalen") or []
    if signalen:
        lines += ["", "Signalen:"] + [f"- {s.get('label')}: \"{s.get('bewijs')}\"" for s in signalen]
    advies = card.get("advies") or {}
    if advies.get("code"):
        lines += ["", f"Advies: {str(advies['code']).replace('_', ' ')}"]
        lines += [f"- {r}" for r in advies.get("redenen") or []]
    contacts = list(card.get("crisis_contact") or []) + list(card.get("hulp_contact") or [])
    if contacts:
        lines += ["", "Contact gegeven:"] + [f"- {c}" for c in contacts]
    aanbod = card.get("aanbod") or []
    if aanbod:
        lines += ["", "Aanbod genoemd:"] + [f"- {a.get('naam')} ({a.get('waar')})" for a in aanbod]
    return redact("\n".join(lines)).strip() + "\n"
