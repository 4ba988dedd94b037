"""``python -m bot.serve run`` (make run), ``cluster`` (make cluster) and ``env`` (the scripts)."""

from __future__ import annotations

import os
import shlex
import signal
import sys
from typing import List, Mapping

from bot import paths
from bot.serve.secrets import SECRETS_FILE, ensure_secrets
from bot.serve.supervisor import Service, Supervisor


def services(env: Mapping[str, str], web: bool = True) -> List[Service]:
    """The servers of ``make run``: the action server, the Rasa server and (``web``) the web app."""
    python = sys.executable
    action_port, rasa_port = env.get("ACTION_PORT", "5055"), env.get("RASA_PORT", "5005")
    listed = [
        Service("actions", [python, "-m", "actions.server"], f"http://127.0.0.1:{action_port}/health"),
        Service("rasa", [python, "-m", "bot.rasa_adapters.server"], f"http://127.0.0.1:{rasa_port}/"),
    ]
    if web:
        listed.append(Service("web", [python, "-m", "web"], f"http://127.0.0.1:{env.get('WEB_PORT', '8000')}/"))
    return listed


def banner(env: Mapping[str, str]) -> str:
    port, web_port = env.get("RASA_PORT", "5005"), env.get("WEB_PORT", "8000")
    return f"""
The wijkteam assistant is running (127.0.0.1 only).
  Web app:   http://127.0.0.1:{web_port}/  (demo gemeente page with the chat widget)
  KCC console: http://127.0.0.1:{web_port}/kcc  (first: .venv/bin/python -m bot gebruiker toevoegen NAAM --rol kcc)
  REST:      POST http://127.0.0.1:{port}/webhooks/rest/webhook
  socket.io: http://127.0.0.1:{port}/socket.io/

  curl -s -X POST http://127.0.0.1:{port}/webhooks/rest/webhook \\
       -H 'Content-Type: application/json' -d '{{"sender": "test1", "message": "hallo"}}'

  Rasa's HTTP API needs the token in {SECRETS_FILE.relative_to(paths.ROOT)} (RASA_AUTH_TOKEN):
       curl -s "http://127.0.0.1:{port}/status?token=$RASA_AUTH_TOKEN"
  Logs (redacted, rotated daily): var/log/rasa.log, var/log/actions.log, var/log/web.log

Press Ctrl-C to stop everything.
"""


def run() -> int:
    values, generated = ensure_secrets()
    env = {**os.environ, **values}
    if "RASA_AUTH_TOKEN" in generated:
        print(f"New API token for Rasa's HTTP API (shown once, kept in {SECRETS_FILE}):\n  {values['RASA_AUTH_TOKEN']}")
    supervisor = Supervisor(services(env), paths.VAR / "log", paths.ROOT, base_env=env,
                            report=lambda line: print(line, flush=True))

    def interrupt(signum, frame):  # noqa: ARG001 - signal handler signature
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    print("Starting (loading the model takes a minute)...", flush=True)
    try:
        if not supervisor.start():
            return 1
        print(banner(env), flush=True)
        supervisor.supervise()
    except KeyboardInterrupt:
        print("\nStopping the assistant...", flush=True)
    finally:
        supervisor.stop()
    return 0


def cluster() -> int:
    """make cluster: n Rasa + action servers on PostgreSQL and Redis, behind nginx."""
    from bot.serve.cluster import ClusterSettings, cluster_services, prepare
    from bot.serve.nginx import nginx_binary

    values, _ = ensure_secrets()
    env = {**os.environ, **values}
    settings = ClusterSettings.from_env(env)
    nginx = nginx_binary()
    problems = prepare(settings) + ([] if nginx else ["nginx is not installed (make setup installs it as root)"])
    if problems:
        print("The cluster cannot start:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    listed = cluster_services(settings, nginx)
    supervisor = Supervisor(listed, paths.VAR / "log", paths.ROOT, base_env=env,
                            report=lambda line: print(line, flush=True))
    signal.signal(signal.SIGTERM, lambda signum, frame: (_ for _ in ()).throw(KeyboardInterrupt()))
    print(f"Starting {settings.servers} Rasa servers (loading and warming takes a few minutes)...", flush=True)
    try:
        if not supervisor.start():
            return 1
        print(f"\nThe cluster is running: {', '.join(s.name for s in listed)}.\n"
              f"  REST:      POST {settings.url}/webhooks/rest/webhook\n"
              f"  socket.io: {settings.url}/socket.io/\n"
              f"  Logs: var/log/<service>.log. Press Ctrl-C to stop everything.", flush=True)
        supervisor.supervise()
    except KeyboardInterrupt:
        print("\nStopping the cluster...", flush=True)
    finally:
        supervisor.stop()
    return 0


def export_env() -> int:
    values, _ = ensure_secrets()
    for name, value in values.items():
        print(f"export {name}={shlex.quote(value)}")
    return 0


def main(argv: List[str]) -> int:
    commands = {"run": run, "cluster": cluster, "env": export_env}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python -m bot.serve run|cluster|env", file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
