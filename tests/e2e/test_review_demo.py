"""The demo command against the real servers: the index fills, nothing identifying is stored.

``python -m bot demo gesprekken`` talks REST to the running assistant (KCC
ones with the role's proof from the servers' secrets file); the tracker store
redacts and stores the events and folds them into the review index.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from bot import paths
from bot.review import index
from bot.review.listing import GesprekFilter, gesprekken
from bot.review.models import GesprekOverzicht
from bot.review.summary import demo_day
from bot.review.transcript import gesprek

pytestmark = pytest.mark.e2e

AANTAL = 4


@pytest.fixture(scope="module")
def demo_run(servers):
    env = dict(os.environ, DATABASE_URL=servers.database_url, PYTHONPATH=str(paths.ROOT))
    env.pop("KCC_CHANNEL_SECRET", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "gesprekken", "--aantal", str(AANTAL), "--seed", "3",
         "--url", servers.rasa_url, "--secrets", str(servers.log_dir / "secrets.env")],
        cwd=paths.ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _demo_rows(engine):
    return gesprekken(GesprekFilter(demo=True), 1, 100, engine).rijen


def test_demo_conversations_fill_the_index(demo_run, e2e_engine):
    rows = _demo_rows(e2e_engine)
    assert len(rows) == AANTAL, demo_run
    for row in rows:
        assert re.fullmatch(r"demo-\d{8}-[0-9a-f]{6}", row.gesprek_id)
        assert row.begonnen.date() == demo_day(row.gesprek_id).date()  # the intended day, not today
        assert row.thema and row.berichten >= 2
    assert any(r.wijk for r in rows), "a wijk from the postcode"
    view = gesprek(rows[0].gesprek_id, e2e_engine)
    assert view.beurten and view.beurten[0].tijdstip.date() == rows[0].begonnen.date()
    assert any(b.kaart and b.kaart.themas for b in view.beurten), "triage cards from the stored slots"
    assert {r.kanaal for r in rows} <= {"inwoner", "kcc"}


def test_rebuild_gives_the_same_rows(demo_run, e2e_engine):
    o = GesprekOverzicht.__table__
    query = select(o).where(o.c.demo.is_(True)).order_by(o.c.gesprek_id)
    with e2e_engine.connect() as conn:
        before = [dict(r._mapping) for r in conn.execute(query)]
    index.rebuild(e2e_engine)
    with e2e_engine.connect() as conn:
        after = [dict(r._mapping) for r in conn.execute(query)]
    assert after == before


def test_no_identifiers_stored(demo_run, e2e_engine):
    with e2e_engine.connect() as conn:
        stored = "\n".join(r[0] for r in conn.execute(
            text("select data from events where sender_id like 'demo-%'")))
        index_rows = "\n".join(str(tuple(r)) for r in conn.execute(
            select(GesprekOverzicht.__table__).where(GesprekOverzicht.demo.is_(True))))
    assert stored
    for pattern in (r"06[ -]?12345678", r"\b[1-9]\d{3} ?[A-Z]{2}\b", "Fatima", "Bakker"):
        assert not re.search(pattern, stored), pattern
        assert not re.search(pattern, index_rows), pattern
