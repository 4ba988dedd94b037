"""The conversations list: every filter and the pages agree with the index rows."""

from __future__ import annotations

from datetime import date

import pytest

from bot.review.listing import GesprekFilter, gesprekken


def _all(engine, f=GesprekFilter()):
    page, rows = 1, []
    while True:
        found = gesprekken(f, page, 7, engine)
        rows += found.rijen
        if page >= found.paginas:
            return found, rows
        page += 1


def test_pages_cover_every_row_once_newest_first(engine, conversations):
    found, rows = _all(engine)
    assert found.totaal == 40 and found.paginas == 6
    assert sorted(r.gesprek_id for r in rows) == sorted(conversations)
    assert [r.begonnen for r in rows] == sorted((r.begonnen for r in rows), reverse=True)


@pytest.mark.parametrize("field,value,check", [
    ("kanaal", "kcc", lambda r: r.kanaal == "kcc"),
    ("wijk", "Assendorp", lambda r: r.wijk == "Assendorp"),
    ("thema", "geldzaken", lambda r: "geldzaken" in r.themas),
    ("signaal", "contra_schaamte", lambda r: "contra_schaamte" in r.signalen),
    ("advies", "combinatie", lambda r: r.advies == "combinatie"),
    ("crisis", False, lambda r: not r.crisis),
    ("fallback", True, lambda r: r.fallback),
    ("feedback", True, lambda r: r.feedback is not None),
    ("review_status", "open", lambda r: r.review_status == "open"),
    ("vanaf", date(2026, 8, 1), lambda r: r.begonnen.date() >= date(2026, 8, 1)),
    ("tot", date(2026, 8, 31), lambda r: r.begonnen.date() <= date(2026, 8, 31)),
])
def test_each_filter(engine, conversations, field, value, check):
    _, everything = _all(engine)
    _, filtered = _all(engine, GesprekFilter(**{field: value}))
    expected = sorted(r.gesprek_id for r in everything if check(r))
    assert sorted(r.gesprek_id for r in filtered) == expected
    assert 0 < len(expected) or field == "crisis"


def test_out_of_range_page_is_empty(engine, conversations):
    assert gesprekken(GesprekFilter(), 99, 25, engine).rijen == ()
