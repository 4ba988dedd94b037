"""The reverse-proxy example (deploy/nginx/) exposes the chat channels and nothing else.

Runs Debian's nginx (installed by make setup when missing) on a free
loopback port in front of the e2e Rasa server, with the project's
locations file included as a gemeente would include it.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import time
import uuid

import pytest
import socketio

from bot import paths
from bot.bench.servers import free_port, http_raw

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


@pytest.fixture(scope="module")
def proxy(servers, tmp_path_factory):
    if NGINX is None:
        pytest.skip("nginx is not installed (make setup installs Debian's nginx-light when run as root)")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    rasa_port = int(servers.rasa_url.rsplit(":", 1)[1])
    temp_paths = "\n".join(f"  {kind}_temp_path {tmp}/{kind};" for kind in
                           ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(f"""
daemon off;
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 128; }}
http {{
  access_log off;
{temp_paths}
  upstream wijkteam_rasa {{ server 127.0.0.1:{rasa_port}; }}
  server {{
    listen 127.0.0.1:{port};
    include {paths.ROOT}/deploy/nginx/wijkteam-locations.conf;
    location / {{ return 404; }}
  }}
}}
""")
    check = subprocess.run([NGINX, "-t", "-c", str(tmp / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(tmp / "nginx.conf")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if http_raw(f"{url}/", b"", method="GET", timeout=2)[0] == 404:
                break
        except OSError:  # not listening yet
            time.sleep(0.2)
    assert proc.poll() is None, (tmp / "error.log").read_text() if (tmp / "error.log").exists() else "nginx stopped"
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_the_rest_channel_passes_the_proxy(proxy):
    body = json.dumps({"sender": f"nginx-{uuid.uuid4().hex[:8]}", "message": "hallo"}).encode()
    status, answer = http_raw(f"{proxy}/webhooks/rest/webhook", body)
    assert status == 200 and any(r.get("text") for r in answer), answer


@pytest.mark.parametrize("method,path", [
    ("GET", "/conversations/iemand/tracker"), ("GET", "/status"), ("DELETE", "/model"), ("POST", "/model/train"),
    ("POST", "/model/parse"), ("GET", "/domain"), ("GET", "/webhooks/rest/webhook"), ("GET", "/version"),
])
def test_nothing_else_is_exposed(proxy, servers, method, path):
    status, _ = http_raw(f"{proxy}{path}?token={servers.token}", b"{}", method=method)
    assert status in (403, 404, 405), (method, path, status)


def test_a_large_body_is_stopped_at_the_proxy(proxy):
    status, _ = http_raw(f"{proxy}/webhooks/rest/webhook", b'{"sender": "a", "message": "' + b"x" * 100_000 + b'"}')
    assert status == 413


def test_socketio_works_through_the_proxy(proxy):
    async def talk():
        received, confirmed = [], []
        client = socketio.AsyncClient(reconnection=False)
        client.on("bot_uttered", lambda data: received.append(data))
        client.on("session_confirm", lambda session_id: confirmed.append(session_id))
        await client.connect(proxy, socketio_path="/socket.io", transports=["websocket"], wait_timeout=30)
        await client.emit("session_request", {"session_id": uuid.uuid4().hex})
        deadline = asyncio.get_running_loop().time() + 30
        while not confirmed and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        await client.emit("user_uttered", {"message": "hallo"})
        deadline = asyncio.get_running_loop().time() + 60
        while not received and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)
        await client.disconnect()
        return received

    received = asyncio.run(asyncio.wait_for(talk(), timeout=120))
    assert any("112" in (r.get("text") or "") for r in received), received
