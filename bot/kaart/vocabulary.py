"""The kaart's vocabulary and matching rules, read from data/sociale_kaart/.

Codes and the Dutch words shown for them live in ``vocabulaire.yml``; ranking
weights and signal preferences in ``matching.yml``. Nothing here is hard-coded
Dutch text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Mapping, Tuple

import yaml

from bot import paths

VOCABULARY_FILE = paths.KAART_DIR / "vocabulaire.yml"
MATCHING_FILE = paths.KAART_DIR / "matching.yml"

LIST_NAMES = ("vormen", "toegang", "doelgroepen", "kenmerken", "toegankelijkheid", "talen", "statussen", "formeel")


class VocabularyError(ValueError):
    """A kaart data file is missing or malformed; the message names the entry."""


@dataclass(frozen=True)
class Vocabulary:
    """Allowed codes per list, each with its Dutch words (label, zin, kort...)."""

    lists: Mapping[str, Mapping[str, Mapping[str, str]]]

    def codes(self, name: str) -> Tuple[str, ...]:
        return tuple(self.lists[name])

    def word(self, name: str, code: str, key: str = "label") -> str:
        return self.lists[name].get(code, {}).get(key, code)


@dataclass(frozen=True)
class SignalPreference:
    vormen: FrozenSet[str] = frozenset()
    kenmerken: FrozenSet[str] = frozenset()
    toegang: FrozenSet[str] = frozenset()
    formeel: FrozenSet[bool] = frozenset()


@dataclass(frozen=True)
class MatchingRules:
    gewichten: Mapping[str, float]
    verouderd_na_maanden: int
    voorkeur: Mapping[str, SignalPreference]
    liever_niet: Mapping[str, SignalPreference]

    def weight(self, name: str) -> float:
        return float(self.gewichten.get(name, 0.0))


def _read_yaml(path: Path) -> Dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise VocabularyError(f"{path}: expected a mapping at the top level")
    return raw


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    raw = _read_yaml(path)
    lists: Dict[str, Dict[str, Dict[str, str]]] = {}
    for name in LIST_NAMES:
        entries = raw.get(name)
        if not isinstance(entries, dict) or not entries:
            raise VocabularyError(f"{path}: list '{name}' is missing or empty")
        lists[name] = {
            str(code): ({k: str(v) for k, v in value.items()} if isinstance(value, dict) else {"label": str(value)})
            for code, value in entries.items()
        }
    return Vocabulary(lists=lists)


def _preference(raw: Any, where: str, vocab: Vocabulary) -> SignalPreference:
    if raw is None:
        return SignalPreference()
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: expected a mapping")
    for key, list_name in (("vormen", "vormen"), ("kenmerken", "kenmerken"), ("toegang", "toegang")):
        unknown = set(raw.get(key) or ()) - set(vocab.codes(list_name))
        if unknown:
            raise VocabularyError(f"{where}.{key}: unknown code(s) {sorted(unknown)}")
    return SignalPreference(
        vormen=frozenset(raw.get("vormen") or ()),
        kenmerken=frozenset(raw.get("kenmerken") or ()),
        toegang=frozenset(raw.get("toegang") or ()),
        formeel=frozenset(bool(v) for v in (raw.get("formeel") or ())),
    )


def load_matching(path: Path = MATCHING_FILE, vocab: Vocabulary | None = None) -> MatchingRules:
    raw = _read_yaml(path)
    vocab = vocab or vocabulary()
    gewichten = raw.get("gewichten")
    if not isinstance(gewichten, dict):
        raise VocabularyError(f"{path}: 'gewichten' is missing")
    try:
        weights = {str(k): float(v) for k, v in gewichten.items()}
        maanden = int(raw.get("verouderd_na_maanden", 12))
    except (TypeError, ValueError) as exc:
        raise VocabularyError(f"{path}: weights must be numbers: {exc}") from exc
    voorkeur, liever_niet = {}, {}
    for code, entry in (raw.get("signalen") or {}).items():
        entry = entry or {}
        voorkeur[str(code)] = _preference(entry.get("voorkeur"), f"{path}: signalen.{code}.voorkeur", vocab)
        liever_niet[str(code)] = _preference(entry.get("liever_niet"), f"{path}: signalen.{code}.liever_niet", vocab)
    return MatchingRules(gewichten=weights, verouderd_na_maanden=maanden, voorkeur=voorkeur, liever_niet=liever_niet)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@lru_cache(maxsize=1)
def matching_rules() -> MatchingRules:
    return load_matching()
