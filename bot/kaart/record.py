"""One offer of the sociale kaart (an HSDS *service* with its organization,
location, area and Dutch fields), as a validated immutable record.

``FIELDS`` is the canonical field order: the CSV header and the order in which
validation reports problems.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Optional, Tuple

FIELDS = (
    "id", "naam", "organisatie_id", "organisatie", "omschrijving", "themas", "vorm", "formeel",
    "toegang", "doelgroepen", "kenmerken", "leeftijd_min", "leeftijd_max", "gemeente", "wijk",
    "postcodes", "locatie_id", "locatie_naam", "adres", "postcode", "plaats", "toegankelijkheid",
    "talen", "wanneer", "kosten", "kosten_euro", "hoe_aansluiten", "email", "telefoon", "website",
    "status", "laatst_gecontroleerd", "bron", "voorbeeld",
)

REQUIRED = ("id", "naam", "organisatie", "themas", "vorm", "formeel", "toegang", "gemeente", "status",
            "laatst_gecontroleerd", "bron")

LIST_FIELDS = ("themas", "doelgroepen", "kenmerken", "postcodes", "toegankelijkheid", "talen")
BOOL_FIELDS = ("formeel", "voorbeeld")
INT_FIELDS = ("leeftijd_min", "leeftijd_max")


@dataclass(frozen=True)
class Aanbod:
    id: str
    naam: str
    organisatie_id: str
    organisatie: str
    omschrijving: str
    themas: Tuple[str, ...]
    vorm: str
    formeel: bool
    toegang: str
    doelgroepen: Tuple[str, ...]
    kenmerken: Tuple[str, ...]
    leeftijd_min: Optional[int]
    leeftijd_max: Optional[int]
    gemeente: str
    wijk: str
    postcodes: Tuple[str, ...]  # PC4 codes the offer is for
    locatie_id: Optional[str]
    locatie_naam: str
    adres: str
    postcode: str  # of the location, normalised ("8011AB" or "8011")
    plaats: str
    toegankelijkheid: Tuple[str, ...]
    talen: Tuple[str, ...]
    wanneer: str
    kosten: str
    kosten_centen: Optional[int]  # None = unknown, 0 = free
    hoe_aansluiten: str
    email: str
    telefoon: str
    website: str
    status: str
    laatst_gecontroleerd: date
    bron: str
    voorbeeld: bool

    @property
    def has_location(self) -> bool:
        return self.locatie_id is not None

    @property
    def gratis(self) -> bool:
        return self.kosten_centen == 0


RECORD_FIELDS = tuple(f.name for f in fields(Aanbod))


def euro_text(centen: Optional[int]) -> str:
    """250 -> '2.50'; None -> ''."""
    if centen is None:
        return ""
    return f"{centen // 100}.{centen % 100:02d}"


def to_flat(record: Aanbod) -> dict:
    """The record as CSV strings, keyed by FIELDS."""
    out = {}
    for name in FIELDS:
        if name == "kosten_euro":
            out[name] = euro_text(record.kosten_centen)
            continue
        value = getattr(record, name)
        if name in LIST_FIELDS:
            out[name] = ";".join(value)
        elif name in BOOL_FIELDS:
            out[name] = "ja" if value else "nee"
        elif isinstance(value, date):
            out[name] = value.isoformat()
        elif value is None:
            out[name] = ""
        else:
            out[name] = str(value)
    return out
