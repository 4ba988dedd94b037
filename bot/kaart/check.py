"""``kaart check``: what needs attention in the kaart ("initiatieven komen en gaan", 003: 808).

Lists offers not checked for longer than the limit in matching.yml (12 months),
offers without any contact (e-mail, phone or website), offers that do not say
how to join, and paused or stopped offers (which search never returns).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import List, Optional

from sqlalchemy.engine import Engine

from bot.kaart.repository import load_records
from bot.kaart.search import months_before
from bot.kaart.vocabulary import matching_rules

KINDS = {
    "verouderd": "not checked for more than {months} months",
    "geen_contact": "no contact details (e-mail, phone or website)",
    "geen_aanmeldinfo": "does not say how to join (hoe_aansluiten)",
    "gepauzeerd": "paused: not suggested until it is active again",
    "gestopt": "stopped: never suggested; remove it or set it active again",
}


@dataclass(frozen=True)
class Finding:
    soort: str  # one of KINDS
    id: str
    naam: str
    gemeente: str
    detail: str

    def to_dict(self) -> dict:
        return {"soort": self.soort, "id": self.id, "naam": self.naam, "gemeente": self.gemeente,
                "detail": self.detail}


def check(engine: Optional[Engine] = None, vandaag: Optional[date] = None) -> List[Finding]:
    from bot.store import db

    engine = engine or db.default_engine()
    if not db.has_table("kaart_aanbod", engine):
        return []
    months = matching_rules().verouderd_na_maanden
    cutoff = months_before(vandaag or date.today(), months)
    with engine.connect() as connection:
        records = load_records(connection)
    findings: List[Finding] = []
    for r in records:
        def add(kind: str, detail: str = "", r=r) -> None:  # r bound now: called within this round only
            findings.append(Finding(kind, r.id, r.naam, r.gemeente, detail))

        if r.status in ("gestopt", "gepauzeerd"):
            add(r.status, f"laatst gecontroleerd {r.laatst_gecontroleerd.isoformat()}")
            continue
        if r.laatst_gecontroleerd < cutoff:
            add("verouderd", f"laatst gecontroleerd {r.laatst_gecontroleerd.isoformat()}")
        if not (r.email or r.telefoon or r.website):
            add("geen_contact")
        if not r.hoe_aansluiten:
            add("geen_aanmeldinfo")
    order = list(KINDS)
    findings.sort(key=lambda f: (order.index(f.soort), f.gemeente, f.naam, f.id))
    return findings
