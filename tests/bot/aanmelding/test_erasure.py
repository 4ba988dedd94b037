"""verwijder REFERENCE: one aanmelding with its whole conversation."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select

from bot.aanmelding.erasure import verwijder
from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.privacy.models import AuditEntry
from bot.store.db import session_scope

from .conftest import EVENTS, add_aanmelding, add_conversation


def _rows(engine, column, where):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(where)).scalar_one()


def _audits(engine):
    with session_scope(engine) as session:
        return [(a.actie, a.details) for a in session.execute(select(AuditEntry)).scalars()]


def test_erases_aanmelding_and_its_conversation(engine):
    add_conversation(engine, "g1", days_ago=1, events=4)
    add_conversation(engine, "g2", days_ago=1, events=2)
    add_aanmelding(engine, "WT-2026-AB12", "g1", days_ago=1)
    add_aanmelding(engine, "WT-2026-CD34", "g2", days_ago=1)

    report = verwijder(" wt-2026 ab12 ", engine=engine)

    assert report.gevonden and (report.events, report.opvolgingen, report.feedback) == (4, 1, 1)
    assert _rows(engine, EVENTS, EVENTS.c.sender_id == "g1") == 0
    assert _rows(engine, EVENTS, EVENTS.c.sender_id == "g2") == 2
    assert _rows(engine, Aanmelding, Aanmelding.gesprek_id == "g1") == 0
    assert _rows(engine, Opvolging, Opvolging.gesprek_id == "g1") == 0
    assert _rows(engine, Feedback, Feedback.gesprek_id == "g1") == 0
    assert _rows(engine, Aanmelding, Aanmelding.gesprek_id == "g2") == 1
    [(actie, details)] = _audits(engine)
    assert actie == "verwijder"
    assert details["referentie_sha256"] == hashlib.sha256(b"WT2026AB12").hexdigest()
    assert "WT-2026" not in json.dumps(details) and "g1" not in json.dumps(details)


def test_unknown_reference_deletes_nothing_and_is_audited(engine):
    add_aanmelding(engine, "WT-2026-AB12", "g1", days_ago=1)
    report = verwijder("WT-0000-XXXX", engine=engine)
    assert not report.gevonden
    assert _rows(engine, Aanmelding, Aanmelding.id > 0) == 1
    [(actie, details)] = _audits(engine)
    assert actie == "verwijder_onbekend" and set(details) == {"referentie_sha256"}


def test_empty_reference_is_unknown(engine):
    assert not verwijder("   ", engine=engine).gevonden
