"""Start the real servers once for the end-to-end tests (marker ``e2e``).

Model: ``E2E_MODEL`` or models/wijkteam.tar.gz (trained by make setup).
Database: a temporary SQLite file, migrated and given the demo sociale kaart
(data/sociale_kaart/demo.csv) before the servers start.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot import paths


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    from bot.bench.servers import running_servers

    model = Path(os.environ.get("E2E_MODEL") or paths.MODEL_FILE)
    if not model.exists():
        pytest.skip(f"no trained model at {model}: run make setup")
    tmp = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{tmp / 'e2e.db'}"
    kaart = paths.ROOT / "data" / "sociale_kaart" / "demo.csv"
    with running_servers(model, url, tmp / "logs", kaart=kaart) as running:
        yield running


@pytest.fixture(scope="session")
def e2e_engine(servers):
    engine = create_engine(servers.database_url, future=True)
    yield engine
    engine.dispose()
