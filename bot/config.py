"""The gemeente's settings (data/gemeente.yml) and the environment.

Everything a gemeente may want to change lives in the YAML file; this module
only reads it. ``DATABASE_URL`` (an SQLAlchemy URL) moves all persistence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Tuple

import yaml

from bot import paths
from bot.huisstijl import Huisstijl, huisstijl_problems

DEFAULT_DATABASE_URL = f"sqlite:///{paths.VAR / 'wijkteam.db'}"


def database_url() -> str:
    """The SQLAlchemy URL of all persistence; SQLite under var/ by default."""
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def masked_database_url(url: str | None = None) -> str:
    """The database URL with any password replaced by ``***``."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url or database_url())
    if parsed.password:
        parsed = parsed.set(password="***")
    return parsed.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Gemeente:
    naam: str
    telefoon: str
    bereikbaar: str
    website: str
    wijkteam: str


@dataclass(frozen=True)
class Privacy:
    tekst: str
    gesprekken_dagen: int
    aanmeldingen_dagen: int
    lezers: Tuple[str, ...]
    statement_url: str  # the gemeente's privacystatement; default <website>/privacy


@dataclass(frozen=True)
class Medewerkers:
    """Staff logins of the web app (section ``medewerkers``; every field optional)."""

    sessie_inactief_minuten: float = 30.0  # idle time after which a staff session ends
    max_mislukt_per_account: int = 5  # failed logins per account within blokkeer_minuten
    max_mislukt_per_adres: int = 20  # failed logins per address within blokkeer_minuten
    blokkeer_minuten: int = 15  # the throttling window


@dataclass(frozen=True)
class Settings:
    gemeente: Gemeente
    privacy: Privacy
    noodnummers: Dict[str, str]
    huisstijl: Huisstijl = Huisstijl()
    medewerkers: Medewerkers = Medewerkers()

    @property
    def contact_route(self) -> str:
        """One B1 sentence: how to reach a person at the gemeente."""
        g = self.gemeente
        return f"Bel de gemeente {g.naam} op {g.telefoon}, {g.bereikbaar}."


class ConfigError(ValueError):
    """The settings file is missing or malformed; the message names the field."""


def _require(section: Dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(section, dict) or key not in section or section[key] in (None, ""):
        raise ConfigError(f"{where}: field '{key}' is missing or empty")
    return section[key]


def load_settings(path: Path = paths.GEMEENTE_FILE) -> Settings:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from exc
    g = _require(raw, "gemeente", str(path))
    p = _require(raw, "privacy", str(path))
    termijn = _require(p, "bewaartermijn", f"{path}: privacy")
    gemeente = Gemeente(
        **{k: str(_require(g, k, f"{path}: gemeente")).strip() for k in Gemeente.__dataclass_fields__}
    )
    privacy = Privacy(
        tekst=str(_require(p, "tekst", f"{path}: privacy")).strip(),
        gesprekken_dagen=int(_require(termijn, "gesprekken_dagen", f"{path}: privacy.bewaartermijn")),
        aanmeldingen_dagen=int(_require(termijn, "aanmeldingen_dagen", f"{path}: privacy.bewaartermijn")),
        lezers=tuple(p.get("lezers") or ()),
        statement_url=str(p.get("privacystatement") or f"{gemeente.website.rstrip('/')}/privacy").strip(),
    )
    nood = {str(k): str(v) for k, v in (raw.get("noodnummers") or {}).items()}
    return Settings(gemeente=gemeente, privacy=privacy, noodnummers=nood, huisstijl=_huisstijl(raw, path),
                    medewerkers=_medewerkers(raw, path))


def _section(raw: Dict[str, Any], path: Path, name: str, fields: Any) -> Dict[str, Any]:
    """An optional mapping of data/gemeente.yml whose keys must be fields of the dataclass ``fields``."""
    section = raw.get(name) or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: {name} must be a mapping")
    unknown = set(section) - set(fields.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"{path}: {name}: unknown field(s) {', '.join(sorted(unknown))}")
    return section


def _medewerkers(raw: Dict[str, Any], path: Path) -> Medewerkers:
    section = _section(raw, path, "medewerkers", Medewerkers)
    values: Dict[str, Any] = {}
    for name, spec in Medewerkers.__dataclass_fields__.items():
        if section.get(name) in (None, ""):
            continue
        try:
            value = float(section[name]) if spec.type == "float" else int(section[name])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: medewerkers.{name} must be a number") from exc
        if value <= 0:
            raise ConfigError(f"{path}: medewerkers.{name} must be more than 0")
        values[name] = value
    return Medewerkers(**values)


def _huisstijl(raw: Dict[str, Any], path: Path) -> Huisstijl:
    section = _section(raw, path, "huisstijl", Huisstijl)
    stijl = Huisstijl(**{k: str(v).strip() for k, v in section.items() if v not in (None, "")})
    problems = huisstijl_problems(stijl)
    if problems:
        raise ConfigError(f"{path}: huisstijl: {'; '.join(problems)}")
    return stijl


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings of this process, read once."""
    return load_settings()
