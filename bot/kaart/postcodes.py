"""Dutch postcodes: forgiving parsing and the PC4 → wijk/gemeente table.

A Dutch postcode is four digits (first not 0) and optionally two letters;
PostNL never issues the letter pairs SA, SD and SS. "8011AB", "8011 ab" and
"8011" are all accepted. The table lives in data/sociale_kaart/postcodes_pc4.csv.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

from bot import paths

PC4_FILE = paths.KAART_DIR / "postcodes_pc4.csv"

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})?\s*$")
_UNUSED_LETTERS = {"SA", "SD", "SS"}


@dataclass(frozen=True)
class Postcode:
    pc4: str
    letters: str = ""

    @property
    def text(self) -> str:
        """Normalised form: '8011AB' or '8011'."""
        return self.pc4 + self.letters


def parse_postcode(value: str) -> Postcode:
    """Parse a Dutch postcode; raises ValueError with a B1-free technical reason."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("postcode is empty")
    match = _POSTCODE.match(value)
    if not match:
        raise ValueError(f"'{value[:20]}' is not a Dutch postcode (expected e.g. 8011AB, 8011 AB or 8011)")
    letters = (match.group(2) or "").upper()
    if letters in _UNUSED_LETTERS:
        raise ValueError(f"'{value[:20]}' is not a Dutch postcode (letters {letters} are never used)")
    return Postcode(pc4=match.group(1), letters=letters)


def try_parse_postcode(value: Optional[str]) -> Optional[Postcode]:
    try:
        return parse_postcode(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Area:
    pc4: str
    gemeente: str
    wijk: str
    zekerheid: str


class PostcodeTableError(ValueError):
    pass


def load_pc4_table(path: Path = PC4_FILE) -> Dict[str, Area]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PostcodeTableError(f"{path}: cannot read: {exc}") from exc
    table: Dict[str, Area] = {}
    reader = csv.DictReader(text.splitlines())
    for row in reader:
        line = reader.line_num
        pc4 = (row.get("pc4") or "").strip()
        if not re.fullmatch(r"[1-9][0-9]{3}", pc4):
            raise PostcodeTableError(f"{path}:{line}: field 'pc4': '{pc4}' is not a 4-digit postcode")
        if pc4 in table:
            raise PostcodeTableError(f"{path}:{line}: field 'pc4': {pc4} appears twice")
        gemeente, wijk = (row.get("gemeente") or "").strip(), (row.get("wijk") or "").strip()
        if not gemeente or not wijk:
            raise PostcodeTableError(f"{path}:{line}: fields 'gemeente' and 'wijk' are required")
        table[pc4] = Area(pc4=pc4, gemeente=gemeente, wijk=wijk, zekerheid=(row.get("zekerheid") or "").strip())
    return table


@lru_cache(maxsize=1)
def pc4_table() -> Dict[str, Area]:
    return load_pc4_table()


def area_of(postcode: Optional[Postcode]) -> Optional[Area]:
    return pc4_table().get(postcode.pc4) if postcode else None


def known_wijken(gemeente: str) -> Tuple[str, ...]:
    return tuple(sorted({a.wijk for a in pc4_table().values() if a.gemeente.lower() == gemeente.lower()}))
