"""make cluster's design on free ports: two Rasa servers (each with its action
server) on one PostgreSQL database and a Redis lock store, behind nginx.

Built by the same function as make cluster (``cluster_services``). The
database is created for this module and dropped after; Redis is a private
redis-server on a free port (so restarting it touches nobody else), or the
machine's Redis with a key prefix of this run when the binary is missing
(then the restart check is skipped). Needs PostgreSQL (marker ``postgres``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot import paths
from bot.bench.driver import converse
from bot.bench.servers import READY_TIMEOUT, free_port, http_json, port_in_use

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

PHONE, NAME, POSTCODE = "06 12345678", "Fatima Bakker", "8011 AB"
TECHNISCH = "er ging iets mis aan onze kant"
REDIS_SERVER = shutil.which("redis-server")


class PrivateRedis:
    def __init__(self, folder: Path) -> None:
        self.port, self.folder, self.proc = free_port(), folder, None

    def start(self) -> None:
        self.proc = subprocess.Popen([REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.folder)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while not port_in_use(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    from bot.serve.cluster import ClusterSettings, cluster_services, drop_database, prepare
    from bot.serve.nginx import nginx_binary
    from bot.serve.secrets import ensure_secrets
    from bot.serve.supervisor import Supervisor
    from tests.conftest import _pg_admin_url, postgres_available

    if not postgres_available():
        pytest.skip("no PostgreSQL server: the cluster needs one")
    tmp = tmp_path_factory.mktemp("cluster")
    redis = PrivateRedis(tmp) if REDIS_SERVER else None
    if redis:
        redis.start()
    run = uuid.uuid4().hex[:10]
    admin_url = _pg_admin_url()
    database = f"wijkteam_cluster_{run}"
    settings = ClusterSettings(
        rasa_ports=(free_port(), free_port()), action_ports=(free_port(), free_port()), nginx_port=free_port(),
        database_url=admin_url.rsplit("/", 1)[0] + f"/{database}",
        redis_url=f"redis://127.0.0.1:{redis.port if redis else 6379}/1", redis_key_prefix=f"wijkteamtest{run}",
        run_dir=tmp / "run", public_apps=(), show_upstream=True)
    assert prepare(settings) == []
    secrets, _ = ensure_secrets({}, path=tmp / "secrets.env")
    env = dict(os.environ, MODEL=str(paths.MODEL_FILE), **secrets)
    supervisor = Supervisor(cluster_services(settings, nginx_binary()), tmp / "logs", paths.ROOT, base_env=env,
                            report=lambda line: None)
    watcher = threading.Thread(target=supervisor.supervise, args=(0.5,), daemon=True)
    try:
        assert supervisor.start(timeout=READY_TIMEOUT), f"the cluster did not start; see {tmp / 'logs'}"
        watcher.start()
        engine = create_engine(settings.database_url, future=True)
        yield settings, supervisor, engine, redis
        engine.dispose()
    finally:
        supervisor.stop()
        if redis:
            redis.stop()
        drop_database(settings)


def _wait_until_ready(urls) -> None:
    from bot.serve.supervisor import is_ready

    deadline = time.monotonic() + READY_TIMEOUT
    while not all(is_ready(f"{url}/") for url in urls):
        assert time.monotonic() < deadline, "a Rasa server of the cluster did not come back"
        time.sleep(1)


def _say(url: str, sender: str, message: str):
    return http_json(f"{url}/webhooks/rest/webhook", {"sender": sender, "message": message}, timeout=180)


def _say_through_nginx(url: str, sender: str, message: str):
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=180) as response:
        return json.loads(response.read()), response.headers.get("X-Wijkteam-Upstream", "")


def _events(engine, sender: str):
    with engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(
            text("select data from events where sender_id = :s order by id"), {"s": sender})]


def _check_conversation(convo, engine) -> None:
    assert convo.reference and convo.finished, convo.all_texts
    assert not any(TECHNISCH in t.lower() for t in convo.all_texts), convo.all_texts
    stored = _events(engine, convo.sender)
    users = [e for e in stored if e["event"] == "user"]
    assert len(users) >= len(convo.turns), "a message of the conversation was not stored"
    raw = json.dumps(stored, ensure_ascii=False)
    for identifier in (PHONE, PHONE.replace(" ", ""), "+31612345678", NAME, POSTCODE):
        assert identifier not in raw, f"raw identifier {identifier!r} stored on PostgreSQL"


def test_alternating_servers_keep_the_state_and_erasure_works(cluster):
    settings, _, engine, _ = cluster
    urls = [f"http://127.0.0.1:{port}" for port in settings.rasa_ports]
    sender, turn = f"cluster-alt-{uuid.uuid4().hex[:8]}", iter(range(1000))
    convo = converse(lambda m: _say(urls[next(turn) % 2], sender, m), sender, ["hallo"],
                     "Ik heb steeds meer schulden en ik slaap er slecht van")
    assert len(convo.turns) >= 6
    _check_conversation(convo, engine)

    from bot.aanmelding.erasure import verwijder

    report = verwijder(convo.reference, engine=engine)
    assert report.gevonden and report.events > 0
    assert _events(engine, sender) == []


def test_a_killed_server_s_conversation_goes_on_through_nginx(cluster):
    settings, supervisor, engine, _ = cluster
    sender = f"cluster-kill-{uuid.uuid4().hex[:8]}"
    upstreams, killed = [], []

    def say(message: str):
        replies, upstream = _say_through_nginx(settings.url, sender, message)
        upstreams.append(upstream)
        if len(upstreams) == 2:  # mid-conversation: kill the server that has it
            name = f"rasa-{[f'127.0.0.1:{p}' for p in settings.rasa_ports].index(upstream.split(',')[0]) + 1}"
            os.killpg(supervisor.running[name].proc.pid, signal.SIGKILL)
            killed.append(upstream)
        return replies

    convo = converse(say, sender, ["hallo"], "Mijn zoon van 12 wordt gepest en wil niet meer naar school")
    assert killed and any(u and u != killed[0] for u in upstreams[2:]), upstreams
    _check_conversation(convo, engine)
    _wait_until_ready([f"http://127.0.0.1:{port}" for port in settings.rasa_ports])  # restarted, warm again
    assert supervisor.running[f"rasa-{[f'127.0.0.1:{p}' for p in settings.rasa_ports].index(killed[0]) + 1}"].restarts == 1


def test_retention_deletes_old_conversations_on_postgresql(cluster):
    settings, _, engine, _ = cluster
    sender = f"cluster-old-{uuid.uuid4().hex[:8]}"
    assert _say(f"http://127.0.0.1:{settings.rasa_ports[0]}", sender, "hallo")
    from bot.aanmelding.retention import opschonen

    opschonen(uitvoeren=True, engine=engine, now=datetime.now(timezone.utc) + timedelta(days=400))
    assert _events(engine, sender) == []


def test_a_redis_restart_loses_no_conversation(cluster):
    settings, _, engine, redis = cluster
    if redis is None:
        pytest.skip("redis-server is not installed: the machine's shared Redis is not restarted by tests")
    urls = [f"http://127.0.0.1:{port}" for port in settings.rasa_ports]
    _wait_until_ready(urls)  # the server killed in the test above is back (restarted by the supervisor)
    sender, turns = f"cluster-redis-{uuid.uuid4().hex[:8]}", []

    def say(message: str):
        turns.append(message)
        if len(turns) == 3:
            redis.stop()
            redis.start()
        return _say(urls[len(turns) % 2], sender, message)

    convo = converse(say, sender, ["hallo"], "Ik zorg elke dag voor mijn moeder en ik kan het niet meer aan")
    _check_conversation(convo, engine)
