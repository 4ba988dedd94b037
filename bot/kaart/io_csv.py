"""The kaart as CSV: one row per offer, header = ``record.FIELDS`` (lists ';'-separated)."""

from __future__ import annotations

import csv
import io
from typing import Any, Dict, Iterable, List, TextIO, Tuple

from bot.kaart.problems import KaartImportError, Problem, file_error
from bot.kaart.record import FIELDS, REQUIRED, Aanbod, to_flat

RawRow = Tuple[int, str, Dict[str, Any]]  # (line, item label, raw values)


def _sniff_delimiter(header_line: str) -> str:
    """Comma by default; Dutch Excel writes ';' when the header has no comma."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def parse_csv(text: str, file: str) -> List[RawRow]:
    """Rows with the line on which each starts; refuses bad headers and broken rows."""
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise file_error(file, "the file is empty")
    delimiter = _sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        while not any(h.strip() for h in header):
            header = next(reader)
    except csv.Error as exc:
        raise file_error(file, f"header cannot be read: {exc}", line=reader.line_num) from None
    header_line = reader.line_num
    names = [h.strip().lower() for h in header]
    problems = []
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        problems.append(Problem(file, header_line, None,
                                f"unknown column(s) {', '.join(repr(u[:40]) for u in unknown)}; "
                                f"known columns: {', '.join(FIELDS)}"))
    doubles = sorted({n for n in names if names.count(n) > 1 and n})
    if doubles:
        problems.append(Problem(file, header_line, None, f"column(s) appear twice: {', '.join(doubles)}"))
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        problems.append(Problem(file, header_line, None, f"required column(s) missing: {', '.join(missing)}"))
    if problems:
        raise KaartImportError(problems)

    rows: List[RawRow] = []
    previous_end = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise file_error(file, f"row cannot be read: {exc}", line=previous_end + 1) from None
        start, previous_end = previous_end + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            problems.append(Problem(file, start, None,
                                    f"row has {len(values)} values but the header has {len(names)} columns"))
            continue
        rows.append((start, "", dict(zip(names, values, strict=True))))
    if problems:
        raise KaartImportError(problems)
    if not rows:
        raise file_error(file, "the file has a header but no offers", line=header_line)
    return rows


def write_csv(records: Iterable[Aanbod], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(to_flat(record))
        count += 1
    return count
