"""Shared fixtures: fresh databases on SQLite and, when reachable, PostgreSQL.

PostgreSQL tests use ``TEST_POSTGRES_URL`` (default: the server on
127.0.0.1:5432 with trust auth). Each test session creates its own database
and drops it afterwards. Where no server answers, those tests are skipped and
``make test`` says so plainly.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


def _pg_admin_url() -> str:
    return os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG)


def postgres_available() -> bool:
    try:
        engine = create_engine(_pg_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_server_url():
    """URL of a fresh PostgreSQL database for this test session."""
    if not postgres_available():
        pytest.skip(f"PostgreSQL not reachable at {make_url(_pg_admin_url()).render_as_string()}")
    name = f"wijkteam_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(_pg_admin_url()).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
        ), {"n": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("postgres_server_url")
        _reset_postgres(url)
        yield url


@pytest.fixture
def engine(db_url):
    """An engine on an empty database with every migration applied."""
    from bot.store import db

    eng = db.make_engine(db_url)
    db.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def use_database(db_url, monkeypatch):
    """Point DATABASE_URL (and the shared engine cache) at the test database."""
    from bot.store import db

    monkeypatch.setenv("DATABASE_URL", db_url)
    db.engine_for.cache_clear()
    db.upgrade(db.engine_for(db_url))
    yield db_url
    db.engine_for(db_url).dispose()
    db.engine_for.cache_clear()
