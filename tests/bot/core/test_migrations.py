"""Alembic creates every table, on SQLite and PostgreSQL, and is idempotent.

The migrations live in bot/migrations (they moved from bot/store/migrations,
issue #13) with the same revision ids, so a database made before the move
upgrades cleanly, and the schema they build is exactly what the packages'
models declare.
"""

import os
import sqlite3
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from bot import paths
from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.privacy.models import AuditEntry
from bot.store import db

OLD_LAYOUT = paths.ROOT / "tests" / "data" / "db" / "layout_0002_kaart.sql"
ALL_TABLES = {
    "aanmelding", "opvolging", "feedback", "audit_log", "alembic_version",
    "kaart_organisatie", "kaart_locatie", "kaart_aanbod", "kaart_aanbod_thema",
    "kaart_werkgebied", "kaart_aanbod_locatie", "kaart_meta",
}


def _known(diff) -> bool:
    """The one difference older than the move: 0001_core makes aanmelding.referentie
    unique with a constraint plus a plain index, the model says ``unique=True,
    index=True`` (a unique index). Both refuse a duplicate reference."""
    name = getattr(diff[1], "name", None)
    columns = [c.name for c in getattr(diff[1], "columns", [])]
    return diff[0] in ("add_index", "remove_index") and name == "ix_aanmelding_referentie" or (
        diff[0] == "remove_constraint" and columns == ["referentie"]
    )


def _schema_differences(engine):
    from bot.kaart import models as _kaart  # noqa: F401  (every package's tables on Base)

    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), db.Base.metadata)
    return [d for d in diffs if not _known(d)]


def test_upgrade_creates_tables_and_is_idempotent(engine):
    tables = set(inspect(engine).get_table_names())
    assert ALL_TABLES <= tables
    db.upgrade(engine)  # a second run changes nothing and does not fail
    assert db.current_revision(engine) == db.head_revision()


def test_the_revision_history_is_unchanged():
    # the revisions made before the move keep their ids; later ones follow them
    assert db.head_revision() == "0004_review"
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(db.MIGRATIONS))
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == [
        "0001_core", "0002_kaart", "0003_accounts", "0004_review"]
    assert db.MIGRATIONS == paths.ROOT / "bot" / "migrations"


def test_a_fresh_database_matches_every_package_model(engine):
    assert _schema_differences(engine) == []


def test_upgrading_step_by_step_reaches_the_same_schema(db_url):
    engine = db.make_engine(db_url)
    try:
        db.upgrade(engine, "0001_core")
        assert db.current_revision(engine) == "0001_core"
        assert "kaart_aanbod" not in inspect(engine).get_table_names()
        db.upgrade(engine)
        assert db.current_revision(engine) == db.head_revision()
        assert _schema_differences(engine) == []
    finally:
        engine.dispose()


def test_a_database_of_the_old_layout_upgrades_and_keeps_its_rows(tmp_path):
    """A SQLite file made by the previous head (bot/store/migrations, 0002_kaart)."""
    path = tmp_path / "oud.db"
    con = sqlite3.connect(path)
    con.executescript(OLD_LAYOUT.read_text(encoding="utf-8"))
    con.close()
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        assert db.current_revision(engine) == "0002_kaart"
        db.upgrade(engine)
        assert db.current_revision(engine) == db.head_revision()
        assert _schema_differences(engine) == []
        with db.session_scope(engine) as session:
            aanmelding = session.execute(select(Aanmelding)).scalar_one()
            assert aanmelding.referentie == "WT-OUD-0001"
            assert session.execute(select(Feedback)).scalar_one().aanmelding_id == aanmelding.id
            assert session.execute(select(Opvolging)).scalar_one().terugbellen is True
            assert session.execute(select(AuditEntry)).scalar_one().actie == "opschonen"
    finally:
        engine.dispose()


def test_the_command_line_upgrades(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "PYTHONPATH": str(paths.ROOT)}
    up = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], env=env, capture_output=True, text=True)
    assert up.returncode == 0, up.stderr
    assert "at revision 0004_review" in up.stdout
    status = subprocess.run([sys.executable, "-m", "bot", "db", "status"], env=env, capture_output=True, text=True)
    assert status.returncode == 0, status.stdout + status.stderr
