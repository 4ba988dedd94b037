"""The gemeente-editable word lists of ``data/privacy/``, read once per process.

A missing or malformed file raises ``PrivacyDataError`` naming the file and
the field, so a typo in a list never silently turns redaction off.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Tuple

import yaml

from bot import paths

PRIVACY_DIR = paths.DATA / "privacy"


class PrivacyDataError(ValueError):
    """A file in data/privacy/ is missing or malformed; the message says where."""


@dataclass(frozen=True)
class PublicNumber:
    name: str
    pattern: str


@dataclass(frozen=True)
class PrivacyLists:
    strong_name_triggers: Tuple[str, ...]
    weak_name_triggers: Tuple[str, ...]
    forms_of_address: Tuple[str, ...]
    relations: Tuple[str, ...]
    particles: FrozenSet[str]
    never_names: FrozenSet[str]
    first_names: FrozenSet[str]
    street_suffixes: Tuple[str, ...]
    lowercase_street_suffixes: Tuple[str, ...]
    not_streets: FrozenSet[str]
    not_house_number_before: FrozenSet[str]
    address_context: Tuple[str, ...]
    public_numbers: Tuple[PublicNumber, ...]
    case_number_shapes: Tuple[PublicNumber, ...]  # name + pattern, as public_numbers
    number_context: Tuple[str, ...]
    bsn_context: Tuple[str, ...]
    sensitive_fields: Dict[str, str]


def _load_yaml(path: Path) -> Dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PrivacyDataError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise PrivacyDataError(f"{path}: expected a mapping at the top level")
    return raw


def _words(raw: Dict[str, Any], key: str, path: Path) -> Tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise PrivacyDataError(f"{path}: field '{key}' must be a non-empty list")
    words = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise PrivacyDataError(f"{path}: {key}[{i}] must be a non-empty text")
        words.append(item.strip().lower())
    return tuple(dict.fromkeys(words))


def _first_names(path: Path) -> FrozenSet[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PrivacyDataError(f"{path}: cannot read: {exc}") from exc
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def _public_numbers(raw: Dict[str, Any], path: Path, key: str = "openbare_nummers") -> Tuple[PublicNumber, ...]:
    """A list of {name, pattern} entries (public numbers, case-number shapes)."""
    import re

    entries = raw.get(key)
    if not isinstance(entries, list) or not entries:
        raise PrivacyDataError(f"{path}: field '{key}' must be a non-empty list")
    numbers: List[PublicNumber] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("pattern"):
            raise PrivacyDataError(f"{path}: {key}[{i}] needs 'name' and 'pattern'")
        try:
            re.compile(str(entry["pattern"]))
        except re.error as exc:
            raise PrivacyDataError(f"{path}: {key}[{i}].pattern: {exc}") from exc
        numbers.append(PublicNumber(str(entry.get("name") or entry["pattern"]), str(entry["pattern"])))
    return tuple(numbers)


def _fields(raw: Dict[str, Any], path: Path) -> Dict[str, str]:
    from bot.privacy.placeholders import PLACEHOLDERS

    value = raw.get("velden")
    if not isinstance(value, dict) or not value:
        raise PrivacyDataError(f"{path}: field 'velden' must be a non-empty mapping")
    fields = {}
    for name, label in value.items():
        if str(label) not in PLACEHOLDERS:
            raise PrivacyDataError(
                f"{path}: velden.{name}: '{label}' is not one of {', '.join(sorted(PLACEHOLDERS))}"
            )
        fields[str(name).lower()] = str(label)
    return fields


def load_lists(folder: Path = PRIVACY_DIR) -> PrivacyLists:
    names_file, address_file = folder / "namen.yml", folder / "adressen.yml"
    numbers_file, fields_file = folder / "nummers.yml", folder / "gevoelige_velden.yml"
    names, addresses = _load_yaml(names_file), _load_yaml(address_file)
    numbers, fields = _load_yaml(numbers_file), _load_yaml(fields_file)
    return PrivacyLists(
        strong_name_triggers=_words(names, "sterk", names_file),
        weak_name_triggers=_words(names, "zwak", names_file),
        forms_of_address=_words(names, "aanspreekvormen", names_file),
        relations=_words(names, "relaties", names_file),
        particles=frozenset(_words(names, "tussenvoegsels", names_file)),
        never_names=frozenset(_words(names, "nooit_namen", names_file)),
        first_names=_first_names(folder / "voornamen.txt"),
        street_suffixes=_words(addresses, "straat_achtervoegsels", address_file),
        lowercase_street_suffixes=_words(addresses, "kleine_letter_achtervoegsels", address_file),
        not_streets=frozenset(_words(addresses, "geen_straat", address_file)),
        not_house_number_before=frozenset(_words(addresses, "geen_huisnummer_na", address_file)),
        address_context=_words(addresses, "woon_context", address_file),
        public_numbers=_public_numbers(numbers, numbers_file),
        case_number_shapes=_public_numbers(numbers, numbers_file, "zaaknummer_vormen"),
        number_context=_words(numbers, "nummer_context", numbers_file),
        bsn_context=_words(numbers, "bsn_context", numbers_file),
        sensitive_fields=_fields(fields, fields_file),
    )


@lru_cache(maxsize=1)
def lists() -> PrivacyLists:
    """The lists of this process, read once."""
    return load_lists()
