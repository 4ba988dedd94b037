"""Helpers for the kaart tests: small CSV files built from valid default rows."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Dict, List

from bot import paths
from bot.kaart.record import FIELDS

VANDAAG = date(2026, 11, 23)
DEMO_CSV = paths.KAART_DIR / "demo.csv"


def row(**values) -> Dict[str, str]:
    """A valid offer in Zwolle Binnenstad; override any field."""
    base = {name: "" for name in FIELDS}
    base.update({
        "id": "t-1", "naam": "Testaanbod", "organisatie": "Testorganisatie", "omschrijving": "Een test.",
        "themas": "eenzaamheid", "vorm": "inloop", "formeel": "nee", "toegang": "vrij", "gemeente": "Zwolle",
        "wijk": "Binnenstad", "status": "actief", "laatst_gecontroleerd": "2026-10-01", "bron": "test",
        "voorbeeld": "ja", "email": "info@test.example.nl", "hoe_aansluiten": "Gewoon binnenlopen.",
        "kosten": "gratis", "kosten_euro": "0",
    })
    base.update({k: str(v) for k, v in values.items()})
    return base


def write_rows(path: Path, rows: List[Dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path
