"""``python -m bot db upgrade|status``: schema migrations."""

from __future__ import annotations

import argparse

from bot.config import masked_database_url


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="database schema (Alembic migrations)")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION")
    actions.required = True
    up = actions.add_parser("upgrade", help="create or migrate every table to the newest schema")
    up.set_defaults(func=_upgrade)
    status = actions.add_parser("status", help="show the schema revision")
    status.set_defaults(func=_status)


def _upgrade(_args) -> int:
    from bot.store import db

    db.upgrade()
    print(f"database {masked_database_url()} at revision {db.current_revision()}")
    return 0


def _status(_args) -> int:
    from bot.store import db

    current, head = db.current_revision(), db.head_revision()
    print(f"database {masked_database_url()}: revision {current or 'none'} (newest {head})")
    return 0 if current == head else 1
