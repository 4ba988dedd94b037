"""Browser tests: Debian's chromium, driven by Playwright, against the real servers.

One session starts the action server, Rasa and the web app under the
supervisor of ``make run`` (temporary SQLite database with the demo sociale
kaart); the widget reaches Rasa's socket.io through a relay that a test can
cut, to drop the connection on purpose. Skipped, saying why, only
when /usr/bin/chromium is missing (make setup installs it as root).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot import paths
from bot.bench.servers import Servers, free_port, running_servers
from tests.browser.proxy import CuttableRelay

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
RESULTS = paths.ROOT / "results"
AXE = paths.ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass
class Live:
    url: str
    relay: CuttableRelay
    servers: Servers


# Package scope: Playwright's sync API keeps an event loop in this thread while
# it runs, which later asyncio tests (tests/e2e) must not inherit.
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests SKIPPED: no chromium at {CHROMIUM} "
                    "(make setup installs Debian's chromium when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def live(tmp_path_factory):
    model = Path(os.environ.get("E2E_MODEL") or paths.MODEL_FILE)
    if not model.exists():
        pytest.skip(f"no trained model at {model}: run make setup")
    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'browser.db'}"
    relay = CuttableRelay()
    web_env = {"WEB_PORT": str(free_port()), "WIDGET_SOCKET_URL": f"http://127.0.0.1:{relay.port}"}
    try:
        with running_servers(model, url, tmp / "logs", extra_env=web_env, with_web=True) as servers:
            relay.target_port = int(servers.rasa_url.rsplit(":", 1)[1])
            subprocess.run([sys.executable, "-m", "bot", "kaart", "import", str(paths.KAART_DIR / "demo.csv")],
                           cwd=paths.ROOT, env=dict(os.environ, DATABASE_URL=url), check=True,
                           stdout=subprocess.DEVNULL)
            yield Live(servers.web_url, relay, servers)
    finally:
        relay.close()


@pytest.fixture
def new_page(browser, live):
    """A fresh browser context (own sessionStorage) per call; closed after the test."""
    contexts = []

    def make(width: int = 1280, height: int = 800, bypass_csp: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=bypass_csp,
                                      locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()
