"""The triage vocabulary (data/taxonomie.yml) as small immutable types.

Codes are a contract shared by the classifier, the signal engine, the advice,
the sociale kaart and the dashboards. Labels and descriptions are read from the
file, never repeated in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

import yaml

from bot import paths

SIGNAL_KINDS = ("crisis", "contra", "indicatie")


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the entry."""


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    omschrijving: str
    bron: str


@dataclass(frozen=True)
class SignalType:
    code: str
    soort: str  # crisis | contra | indicatie
    label: str
    contact: Optional[str] = None
    bron: Optional[str] = None
    valt_onder: Optional[str] = None  # a gemeente's refinement of a shared code ("contra_onveilig")


@dataclass(frozen=True)
class Taxonomy:
    versie: int
    themes: Dict[str, Theme]
    onduidelijk: str
    signals: Dict[str, SignalType]
    adviezen: Dict[str, str]

    @property
    def theme_codes(self) -> Tuple[str, ...]:
        return tuple(self.themes)

    def signals_of(self, soort: str) -> Tuple[SignalType, ...]:
        return tuple(s for s in self.signals.values() if s.soort == soort)

    def is_theme(self, code: str) -> bool:
        return code in self.themes


def load_taxonomy(path: Path = paths.TAXONOMY_FILE) -> Taxonomy:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"{path}: cannot read taxonomy: {exc}") from exc
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{path}: expected a mapping at the top level")
    themes = {}
    for code, entry in (raw.get("themas") or {}).items():
        if not isinstance(entry, dict) or not entry.get("label"):
            raise TaxonomyError(f"{path}: themas.{code}: 'label' is missing")
        themes[code] = Theme(
            code=code,
            label=entry["label"],
            omschrijving=" ".join(str(entry.get("omschrijving", "")).split()),
            bron=str(entry.get("bron", "")),
        )
    signals = {}
    for code, entry in (raw.get("signalen") or {}).items():
        soort = (entry or {}).get("soort")
        if soort not in SIGNAL_KINDS:
            raise TaxonomyError(f"{path}: signalen.{code}: 'soort' must be one of {SIGNAL_KINDS}")
        signals[code] = SignalType(
            code=code,
            soort=soort,
            label=entry.get("label", code),
            contact=entry.get("contact"),
            bron=entry.get("bron"),
            valt_onder=entry.get("valt_onder"),
        )
    for code, signal in signals.items():
        if signal.valt_onder is not None and (signal.valt_onder not in signals or signal.valt_onder == code):
            raise TaxonomyError(f"{path}: signalen.{code}: 'valt_onder' must name another signal code")
    if not themes:
        raise TaxonomyError(f"{path}: no themas defined")
    return Taxonomy(
        versie=int(raw.get("versie", 1)),
        themes=themes,
        onduidelijk=str(raw.get("onduidelijk", "onduidelijk")),
        signals=signals,
        adviezen={str(k): str(v) for k, v in (raw.get("adviezen") or {}).items()},
    )


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy of this process, read once."""
    return load_taxonomy()
