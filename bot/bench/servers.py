"""Start the action server and the Rasa server on free ports, and stop them.

Used by the end-to-end tests and the conversation benchmark, with the same
supervisor and service definitions as ``make run`` (``bot.serve``) and
secrets of their own. Plain subprocesses: nothing here imports Rasa.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from bot import paths
from bot.inbound.role_proof import sign_role
from bot.serve.supervisor import Supervisor

READY_TIMEOUT = float(os.environ.get("E2E_READY_TIMEOUT", "600"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def http_json(url: str, payload: Optional[Dict[str, Any]] = None, timeout: float = 60.0) -> Any:
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"},
                                     method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read().decode("utf-8")
    return json.loads(body) if body.strip().startswith(("{", "[")) else body


def http_raw(url: str, body: bytes, method: str = "POST", timeout: float = 60.0,
             headers: Optional[Dict[str, str]] = None) -> Tuple[int, Any]:
    """(status, decoded JSON or text) of a request with a raw body; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


@dataclass
class Servers:
    rasa_url: str
    action_url: str
    database_url: str
    log_dir: Path
    secrets: Dict[str, str]
    supervisor: Optional[Supervisor] = None  # None: servers that someone else runs
    web_url: str = ""  # the web app, when started (with_web)

    @property
    def token(self) -> str:
        return self.secrets["RASA_AUTH_TOKEN"]

    def kcc_metadata(self, sender: str) -> Dict[str, str]:
        """The KCC role with its proof, as the KCC console sends it."""
        return {"rol": "kcc", "rol_bewijs": sign_role(sender, "kcc", self.secrets["KCC_CHANNEL_SECRET"])}

    def say(self, sender: str, message: str, metadata: Optional[Dict[str, Any]] = None,
            timeout: float = 60.0) -> List[Dict[str, Any]]:
        payload: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            payload["metadata"] = metadata
        return http_json(f"{self.rasa_url}/webhooks/rest/webhook", payload, timeout=timeout)

    def say_kcc(self, sender: str, message: str, timeout: float = 60.0) -> List[Dict[str, Any]]:
        return self.say(sender, message, metadata=self.kcc_metadata(sender), timeout=timeout)

    def post(self, body: bytes, path: str = "/webhooks/rest/webhook", timeout: float = 60.0) -> Tuple[int, Any]:
        return http_raw(f"{self.rasa_url}{path}", body, timeout=timeout)

    def parse(self, text: str, timeout: float = 60.0) -> Dict[str, Any]:
        return http_json(f"{self.rasa_url}/model/parse?token={self.token}", {"text": text}, timeout=timeout)

    def _runs(self):
        return self.supervisor.running.items() if self.supervisor else ()

    def pids(self) -> Dict[str, int]:
        return {name: run.proc.pid for name, run in self._runs() if run.proc is not None}

    def restarts(self) -> Dict[str, int]:
        return {name: run.restarts for name, run in self._runs()}

    def alive(self) -> bool:
        return all(run.proc is not None and run.proc.poll() is None for _, run in self._runs())


@contextmanager
def running_servers(model: Path, database_url: str, log_dir: Path,
                    extra_env: Optional[Dict[str, str]] = None, kaart: Optional[Path] = None,
                    with_web: bool = False) -> Iterator[Servers]:
    """Both servers (and the web app, ``with_web``) on free ports with ``database_url``, under the
    supervisor of ``make run``; stopped on exit.

    ``kaart``: a sociale kaart file imported into the database first (offers in the answers).
    """
    from bot.serve.__main__ import services
    from bot.serve.secrets import ensure_secrets

    log_dir.mkdir(parents=True, exist_ok=True)
    rasa_port, action_port = free_port(), free_port()
    secrets, _ = ensure_secrets({}, path=log_dir / "secrets.env")
    env = dict(os.environ, DATABASE_URL=database_url, ACTION_PORT=str(action_port), RASA_PORT=str(rasa_port),
               MODEL=str(model), RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore",
               **secrets, **(extra_env or {}))
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=paths.ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    if kaart is not None:
        subprocess.run([sys.executable, "-m", "bot", "kaart", "import", str(kaart)], cwd=paths.ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
    if with_web and "WEB_PORT" not in (extra_env or {}):
        env["WEB_PORT"] = str(free_port())
    supervisor = Supervisor(services(env, web=with_web), log_dir, paths.ROOT, base_env=env, report=lambda line: None)
    if not supervisor.start(timeout=READY_TIMEOUT):
        raise RuntimeError(f"the servers did not start; see {log_dir}")
    watcher = threading.Thread(target=supervisor.supervise, args=(0.5,), daemon=True)
    watcher.start()
    try:
        yield Servers(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", database_url, log_dir,
                      secrets, supervisor, f"http://127.0.0.1:{env['WEB_PORT']}" if with_web else "")
    finally:
        supervisor.stop()
        watcher.join(timeout=5)
