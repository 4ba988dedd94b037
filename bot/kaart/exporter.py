"""``kaart export``: the whole kaart as CSV or HSDS JSON (exact round trip with import)."""

from __future__ import annotations

from typing import Optional, TextIO

from sqlalchemy.engine import Engine

from bot.kaart import io_csv, io_hsds
from bot.kaart.repository import load_records

FORMATS = ("csv", "hsds")


def export(out: TextIO, fmt: str = "csv", engine: Optional[Engine] = None) -> int:
    """Write every offer to ``out``; returns the number written."""
    from bot.store import db

    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose {' or '.join(FORMATS)}")
    engine = engine or db.default_engine()
    if not db.has_table("kaart_aanbod", engine):
        records = []
    else:
        with engine.connect() as connection:
            records = load_records(connection)
    writer = io_csv.write_csv if fmt == "csv" else io_hsds.write_hsds
    return writer(records, out)
