"""The supervisor of make run, on tiny real processes (python -m http.server)."""

from __future__ import annotations

import sys
import time

from bot.bench.servers import free_port
from bot.serve.supervisor import Service, Supervisor, is_ready


def _server(tmp_path, name="web"):
    port = free_port()
    return Service(name, [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                   f"http://127.0.0.1:{port}/"), port


def test_a_service_that_dies_is_restarted_and_reported(tmp_path):
    service, _ = _server(tmp_path)
    lines = []
    supervisor = Supervisor([service], tmp_path / "log", tmp_path, report=lines.append)
    try:
        assert supervisor.start(timeout=60)
        run = supervisor.running["web"]
        first = run.proc.pid
        run.proc.kill()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and run.restarts == 0:
            supervisor.check()
            time.sleep(0.2)
        assert run.restarts == 1 and run.proc.pid != first
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not is_ready(service.ready_url):
            time.sleep(0.2)
        assert is_ready(service.ready_url)
        assert any("stopped" in line for line in lines) and any("restarted" in line for line in lines)
    finally:
        supervisor.stop()
    assert run.proc.poll() is not None


def test_a_service_that_fails_to_start_stops_the_start(tmp_path):
    bad = Service("kapot", [sys.executable, "-c", "import sys; print('boem'); sys.exit(3)"], "http://127.0.0.1:9/")
    lines = []
    supervisor = Supervisor([bad], tmp_path / "log", tmp_path, report=lines.append)
    assert supervisor.start(timeout=30) is False
    assert any("exit code 3" in line for line in lines)


def test_a_held_service_stays_down_until_released(tmp_path):
    service, _ = _server(tmp_path)
    supervisor = Supervisor([service], tmp_path / "log", tmp_path, report=lambda line: None)
    try:
        assert supervisor.start(timeout=60)
        supervisor.hold("web")
        for _ in range(5):
            supervisor.check()
        assert not is_ready(service.ready_url) and supervisor.running["web"].restarts == 0
        assert supervisor.release("web", timeout=60)
    finally:
        supervisor.stop()
