"""Every kaart test starts with an empty search cache."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_search_cache():
    from bot.kaart.index import invalidate

    invalidate()
    yield
    invalidate()
