"""Start services, wait until they are ready, restart one that dies, stop them all.

A service is a command with a readiness URL. Each runs in its own process
group (so stopping it stops its workers), with its output going through
``ServiceLog`` (redacted, rotated). A service that dies after it was ready
is restarted with a growing pause (1 s, 2 s, 4 s ... 30 s; back to 1 s
after it has run for a minute), and the restart is reported on the
terminal. A service that dies before it was ever ready stops the start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence

from bot.serve.logfiles import ServiceLog

MAX_PAUSE = 30.0
STABLE_AFTER = 60.0


@dataclass
class Service:
    name: str
    argv: Sequence[str]
    ready_url: str
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass
class _Running:
    service: Service
    log: ServiceLog
    proc: Optional[subprocess.Popen] = None
    started: float = 0.0
    pause: float = 1.0
    restarts: int = 0
    next_start: Optional[float] = None
    held: bool = False


def is_ready(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
        return True
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        return False


def stop_process(proc: subprocess.Popen, grace: float = 20.0) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=grace)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


class Supervisor:
    def __init__(self, services: Sequence[Service], log_dir: Path, cwd: Path,
                 report: Callable[[str], None] = print, base_env: Optional[Mapping[str, str]] = None) -> None:
        self.cwd = cwd
        self.report = report
        self.base_env = dict(os.environ if base_env is None else base_env)
        self.running: Dict[str, _Running] = {s.name: _Running(s, ServiceLog(s.name, log_dir)) for s in services}
        self._stopping = False

    def _spawn(self, run: _Running) -> None:
        env = {**self.base_env, **run.service.env}
        run.proc = subprocess.Popen(list(run.service.argv), cwd=self.cwd, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        assert run.proc.stdout is not None  # stdout=PIPE
        run.log.follow(run.proc.stdout)
        run.started = time.monotonic()
        run.next_start = None

    def start(self, timeout: float = 600.0) -> bool:
        """Start every service and wait until all are ready; False (all stopped) when one fails."""
        for run in self.running.values():
            self._spawn(run)
        deadline = time.monotonic() + timeout
        waiting = set(self.running)
        while waiting and time.monotonic() < deadline and not self._stopping:
            for name in sorted(waiting):
                run = self.running[name]
                if run.proc is not None and run.proc.poll() is not None:
                    self.report(f"{name} stopped while starting (exit code {run.proc.returncode}). "
                                f"Last lines of {run.log.path}:")
                    for line in run.log.recent()[-10:]:
                        self.report(f"  {line}")
                    self.stop()
                    return False
                if is_ready(run.service.ready_url):
                    waiting.discard(name)
                    self.report(f"{name} is ready.")
            time.sleep(0.5)
        if waiting:
            self.report(f"Not ready within {timeout:.0f} s: {', '.join(sorted(waiting))}.")
            self.stop()
            return False
        return True

    def check(self) -> List[str]:
        """One supervision round: restart what died (after its pause); the names restarted."""
        restarted = []
        now = time.monotonic()
        for name, run in self.running.items():
            if self._stopping or run.proc is None or run.held:
                continue
            code = run.proc.poll()
            if code is None:
                if now - run.started > STABLE_AFTER:
                    run.pause = 1.0
                continue
            if run.next_start is None:
                run.next_start = now + run.pause
                self.report(f"{name} stopped (exit code {code}); restarting in {run.pause:.0f} s. "
                            f"See {run.log.path}.")
            elif now >= run.next_start:
                run.pause = min(run.pause * 2, MAX_PAUSE)
                run.restarts += 1
                self._spawn(run)
                restarted.append(name)
                self.report(f"{name} restarted (restart {run.restarts}).")
        return restarted

    def hold(self, name: str) -> None:
        """Stop one service and keep it stopped (maintenance, or a test of the fault path)."""
        run = self.running[name]
        run.held = True
        if run.proc is not None:
            stop_process(run.proc)
        self.report(f"{name} stopped and held.")

    def release(self, name: str, timeout: float = 600.0) -> bool:
        """Start a held service again and wait until it is ready."""
        run = self.running[name]
        self._spawn(run)
        run.held = False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if is_ready(run.service.ready_url):
                self.report(f"{name} is ready again.")
                return True
            time.sleep(0.5)
        return False

    def supervise(self, interval: float = 1.0) -> None:
        """Check every ``interval`` seconds until ``stop()``."""
        while not self._stopping:
            self.check()
            time.sleep(interval)

    def stop(self) -> None:
        self._stopping = True
        for run in reversed(list(self.running.values())):
            if run.proc is not None:
                stop_process(run.proc)
        for run in self.running.values():
            run.log.close()
