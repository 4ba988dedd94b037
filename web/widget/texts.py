"""The widget's texts (data/widget.yml), filled in with the gemeente's settings."""

from __future__ import annotations

from pathlib import Path
from typing import Dict

import yaml

from bot import paths
from bot.config import ConfigError, Settings

WIDGET_TEXTS_FILE = paths.DATA / "widget.yml"


def widget_texts(settings: Settings, path: Path = WIDGET_TEXTS_FILE) -> Dict[str, str]:
    """Every text of the widget, placeholders filled; the privacy text included."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    g, nood = settings.gemeente, settings.noodnummers
    values = dict(naam=g.naam, telefoon=g.telefoon, bereikbaar=g.bereikbaar, wijkteam=g.wijkteam,
                  nood_algemeen=nood.get("algemeen", "112"),
                  nood_113=nood.get("zelfmoordpreventie", "113 of gratis 0800-0113"),
                  nood_veilig_thuis=nood.get("veilig_thuis", "0800-2000"))
    try:
        texts = {str(key): str(text).format(**values) for key, text in raw.items()}
    except (KeyError, IndexError) as exc:
        raise ConfigError(f"{path}: unknown placeholder {exc}") from exc
    texts["privacy"] = settings.privacy.tekst
    texts["privacy_url"] = settings.privacy.statement_url
    texts["telefoon"] = g.telefoon
    return texts
