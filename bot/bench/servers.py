"""Start the action server and the Rasa server on free ports, and stop them.

Used by the end-to-end tests and the conversation benchmark. Plain
subprocesses: nothing here imports Rasa. Each server runs in its own process
group so stopping it also stops its workers.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

from bot import paths

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


@dataclass
class Servers:
    rasa_url: str
    action_url: str
    database_url: str
    log_dir: Path

    def say(self, sender: str, message: str, metadata: Optional[Dict[str, Any]] = None,
            timeout: float = 60.0) -> List[Dict[str, Any]]:
        payload: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            payload["metadata"] = metadata
        return http_json(f"{self.rasa_url}/webhooks/rest/webhook", payload, timeout=timeout)

    def parse(self, text: str, timeout: float = 60.0) -> Dict[str, Any]:
        return http_json(f"{self.rasa_url}/model/parse", {"text": text}, timeout=timeout)


def _wait(url: str, proc: subprocess.Popen, name: str, log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} stopped with exit code {proc.returncode}; see {log}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(1.0)
    raise TimeoutError(f"{name} not ready after {READY_TIMEOUT:.0f}s; see {log}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@contextmanager
def running_servers(model: Path, database_url: str, log_dir: Path,
                    extra_env: Optional[Dict[str, str]] = None, kaart: Optional[Path] = None) -> Iterator[Servers]:
    """Both servers on free ports with ``database_url``; stopped on exit.

    ``kaart``: a sociale kaart file imported into the database first (offers in the answers).
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    rasa_port, action_port = free_port(), free_port()
    env = dict(os.environ, DATABASE_URL=database_url, ACTION_PORT=str(action_port), RASA_TELEMETRY_ENABLED="false",
               TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore", **(extra_env or {}))
    bin_dir = Path(sys.executable).parent
    rasa = str(bin_dir / "rasa")
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=paths.ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    if kaart is not None:
        subprocess.run([sys.executable, "-m", "bot", "kaart", "import", str(kaart)], cwd=paths.ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
    action_log, rasa_log = log_dir / "actions.log", log_dir / "rasa.log"
    procs: List[subprocess.Popen] = []
    try:
        with open(action_log, "wb") as out:
            procs.append(subprocess.Popen(
                [rasa, "run", "actions", "--actions", "actions", "-p", str(action_port)],
                cwd=paths.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        with open(rasa_log, "wb") as out:
            procs.append(subprocess.Popen(
                [rasa, "run", "--enable-api", "-i", "127.0.0.1", "-p", str(rasa_port), "-m", str(model),
                 "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
                cwd=paths.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        deadline = time.monotonic() + READY_TIMEOUT
        _wait(f"http://127.0.0.1:{action_port}/health", procs[0], "action server", action_log, deadline)
        _wait(f"http://127.0.0.1:{rasa_port}/status", procs[1], "rasa server", rasa_log, deadline)
        yield Servers(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", database_url, log_dir)
    finally:
        for proc in reversed(procs):
            _stop(proc)
