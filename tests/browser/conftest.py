"""Browser tests: Debian's chromium, driven by Playwright, against the real servers.

One session starts the action server and Rasa (temporary SQLite database with
the demo sociale kaart), a cuttable relay in front of Rasa's socket.io (to
drop the connection on purpose) and the web app. Skipped, saying why, only
when /usr/bin/chromium is missing (make setup installs it as root).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
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


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests SKIPPED: no chromium at {CHROMIUM} "
                    "(make setup installs Debian's chromium when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory):
    model = Path(os.environ.get("E2E_MODEL") or paths.MODEL_FILE)
    if not model.exists():
        pytest.skip(f"no trained model at {model}: run make setup")
    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'browser.db'}"
    web_port = free_port()
    origin = f"http://127.0.0.1:{web_port}"
    with running_servers(model, url, tmp / "logs", extra_env={"RASA_CORS": origin}) as servers:
        env = dict(os.environ, DATABASE_URL=url)
        subprocess.run([sys.executable, "-m", "bot", "kaart", "import", str(paths.KAART_DIR / "demo.csv")],
                       cwd=paths.ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        relay = CuttableRelay(int(servers.rasa_url.rsplit(":", 1)[1]))
        web_env = dict(env, WEB_PORT=str(web_port), WIDGET_SOCKET_URL=f"http://127.0.0.1:{relay.port}")
        with open(tmp / "logs" / "web.log", "wb") as log:
            web = subprocess.Popen([sys.executable, "-m", "web"], cwd=paths.ROOT, env=web_env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(origin + "/", web)
            yield Live(origin, relay, servers)
        finally:
            web.terminate()
            web.wait(timeout=10)
            relay.close()


def _wait_for(url: str, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"web app stopped with exit code {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"web app not ready at {url}")


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
