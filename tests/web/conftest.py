"""A web app on the real settings and node_modules, for Flask's test client."""

from __future__ import annotations

import pytest

from web import create_app
from web.config import WebConfig


@pytest.fixture
def web_config():
    return WebConfig.from_env({"WEB_PORT": "8123", "RASA_PORT": "5999", "WEB_SECRET_KEY": "test"})


@pytest.fixture
def client(web_config):
    return create_app(web_config).test_client()
