"""``kaart import``: read a CSV or HSDS JSON file, validate every offer, and
write all of them in one transaction, or nothing.

Problems name the file, the line, the field and the reason. Importing the same
ids again updates those offers; offers not in the file stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from sqlalchemy.engine import Engine

from bot.kaart import io_csv, io_hsds
from bot.kaart.problems import KaartImportError, Problem
from bot.kaart.record import Aanbod
from bot.kaart.repository import save_records
from bot.kaart.source import read_text
from bot.kaart.validation import validate


@dataclass(frozen=True)
class ImportReport:
    file: str
    nieuw: int
    bijgewerkt: int
    warnings: Tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.nieuw + self.bijgewerkt


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "hsds"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    return "hsds" if text.lstrip()[:1] in ("{", "[") else "csv"


def read_records(path: Path, today: Optional[date] = None) -> Tuple[List[Aanbod], List[str]]:
    """Parse and validate a whole file; raises KaartImportError listing every problem."""
    path = Path(path)
    file = str(path)
    text = read_text(path)
    if detect_format(path, text) == "hsds":
        rows, lines = io_hsds.parse_hsds(text, file)
        line_of: Callable[[int], int] = lambda i: io_hsds.line_of_service(lines, i)  # noqa: E731
        field_name: Callable[[str], str] = lambda f: f"{f} / {io_hsds.HSDS_PATH.get(f, f)}"  # noqa: E731
    else:
        rows = io_csv.parse_csv(text, file)
        line_of = lambda line: line  # noqa: E731
        field_name = lambda f: f  # noqa: E731

    problems: List[Problem] = []
    warnings: List[str] = []
    records: List[Aanbod] = []
    first_line: Dict[str, int] = {}
    organisations: Dict[str, Tuple[str, int]] = {}
    locations: Dict[str, Tuple[tuple, int]] = {}
    for key, item, raw in rows:
        result = validate(raw, today=today)
        if result.problems or result.warnings:
            line = line_of(key)
            problems += [Problem(file, line, field_name(f), reason, item) for f, reason in result.problems]
            warnings += [str(Problem(file, line, field_name(f), reason, item)) for f, reason in result.warnings]
        record = result.record
        if record is None:
            continue
        if record.id in first_line:
            problems.append(Problem(file, line_of(key), "id", f"'{record.id}' appears twice in this file "
                                                      f"(first on line {first_line[record.id]})", item))
            continue
        first_line[record.id] = line_of(key)
        org = organisations.setdefault(record.organisatie_id, (record.organisatie, first_line[record.id]))
        if org[0] != record.organisatie:
            problems.append(Problem(file, first_line[record.id], "organisatie",
                                    f"organisatie_id '{record.organisatie_id}' is '{org[0]}' on line {org[1]} "
                                    f"but '{record.organisatie}' here", item))
        if record.locatie_id:
            details = (record.locatie_naam, record.adres, record.postcode, record.plaats)
            loc = locations.setdefault(record.locatie_id, (details, first_line[record.id]))
            if loc[0] != details:
                problems.append(Problem(file, first_line[record.id], "locatie_id",
                                        f"location '{record.locatie_id}' has other details on line {loc[1]}", item))
        records.append(record)
    if problems:
        raise KaartImportError(problems)
    return records, warnings


def import_file(path: Path, engine: Optional[Engine] = None, today: Optional[date] = None) -> ImportReport:
    """Validate ``path`` completely, then write it in one transaction (schema created when missing)."""
    from bot.store import db

    records, warnings = read_records(Path(path), today=today)
    engine = engine or db.default_engine()
    db.upgrade(engine)
    with db.session_scope(engine) as session:
        nieuw, bijgewerkt = save_records(session, records)
    from bot.kaart.index import invalidate

    invalidate(engine)
    return ImportReport(file=str(path), nieuw=nieuw, bijgewerkt=bijgewerkt, warnings=tuple(warnings))
