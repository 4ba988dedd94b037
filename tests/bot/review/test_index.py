"""The conversation index: folded per save, equal to a rebuild, demo dates, erased with the events."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from bot.privacy import conversations as stored
from bot.review import index, synthetic
from bot.review.listing import GesprekFilter, gesprekken
from bot.review.models import GesprekOverzicht, GesprekThema
from bot.review.summary import demo_day, summarise

from .conftest import one


def _rows(engine):
    o = GesprekOverzicht.__table__
    skip = {"id", "review_status", "bekeken_door", "bekeken_op"}
    with engine.connect() as conn:
        return {r.gesprek_id: {k: v for k, v in r._mapping.items() if k not in skip}
                for r in conn.execute(select(o))}


def test_turn_by_turn_equals_rebuild(engine, conversations):
    before = _rows(engine)
    assert len(before) == 40
    report = index.rebuild(engine)
    assert report.gesprekken == 40 and report.verwijderd == 0
    assert _rows(engine) == before


def test_fold_of_split_events_equals_fold_of_all():
    spec = synthetic.Spec("x", synthetic.utc(2026, 7, 1), "kcc", "8031", ("opvoeding", "psychisch"),
                          ("contra_schaamte",), "eerst_individueel", fallback=True, feedback="goed")
    events = synthetic.events_of(spec)
    from bot.review.summary import Summary, fold

    assert fold(fold(Summary("x"), events[:4]), events[4:]) == summarise("x", events)
    s = summarise("x", events)
    assert (s.rol, s.pc4, s.thema, s.themas, s.fallback, s.feedback) == ("kcc", "8031", "opvoeding",
                                                                          ["opvoeding", "psychisch"], True, "goed")


def test_row_has_wijk_theme_links_and_flags(engine):
    one(engine, fallback=True, feedback="goed")
    row = gesprekken(GesprekFilter(), engine=engine).rijen[0]
    assert (row.wijk, row.thema, row.advies, row.fallback, row.feedback) == ("Assendorp", "geldzaken", "combinatie",
                                                                             True, "goed")
    with engine.connect() as conn:
        assert conn.execute(select(GesprekThema.thema)).scalars().all() == ["geldzaken"]


def test_demo_sender_takes_its_intended_day(engine):
    one(engine, gesprek_id="demo-20260315-abc123")
    one(engine, gesprek_id="niet-demo-20260315-x")
    rows = {r.gesprek_id: r for r in gesprekken(GesprekFilter(), engine=engine).rijen}
    assert rows["demo-20260315-abc123"].begonnen.date().isoformat() == "2026-03-15"
    assert rows["demo-20260315-abc123"].demo is True
    assert rows["niet-demo-20260315-x"].begonnen.date().isoformat() == "2026-09-14"
    assert demo_day("demo-20261399-x") is None
    assert demo_day("demo-20260101-x") == datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_erasing_events_erases_the_index_rows(engine, conversations):
    doomed = sorted(conversations)[:3]
    with engine.begin() as conn:
        stored.delete_events(conn, doomed)
    with engine.connect() as conn:
        left = conn.execute(select(func.count()).select_from(GesprekOverzicht.__table__)).scalar_one()
        links = conn.execute(select(func.count()).select_from(GesprekThema.__table__)
                             .where(GesprekThema.gesprek_id.in_(doomed))).scalar_one()
    assert (left, links) == (37, 0)


def test_update_quietly_never_raises(engine):
    index.update_quietly(engine, "x", [{"event": "slot", "name": "triage", "value": {"themas": "kapot"}}])
    index.update_quietly(None, "x", [{"event": "user"}])  # type: ignore[arg-type]
