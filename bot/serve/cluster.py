"""``make cluster``: n Rasa servers, each with its action server, on PostgreSQL
and a Redis lock store, behind nginx; all under the supervisor of make run.

One function, ``cluster_services``, builds the list of services from
``ClusterSettings`` (read from the environment by ``from_env``):

  CLUSTER_SERVERS      2        number of Rasa servers (each with an action server)
  CLUSTER_RASA_PORT    5011     port of the first Rasa server; the next ones count up
  CLUSTER_ACTION_PORT  5021     port of the first action server; the next ones count up
  CLUSTER_PORT         5080     nginx, the only door: /webhooks/rest/, /socket.io/ (and the web app)
  DATABASE_URL         postgresql://postgres@127.0.0.1:5432/wijkteam
  REDIS_URL            redis://127.0.0.1:6379/1   (host, port, database of the lock store)
  REDIS_KEY_PREFIX     wijkteam  (letters and digits only; Rasa ignores any other prefix)
  SQL_POOL_SIZE, SQL_MAX_OVERFLOW   5, 5: connections per process (bot/store/db.py)

A public service behind the same nginx (the web app) is one entry of
``PUBLIC_APPS``; it is started only when its package is in the checkout.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import urlsplit

from bot import paths
from bot.serve.supervisor import Service

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/wijkteam"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"


@dataclass(frozen=True)
class PublicApp:
    """A service that nginx exposes at ``location`` (everything not the chat)."""

    name: str
    module: str
    port_env: str
    port: int
    package: str  # started only when this folder exists in the checkout

    def present(self, root: Path = paths.ROOT) -> bool:
        return (root / self.package).is_dir()


# The web app (branch `web`: ``python -m web`` on WEB_PORT) behind nginx at "/".
PUBLIC_APPS: Tuple[PublicApp, ...] = (PublicApp("web", "web", "WEB_PORT", 5031, "web"),)


@dataclass(frozen=True)
class ClusterSettings:
    rasa_ports: Tuple[int, ...] = (5011, 5012)
    action_ports: Tuple[int, ...] = (5021, 5022)
    nginx_port: int = 5080
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    redis_key_prefix: str = "wijkteam"
    pool_size: int = 5
    max_overflow: int = 5
    run_dir: Path = paths.VAR / "cluster"
    public_apps: Tuple[PublicApp, ...] = field(default_factory=lambda: tuple(a for a in PUBLIC_APPS if a.present()))
    show_upstream: bool = False  # tests: nginx names the server that answered (X-Wijkteam-Upstream)

    @classmethod
    def from_env(cls, env: Mapping[str, str], **overrides) -> "ClusterSettings":
        def number(name: str, default: int) -> int:
            return int(env.get(name) or default)

        servers = number("CLUSTER_SERVERS", 2)
        first_rasa, first_action = number("CLUSTER_RASA_PORT", 5011), number("CLUSTER_ACTION_PORT", 5021)
        values: Dict[str, Any] = dict(
            rasa_ports=tuple(first_rasa + i for i in range(servers)),
            action_ports=tuple(first_action + i for i in range(servers)), nginx_port=number("CLUSTER_PORT", 5080),
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            redis_url=env.get("REDIS_URL") or DEFAULT_REDIS_URL,
            redis_key_prefix=env.get("REDIS_KEY_PREFIX") or "wijkteam",
            pool_size=number("SQL_POOL_SIZE", 5), max_overflow=number("SQL_MAX_OVERFLOW", 5),
        )
        values.update(overrides)
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        if self.servers < 1 or len(self.action_ports) != self.servers:
            raise ValueError("CLUSTER_SERVERS must be at least 1, with one action server per Rasa server")
        if not self.redis_key_prefix.isalnum():
            raise ValueError("REDIS_KEY_PREFIX may hold letters and digits only (Rasa ignores any other prefix)")
        if not self.database_url.startswith("postgresql"):
            raise ValueError("the cluster needs PostgreSQL (DATABASE_URL): SQLite cannot be shared by servers")

    @property
    def servers(self) -> int:
        return len(self.rasa_ports)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    def redis_env(self) -> Dict[str, str]:
        """REDIS_URL as the variables endpoints.cluster.yml reads."""
        parts = urlsplit(self.redis_url)
        return {
            "REDIS_HOST": parts.hostname or "127.0.0.1", "REDIS_PORT": str(parts.port or 6379),
            "REDIS_DB": (parts.path or "/1").strip("/") or "1", "REDIS_PASSWORD": parts.password or "",
            "REDIS_KEY_PREFIX": self.redis_key_prefix,
        }

    def shared_env(self) -> Dict[str, str]:
        return {"DATABASE_URL": self.database_url, "SQL_POOL_SIZE": str(self.pool_size),
                "SQL_MAX_OVERFLOW": str(self.max_overflow), **self.redis_env()}


def cluster_services(settings: ClusterSettings, nginx_binary: Optional[str]) -> List[Service]:
    """Every service of the cluster, in start order: action and Rasa servers, public apps, nginx."""
    from bot.serve.nginx import write_config

    python = sys.executable
    shared = settings.shared_env()
    listed: List[Service] = []
    for n, (rasa_port, action_port) in enumerate(zip(settings.rasa_ports, settings.action_ports, strict=True), start=1):
        ports = {"ACTION_PORT": str(action_port), "RASA_PORT": str(rasa_port)}
        listed.append(Service(f"actions-{n}", [python, "-m", "actions.server"],
                              f"http://127.0.0.1:{action_port}/health", {**shared, **ports}))
        listed.append(Service(f"rasa-{n}", [python, "-m", "bot.rasa_adapters.server"],
                              f"http://127.0.0.1:{rasa_port}/",
                              {**shared, **ports, "RASA_ENDPOINTS": "endpoints.cluster.yml"}))
    for app in settings.public_apps:
        listed.append(Service(app.name, [python, "-m", app.module], f"http://127.0.0.1:{app.port}/",
                              {**shared, app.port_env: str(app.port)}))
    if nginx_binary:
        config = write_config(settings)
        listed.append(Service("nginx", [nginx_binary, "-c", str(config)], f"{settings.url}/nginx-health"))
    return listed


def prepare(settings: ClusterSettings) -> List[str]:
    """Create the database when missing and migrate it; check Redis. The problems found (empty: ready)."""
    import subprocess

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    problems = []
    url = make_url(settings.database_url)
    try:
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
        with admin.connect() as conn:
            if not conn.execute(text("select 1 from pg_database where datname = :d"), {"d": url.database}).first():
                conn.execute(text(f'create database "{url.database}"'))
        admin.dispose()
        env = {**os.environ, "DATABASE_URL": settings.database_url}
        subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=paths.ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    except Exception as exc:  # reported to the person starting the cluster
        problems.append(f"PostgreSQL at {url.host}:{url.port or 5432}: {type(exc).__name__}: {exc}")
    try:
        import redis  # type: ignore[import-untyped]  # redis 4 ships no types; only ping() is used here

        redis.Redis.from_url(settings.redis_url, socket_timeout=3).ping()
    except Exception as exc:
        problems.append(f"Redis at {settings.redis_url}: {type(exc).__name__}: {exc}")
    return problems


def drop_database(settings: ClusterSettings) -> None:
    """Remove the cluster's database (a throwaway one of a test or benchmark), closing its connections first."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(settings.database_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("select pg_terminate_backend(pid) from pg_stat_activity where datname = :d"),
                         {"d": url.database})
            conn.execute(text(f'drop database if exists "{url.database}"'))
    finally:
        admin.dispose()
