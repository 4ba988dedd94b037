"""An in-process index of the active offers, per database, for fast search.

Every import bumps a version counter in ``kaart_meta``; searches read that one
integer (at most once a second) and rebuild the index only when it changed, so
other processes' imports (e.g. ``make setup`` while the action server runs) are
picked up within a second.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.kaart.record import Aanbod
from bot.kaart.repository import current_version, load_records
from bot.kaart.vectors import Columns, build_columns
from bot.kaart.vocabulary import vocabulary
from bot.taxonomy import taxonomy

log = logging.getLogger(__name__)

SEARCHABLE_STATUSES = ("actief",)  # gepauzeerd and gestopt offers are never suggested
VERSION_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class Entry:
    """One active offer with the fields ranking needs, precomputed."""

    record: Aanbod
    themas: Tuple[str, ...]
    kenmerken: FrozenSet[str]
    doelgroepen: FrozenSet[str]
    pc4s: FrozenSet[str]
    gemeente: str  # lower case
    wijk: str  # lower case


@dataclass(frozen=True)
class KaartIndex:
    version: Optional[int]
    records: Tuple[Aanbod, ...]
    columns: Columns

    @property
    def size(self) -> int:
        return len(self.records)


def entry_of(r: Aanbod) -> Entry:
    return Entry(record=r, themas=r.themas, kenmerken=frozenset(r.kenmerken), doelgroepen=frozenset(r.doelgroepen),
                 pc4s=frozenset(r.postcodes), gemeente=r.gemeente.lower(), wijk=r.wijk.lower())


def build_index(records: List[Aanbod], version: Optional[int]) -> KaartIndex:
    columns = build_columns(records, taxonomy().theme_codes, vocabulary())
    return KaartIndex(version=version, records=tuple(records), columns=columns)


_cache: Dict[str, Tuple[KaartIndex, float]] = {}  # url -> (index, when the version was read)
_lock = threading.Lock()


def _key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def index_for(engine: Engine) -> KaartIndex:
    """The current index for ``engine``; empty (with a warning) when the kaart is not there.

    The version counter is read at most every VERSION_CHECK_SECONDS; an import
    in this process invalidates the cache at once.
    """
    key = _key(engine)
    cached = _cache.get(key)
    now = time.monotonic()
    if cached is not None and now - cached[1] < VERSION_CHECK_SECONDS:
        return cached[0]
    try:
        with engine.connect() as connection:
            version = current_version(connection)
            if cached is not None and cached[0].version == version:
                _cache[key] = (cached[0], now)
                return cached[0]
            with _lock:
                records = load_records(connection, statuses=SEARCHABLE_STATUSES)
    except SQLAlchemyError as exc:
        log.warning("sociale kaart not available (%s); no offers to suggest", str(exc).splitlines()[0])
        return build_index([], None)
    index = build_index(records, version)
    _cache[key] = (index, now)
    return index


def invalidate(engine: Optional[Engine] = None) -> None:
    if engine is None:
        _cache.clear()
    else:
        _cache.pop(_key(engine), None)
