"""The dialogue vocabulary of data/gesprek.yml, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Pattern, Tuple

import yaml

from bot import paths

GESPREK_FILE = paths.DATA / "gesprek.yml"


class VocabularyError(ValueError):
    """data/gesprek.yml is missing or malformed; the message names the entry."""


def _compile(patterns: Any, where: str) -> Pattern:
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns:
        raise VocabularyError(f"{where}: expected a non-empty list of patterns")
    parts = []
    for i, pattern in enumerate(patterns):
        try:
            re.compile(str(pattern))
        except re.error as exc:
            raise VocabularyError(f"{where}[{i}]: invalid pattern {pattern!r}: {exc}") from exc
        parts.append(f"(?:{pattern})")
    # whole words only: a letter or digit may not touch the match on either side
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    max_vragen: int
    max_aanbod: int
    max_tekens: int
    voor_wie: Tuple[Tuple[str, Pattern], ...]
    voor_wie_verhaal: Tuple[Tuple[str, Pattern], ...]
    correctie: Pattern
    bekend: Dict[str, Pattern]
    vragen: Tuple[str, ...]
    groepsvraag: str
    postcodevraag: str
    ja: Pattern
    nee: Pattern
    weet_niet: Pattern
    commando: Dict[str, Pattern]
    contact_voorkeur: Tuple[Tuple[str, Pattern], ...]
    belmoment: Pattern
    velden: Tuple[Tuple[str, Pattern], ...]
    feedback: Tuple[Tuple[int, Pattern], ...]
    nederlands: frozenset
    vreemd: frozenset


def _section(raw: Mapping[str, Any], key: str, path: Path) -> Any:
    if key not in raw or raw[key] in (None, "", [], {}):
        raise VocabularyError(f"{path}: '{key}' is missing or empty")
    return raw[key]


def _ordered(raw: Mapping[str, Any], key: str, path: Path) -> Tuple[Tuple[str, Pattern], ...]:
    section = _section(raw, key, path)
    if not isinstance(section, dict):
        raise VocabularyError(f"{path}: '{key}' must be a mapping")
    return tuple((str(name), _compile(pats, f"{path}: {key}.{name}")) for name, pats in section.items())


def load_vocabulary(path: Path = GESPREK_FILE) -> Vocabulary:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise VocabularyError(f"{path}: expected a mapping at the top level")
    grenzen = _section(raw, "grenzen", path)
    try:
        limits = {k: int(grenzen[k]) for k in ("max_vragen", "max_aanbod", "max_tekens")}
    except (KeyError, TypeError, ValueError) as exc:
        raise VocabularyError(f"{path}: grenzen: {exc}") from exc
    taal = _section(raw, "taal", path)
    nl = {str(w).lower() for w in taal.get("nederlands") or []}
    vreemd = {str(w).lower() for w in taal.get("vreemd") or []}
    return Vocabulary(
        **limits,
        voor_wie=_ordered(raw, "voor_wie", path),
        voor_wie_verhaal=_ordered(raw, "voor_wie_in_verhaal", path),
        correctie=_compile(_section(raw, "correctie", path), f"{path}: correctie"),
        bekend={k: _compile(v, f"{path}: bekend.{k}") for k, v in _section(raw, "bekend", path).items()},
        vragen=tuple(str(v) for v in _section(raw, "vragen", path)),
        groepsvraag=str(_section(raw, "groepsvraag", path)),
        postcodevraag=str(_section(raw, "postcodevraag", path)),
        ja=_compile(_section(raw, "ja", path), f"{path}: ja"),
        nee=_compile(_section(raw, "nee", path), f"{path}: nee"),
        weet_niet=_compile(_section(raw, "weet_niet", path), f"{path}: weet_niet"),
        commando={k: _compile(v, f"{path}: commando.{k}") for k, v in _section(raw, "commando", path).items()},
        contact_voorkeur=_ordered(raw, "contact_voorkeur", path),
        belmoment=_compile(_section(raw, "belmoment", path), f"{path}: belmoment"),
        velden=_ordered(raw, "velden", path),
        feedback=tuple((int(k), _compile(v, f"{path}: feedback.{k}"))
                       for k, v in sorted(_section(raw, "feedback", path).items(), key=lambda kv: int(kv[0]))),
        # words that appear in both lists say nothing about the language
        nederlands=frozenset(nl - vreemd),
        vreemd=frozenset(vreemd - nl),
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def first_match(options: Tuple[Tuple[str, Pattern], ...], text: str) -> Optional[Tuple[str, str]]:
    """(name, matched fragment) of the first option whose pattern occurs in text."""
    for name, pattern in options:
        match = pattern.search(text or "")
        if match:
            return name, match.group(0)
    return None


def whole_answer(pattern: Pattern, text: str) -> bool:
    """The short answer is (almost) only this pattern, e.g. 'ja', 'nee hoor!'."""
    stripped = re.sub(r"[\s.!,]+$", "", (text or "").strip())
    if pattern.fullmatch(stripped):  # a longer alternative that is the whole answer ("nee, dat bedoel ik niet")
        return True
    match = pattern.search(stripped)
    return match is not None and len(stripped) - len(match.group(0)) <= 12


