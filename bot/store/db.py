"""Shared storage infrastructure: engine, ``Base``, sessions, schema upgrade.

One SQLAlchemy URL (``DATABASE_URL``, SQLite under ``var/`` by default) holds
the project's tables and Rasa's tracker store. Each package owns its tables
(``bot/aanmelding/models.py``, ``bot/privacy/models.py``,
``bot/kaart/models.py``); all of them are declared on this module's ``Base``.
Schema changes go through the Alembic migrations in ``bot/migrations``, one
level above the packages they migrate; this module only points Alembic there
(a path, not an import).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import database_url

Base = declarative_base()

# The Alembic scripts (bot/migrations/env.py imports every package's models).
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def utcnow() -> datetime:
    """Timezone-aware now, the default of every table's timestamps."""
    return datetime.now(timezone.utc)


# Per connection: foreign keys on; write-ahead log, so the Rasa server, the
# action server and the CLI can read while one of them writes; fsync at
# checkpoints instead of at every commit (a power cut can lose the last
# commits, never corrupt the file); wait for a lock instead of failing.
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=10000",
)


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def tune_sqlite(engine: Engine) -> Engine:
    """Apply SQLITE_PRAGMAS to every new connection of a SQLite ``engine``."""
    if engine.url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def pool_sizes() -> Dict[str, int]:
    """The connection pool of one process on a database server (see engine_options)."""
    return {"pool_size": int(os.environ.get("SQL_POOL_SIZE", "5")),
            "max_overflow": int(os.environ.get("SQL_MAX_OVERFLOW", "5")),
            "pool_timeout": int(os.environ.get("SQL_POOL_TIMEOUT", "30"))}


def engine_options(url: str) -> Dict[str, Any]:
    """create_engine() options for ``url``.

    A SQLite file gets a pool of open connections (SQLAlchemy 1.4 opens and
    closes one per session by default, which costs more than the query);
    connections are handed to one user at a time, so they may change threads.
    Servers get pre-ping, so a restarted PostgreSQL is noticed, and a pool
    of ``SQL_POOL_SIZE`` (5) connections plus ``SQL_MAX_OVERFLOW`` (5) at
    peaks, set explicitly for each process: Rasa's default is 50 + 100, and a
    few servers on one PostgreSQL would pass its ``max_connections``
    (Rasa's tracker store reads the same two variables). Statement
    parameters never appear in error messages (``hide_parameters``): they
    hold what people typed, and errors end up in logs.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return {"pool_pre_ping": True, "hide_parameters": True, **pool_sizes()}
    if parsed.database in (None, "", ":memory:"):
        return {"hide_parameters": True}
    return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}, "hide_parameters": True}


def make_engine(url: Optional[str] = None) -> Engine:
    """A new engine for ``url`` (default: DATABASE_URL); makes SQLite's folder."""
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return tune_sqlite(create_engine(url, future=True, **engine_options(url)))


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """A shared engine per URL for this process."""
    return make_engine(url)


def default_engine() -> Engine:
    return engine_for(database_url())


@contextmanager
def session_scope(engine: Optional[Engine] = None) -> Iterator[Session]:
    """One transaction: commits on success, rolls back on any error."""
    factory = sessionmaker(bind=engine or default_engine(), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Optional[Engine] = None, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creates every table when missing)."""
    from alembic import command

    engine = engine or default_engine()
    command.upgrade(_alembic_config(engine), revision)


def current_revision(engine: Optional[Engine] = None) -> Optional[str]:
    from alembic.runtime.migration import MigrationContext

    engine = engine or default_engine()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> Optional[str]:
    """The newest revision of bot/migrations (None only if there were no migrations)."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(default_engine())
    return ScriptDirectory.from_config(cfg).get_current_head()


def has_table(name: str, engine: Optional[Engine] = None) -> bool:
    return inspect(engine or default_engine()).has_table(name)
