"""Start the real servers once for the end-to-end tests (marker ``e2e``).

Model: ``E2E_MODEL`` or models/wijkteam.tar.gz (trained by make setup).
Database: a temporary SQLite file, migrated before the servers start.
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
    with running_servers(model, url, tmp / "logs") as running:
        yield running


@pytest.fixture(scope="session")
def e2e_engine(servers):
    engine = create_engine(servers.database_url, future=True)
    yield engine
    engine.dispose()


def _socketio_client_on_aiohttp_39() -> None:
    """Let python-engineio 4.15's asyncio *client* open a WebSocket on aiohttp 3.9.

    The client builds ``aiohttp.ClientWSTimeout`` (aiohttp 3.10+), while Rasa
    3.6 pins aiohttp 3.9, whose ``ws_connect`` takes the close timeout as a
    number. Only the test client is affected; the server side needs nothing.
    """
    import aiohttp

    if not hasattr(aiohttp, "ClientWSTimeout"):
        aiohttp.ClientWSTimeout = lambda ws_close=None, **_: float(ws_close or 10.0)  # type: ignore[attr-defined]


_socketio_client_on_aiohttp_39()
