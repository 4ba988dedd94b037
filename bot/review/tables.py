"""CSV of any tuple of typed rows (dataclasses): a header of the field names, then the values."""

from __future__ import annotations

import csv
import io
from dataclasses import fields, is_dataclass
from typing import Any, Sequence, Type


def to_csv(rows: Sequence[Any], row_type: Type[Any]) -> str:
    if not is_dataclass(row_type):
        raise TypeError("row_type must be a dataclass")
    names = [f.name for f in fields(row_type)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(getattr(row, n)) for n in names])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "" if value is None else value
