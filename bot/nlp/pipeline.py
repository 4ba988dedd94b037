"""Find, install or build the Dutch spaCy pipeline that Rasa and bot/ share.

``config.yml`` points SpacyNLP at ``var/spacy/nl_actief``, a symlink to either
the published ``nl_core_news_sm`` 3.4 package (when a gemeente could install
it) or a pipeline built here without network access: spaCy's Dutch tokenizer
with the lookup lemmatizer from ``spacy-lookups-data``. The self-built
pipeline is named ``nl_wijkteam_offline``, never ``nl_core_news_sm``.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Tuple

from bot import paths

log = logging.getLogger(__name__)

PUBLISHED_NAME = "nl_core_news_sm"
PUBLISHED_VERSION = "3.4.0"
PUBLISHED_WHEEL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    f"{PUBLISHED_NAME}-{PUBLISHED_VERSION}/{PUBLISHED_NAME}-{PUBLISHED_VERSION}-py3-none-any.whl"
)
OFFLINE_NAME = "wijkteam_offline"  # spaCy prefixes the language: nl_wijkteam_offline


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    path: Path
    components: Tuple[str, ...]
    published: bool  # True for nl_core_news_sm, False for the self-built one


def _published_package_dir() -> Optional[Path]:
    """The data folder of an installed nl_core_news_sm, if any."""
    spec = importlib.util.find_spec(PUBLISHED_NAME)
    if spec is None or not spec.submodule_search_locations:
        return None
    package_dir = Path(list(spec.submodule_search_locations)[0])
    candidates = sorted(p for p in package_dir.glob(f"{PUBLISHED_NAME}-*") if (p / "config.cfg").exists())
    return candidates[-1] if candidates else None


def try_install_published(timeout_s: int = 20) -> bool:
    """Try pip-installing nl_core_news_sm from spaCy's release page; False offline."""
    if _published_package_dir() is not None:
        return True
    if os.environ.get("WIJKTEAM_SKIP_MODEL_DOWNLOAD"):
        return False
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--retries", "0",
           "--timeout", "5", PUBLISHED_WHEEL]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return False
    importlib.invalidate_caches()
    return done.returncode == 0 and _published_package_dir() is not None


def build_offline(target: Path = paths.SPACY_OFFLINE) -> Path:
    """spaCy's Dutch tokenizer plus the lookup lemmatizer, saved to ``target``."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the Dutch lemma table from spacy-lookups-data
    nlp.meta.update(
        {
            "name": OFFLINE_NAME,
            "version": "1.0.0",
            "description": "Dutch tokenizer and lookup lemmatizer, built offline for the wijkteam assistant",
            "license": "MIT (spaCy), lemma table from spacy-lookups-data (MIT)",
        }
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


def _point_active_at(target: Path) -> None:
    link = paths.SPACY_ACTIVE
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        if link.is_symlink() and link.resolve() == target.resolve():
            return
        if link.is_dir() and not link.is_symlink():
            shutil.rmtree(link)
        else:
            link.unlink()
    link.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)


def ensure_pipeline(force_offline: bool = False) -> PipelineInfo:
    """Make ``var/spacy/nl_actief`` point at the best Dutch pipeline available."""
    published = None if force_offline else _published_package_dir()
    if published is None and not force_offline and try_install_published():
        published = _published_package_dir()
    if published is not None:
        _point_active_at(published)
    else:
        if not (paths.SPACY_OFFLINE / "config.cfg").exists():
            build_offline()
        _point_active_at(paths.SPACY_OFFLINE)
    load_pipeline.cache_clear()
    return active_pipeline_info()


def active_pipeline_info() -> PipelineInfo:
    """What ``var/spacy/nl_actief`` is; raises FileNotFoundError when absent."""
    import json

    meta_file = paths.SPACY_ACTIVE / "meta.json"
    if not meta_file.exists():
        raise FileNotFoundError(f"{paths.SPACY_ACTIVE}: no Dutch spaCy pipeline; run 'make setup'")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    name = f"{meta.get('lang', 'nl')}_{meta.get('name', '?')}"
    return PipelineInfo(
        name=name,
        version=str(meta.get("version", "?")),
        path=paths.SPACY_ACTIVE.resolve(),
        components=tuple(meta.get("pipeline", ())),
        published=name == PUBLISHED_NAME,
    )


@lru_cache(maxsize=1)
def load_pipeline():
    """The active Dutch pipeline, loaded once per process."""
    import spacy

    if not (paths.SPACY_ACTIVE / "config.cfg").exists():
        raise FileNotFoundError(f"{paths.SPACY_ACTIVE}: no Dutch spaCy pipeline; run 'make setup'")
    return spacy.load(paths.SPACY_ACTIVE)
