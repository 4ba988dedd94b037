"""opschonen: conversations past 28 days, aanmeldingen past their own period."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import func, inspect, select

from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.aanmelding.retention import opschonen
from bot.config import settings
from bot.privacy.models import AuditEntry
from bot.store.db import session_scope

from .conftest import EVENTS, add_aanmelding, add_conversation


def _config(gesprekken=28, aanmeldingen=365):
    s = settings()
    return replace(s, privacy=replace(s.privacy, gesprekken_dagen=gesprekken, aanmeldingen_dagen=aanmeldingen))


def _count(engine, what):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(what)).scalar_one()


def _audits(engine):
    with session_scope(engine) as session:
        return [(a.actie, a.details) for a in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]


def _fill(engine):
    add_conversation(engine, "oud", days_ago=40)
    add_conversation(engine, "oud-concept", days_ago=30)
    add_conversation(engine, "recent", days_ago=2)
    add_conversation(engine, "lang-lopend", days_ago=1)
    add_conversation(engine, "lang-lopend", days_ago=60, events=2)  # older events of a live conversation
    add_aanmelding(engine, "WT-CONCEPT", "oud-concept", days_ago=30, status="concept")
    add_aanmelding(engine, "WT-BEVESTIGD", "oud", days_ago=40, status="nieuw")
    add_aanmelding(engine, "WT-OUD", "heel-oud", days_ago=400, status="afgerond")
    add_aanmelding(engine, "WT-RECENT", "recent", days_ago=2, status="concept")


def test_dry_run_counts_and_deletes_nothing(engine, now):
    _fill(engine)
    report = opschonen(engine=engine, now=now, config=_config())
    assert report.dry_run
    assert (report.gesprekken, report.events) == (2, 6)
    assert report.concept_aanmeldingen == 1 and report.aanmeldingen == 1
    assert _count(engine, EVENTS) == 14
    assert _count(engine, Aanmelding.__table__) == 4
    [(actie, details)] = _audits(engine)
    assert actie == "opschonen" and details["dry_run"] is True and details["events"] == 6


def test_execute_deletes_only_what_is_past_retention(engine, now):
    _fill(engine)
    report = opschonen(uitvoeren=True, engine=engine, now=now, config=_config())
    assert not report.dry_run
    with engine.connect() as conn:
        senders = {r[0] for r in conn.execute(select(EVENTS.c.sender_id).distinct())}
        refs = {r[0] for r in conn.execute(select(Aanmelding.referentie))}
        opvolging = {r[0] for r in conn.execute(select(Opvolging.gesprek_id))}
        feedback = {r[0] for r in conn.execute(select(Feedback.gesprek_id))}
    assert senders == {"recent", "lang-lopend"}
    # the confirmed aanmelding of an old conversation stays for its own period
    assert refs == {"WT-BEVESTIGD", "WT-RECENT"}
    assert opvolging == {"recent"}
    # feedback of a deleted conversation goes with it, also of a kept aanmelding
    assert feedback == {"recent"}
    [(actie, details)] = _audits(engine)
    assert details["dry_run"] is False and details["aanmeldingen"] == 1


def test_audit_holds_no_personal_data(engine, now):
    _fill(engine)
    opschonen(uitvoeren=True, engine=engine, now=now, config=_config())
    blob = json.dumps(_audits(engine))
    for secret in ("WT-", "oud-concept", "Echte Naam", "0612345678", "lang-lopend"):
        assert secret not in blob


def test_works_without_events_table(engine, now):
    assert not inspect(engine).has_table("events")
    add_aanmelding(engine, "WT-OUD", "x", days_ago=400)
    report = opschonen(uitvoeren=True, engine=engine, now=now, config=_config())
    assert (report.gesprekken, report.events, report.aanmeldingen) == (0, 0, 1)
    assert _count(engine, Aanmelding.__table__) == 0


def test_shorter_retention_from_configuration(engine, now):
    add_conversation(engine, "week-oud", days_ago=8)
    report = opschonen(uitvoeren=True, engine=engine, now=now, config=_config(gesprekken=7))
    assert report.gesprekken == 1
    assert _count(engine, EVENTS) == 0
