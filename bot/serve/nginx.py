"""The nginx configuration of ``make cluster``, written from ``ClusterSettings``.

nginx runs in the foreground under the supervisor (``daemon off``), on
127.0.0.1 only, with its pid, temp files and error log in the cluster's run
folder. It includes the same locations file as a gemeente's site
(deploy/nginx/wijkteam-locations.conf), with:

- one upstream of every Rasa server, ``hash $wijkteam_sticky consistent``:
  a REST message goes to the server of its ``sender`` (read from the body,
  which the locations file keeps in memory), socket.io to the server of the
  client's address, so its rooms stay in one process (sticky sessions);
- passive health checks (``max_fails``/``fail_timeout``) and
  ``proxy_next_upstream`` including non-idempotent requests: a message sent
  to a server that died is passed to the next one (a repeated turn is better
  than a lost message); the supervisor restarts the dead server;
- ``/nginx-health`` for the supervisor's readiness check, and the public
  apps (the web app) at ``/``; everything else is 404.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

from bot import paths

LOCATIONS = paths.ROOT / "deploy" / "nginx" / "wijkteam-locations.conf"
HTTP_SNIPPET = paths.ROOT / "deploy" / "nginx" / "wijkteam-http.conf"


def nginx_binary() -> Optional[str]:
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None


def render(settings) -> str:
    run_dir = Path(settings.run_dir)
    temp = "\n".join(f"  {kind}_temp_path {run_dir}/{kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in settings.rasa_ports)
    apps = "".join(f"  upstream wijkteam_{a.name} {{ server 127.0.0.1:{a.port}; keepalive 8; }}\n"
                   for a in settings.public_apps)
    root = (f"""    location / {{
      proxy_pass http://wijkteam_{settings.public_apps[0].name};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}""" if settings.public_apps else "    location / { return 404; }")
    user = "user root;\n" if os.geteuid() == 0 else ""
    upstream_header = "    add_header X-Wijkteam-Upstream $upstream_addr always;\n" if settings.show_upstream else ""
    return f"""# Written by make cluster (bot/serve/nginx.py); changes are overwritten.
daemon off;
{user}worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
{temp}
  include {HTTP_SNIPPET};
  upstream wijkteam_rasa {{
    hash $wijkteam_sticky consistent;
{servers}
    keepalive 32;
  }}
{apps}  server {{
    listen 127.0.0.1:{settings.nginx_port};
{upstream_header}    proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    proxy_next_upstream_tries {max(2, settings.servers)};
    proxy_connect_timeout 2s;
    include {LOCATIONS};
    location = /nginx-health {{ access_log off; return 200 "ok\\n"; }}
{root}
  }}
}}
"""


def write_config(settings) -> Path:
    run_dir = Path(settings.run_dir)
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / kind).mkdir(parents=True, exist_ok=True)
    path = run_dir / "nginx.conf"
    path.write_text(render(settings), encoding="utf-8")
    return path
