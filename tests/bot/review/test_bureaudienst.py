"""The aanmelding status flow with its history, and the list with werkdagen."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from bot.aanmelding import service
from bot.aanmelding.models import Aanmelding
from bot.privacy.models import AuditEntry
from bot.review.bureaudienst import AanmeldingFilter, StatusError, aanmeldingen, wijzig_status
from bot.review.werkdagen import werkdagen_terug, werkdagen_tussen

TRIAGE = {"themas": [{"thema": "geldzaken", "zekerheid": 0.9}], "signalen": [], "advies": "combinatie"}


def make(engine, gesprek="g1", postcode="8012 AB", bevestigd=None, triage=TRIAGE) -> int:
    ref = service.start(gesprek_id=gesprek, rol="inwoner", triage=triage, hulpvraag="schulden", engine=engine)
    service.set_contact(ref, gesprek, "postcode", postcode, engine=engine)
    row = service.confirm(ref, gesprek, engine=engine)
    if bevestigd:
        with engine.begin() as conn:
            conn.execute(update(Aanmelding).where(Aanmelding.id == row["id"]).values(bevestigd=bevestigd))
    return row["id"]


def test_werkdagen():
    friday = date(2026, 11, 27)
    assert werkdagen_tussen(friday, friday + timedelta(days=7)) == 5
    assert werkdagen_tussen(friday, friday + timedelta(days=1)) == 0  # saturday
    assert werkdagen_tussen(friday, friday + timedelta(days=3)) == 1  # monday
    assert werkdagen_tussen(friday, friday) == 0
    for end in (friday + timedelta(days=i) for i in range(7)):
        cutoff = werkdagen_terug(end, 5)
        for back in range(20):
            start = end - timedelta(days=back)
            assert (werkdagen_tussen(start, end) > 5) == (start < cutoff)


def test_status_flow_with_history_and_audit(engine):
    aid = make(engine)
    assert wijzig_status(aid, "in_behandeling", "bureau.piet", engine=engine).van == "nieuw"
    with pytest.raises(StatusError):
        wijzig_status(aid, "toegewezen", "bureau.piet", engine=engine)  # toegewezen needs someone
    wijzig_status(aid, "toegewezen", "bureau.piet", toegewezen_aan="team_assendorp", engine=engine)
    wijzig_status(aid, "afgesloten", "bureau.piet", engine=engine)
    from bot.review.transcript import gesprek  # noqa: F401 (the history is also on the conversation page)

    with engine.connect() as conn:
        from bot.review.bureaudienst import historie

        steps = historie(conn, aid)
        audits = conn.execute(select(AuditEntry.details).where(AuditEntry.actie == "aanmelding_status")).scalars().all()
    assert [(s.van, s.naar) for s in steps] == [("nieuw", "in_behandeling"), ("in_behandeling", "toegewezen"),
                                                ("toegewezen", "afgesloten")]
    assert steps[1].toegewezen_aan == "team_assendorp" and all(s.door == "bureau.piet" and s.tijdstip for s in steps)
    assert [a["naar"] for a in audits] == ["in_behandeling", "toegewezen", "afgesloten"]
    assert all(a["wie"] == "bureau.piet" and a["aanmelding_id"] == aid for a in audits)


@pytest.mark.parametrize("path", [["toegewezen"], ["afgesloten"], ["in_behandeling", "nieuw"],
                                  ["in_behandeling", "afgesloten", "in_behandeling"], ["concept"]])
def test_invalid_transitions_are_refused(engine, path):
    aid = make(engine)
    *ok, bad = path
    for step in ok:
        wijzig_status(aid, step, "bureau.piet", engine=engine)
    with pytest.raises(StatusError):
        wijzig_status(aid, bad, "bureau.piet", toegewezen_aan="team", engine=engine)


def test_a_concept_is_never_handled(engine):
    ref = service.start(gesprek_id="c", rol="inwoner", triage=TRIAGE, hulpvraag="x", engine=engine)
    aid = service.get(ref, "c", engine=engine)["id"]
    with pytest.raises(StatusError):
        wijzig_status(aid, "in_behandeling", "bureau.piet", engine=engine)
    assert aanmeldingen(engine=engine) == ()


def test_list_filters_and_late_flag(engine):
    today = date(2026, 12, 4)  # a Friday
    at = lambda d: datetime.combine(d, datetime.min.time(), tzinfo=timezone.utc) + timedelta(hours=10)  # noqa: E731
    late = make(engine, "g1", "8012 AB", at(date(2026, 11, 26)))  # thursday: 6 werkdagen
    just = make(engine, "g2", "8011 CD", at(date(2026, 11, 27)), triage={**TRIAGE, "themas": [{"thema": "wonen"}]})
    done = make(engine, "g3", "8012 EF", at(date(2026, 11, 1)))
    for step in ("in_behandeling", "afgesloten"):
        wijzig_status(done, step, "bureau.piet", engine=engine)
    rows = {r.id: r for r in aanmeldingen(vandaag=today, engine=engine)}
    assert (rows[late].werkdagen, rows[late].te_laat) == (6, True)
    assert (rows[just].werkdagen, rows[just].te_laat) == (5, False)
    assert rows[done].te_laat is False and rows[late].wijk == "Assendorp" and rows[just].wijk == "Binnenstad"
    ids = lambda f: [r.id for r in aanmeldingen(f, vandaag=today, engine=engine)]  # noqa: E731
    assert ids(AanmeldingFilter(te_laat=True)) == [late]
    assert ids(AanmeldingFilter(te_laat=False)) == [done, just]
    assert ids(AanmeldingFilter(status="afgesloten")) == [done]
    assert ids(AanmeldingFilter(thema="wonen")) == [just]
    assert ids(AanmeldingFilter(wijk="Assendorp")) == [done, late]
