"""Alembic creates every table, on SQLite and PostgreSQL, and is idempotent."""

from sqlalchemy import inspect

from bot.store import db


def test_upgrade_creates_tables_and_is_idempotent(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"aanmelding", "opvolging", "feedback", "audit_log", "alembic_version"} <= tables
    db.upgrade(engine)  # a second run changes nothing and does not fail
    assert db.current_revision(engine) == db.head_revision()
