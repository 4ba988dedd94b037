"""The aanmelding service on SQLite and PostgreSQL (fixture ``engine``)."""

import pytest
from sqlalchemy import select

from bot.aanmelding import service
from bot.aanmelding.models import Aanmelding, Feedback, Opvolging
from bot.aanmelding.reference import PATTERN
from bot.store.db import session_scope

TRIAGE = {
    "thema": "geldzaken",
    "themas": [{"thema": "geldzaken", "zekerheid": 0.9, "waarom": "classifier"}],
    "crisis": False,
    "signalen": [{"code": "indicatie_vaardigheid", "soort": "indicatie", "bewijs": "leren budgetteren",
                  "regel": "vaardigheid.leren"}],
    "advies": "combinatie",
    "advies_redenen": ["schulden en wil leren budgetteren"],
    "suggesties": [],
}


def _start(engine, gesprek="g1", tekst="Ik heb schulden, bel me op 06-12345678"):
    return service.start(gesprek_id=gesprek, rol="inwoner", triage=TRIAGE, hulpvraag=tekst,
                         keuzes={"voor_wie": "zelf"}, aanbod=[{"id": "x", "naam": "Budgetcursus"}], engine=engine)


def test_start_creates_concept_with_reference_and_redacted_text(engine):
    ref = _start(engine)
    assert PATTERN.match(ref)
    row = service.get(ref, "g1", engine=engine)
    assert row["status"] == "concept"
    assert row["toestemming"] is not None
    assert "06-12345678" not in row["hulpvraag"]
    assert row["themas"][0]["thema"] == "geldzaken"
    assert row["signalen"][0]["bewijs"] == "leren budgetteren"
    assert row["advies"] == "combinatie"
    assert row["aanbod_getoond"] == [{"id": "x", "naam": "Budgetcursus"}]


def test_start_twice_reuses_the_open_concept(engine):
    assert _start(engine) == _start(engine)
    with session_scope(engine) as s:
        assert len(s.execute(select(Aanmelding)).scalars().all()) == 1


def test_contact_details_and_confirm(engine):
    ref = _start(engine)
    for veld, waarde in [("naam", "Jan"), ("contact_voorkeur", "email"), ("email", "jan@voorbeeld.nl"),
                         ("postcode", "8011 AB"), ("belmoment", "ochtend")]:
        service.set_contact(ref, "g1", veld, waarde, engine=engine)
    row = service.confirm(ref, "g1", engine=engine)
    assert row["status"] == "nieuw" and row["bevestigd"] is not None
    assert row["email"] == "jan@voorbeeld.nl" and row["postcode"] == "8011 AB"
    assert row["belmoment"] is None  # only kept when the person wants a call


def test_other_conversation_cannot_touch_the_aanmelding(engine):
    ref = _start(engine)
    with pytest.raises(service.AanmeldingError):
        service.set_contact(ref, "someone-else", "naam", "X", engine=engine)
    with pytest.raises(service.AanmeldingError):
        service.confirm(ref, "someone-else", engine=engine)


def test_bad_fields_are_refused_with_the_field_name(engine):
    ref = _start(engine)
    with pytest.raises(service.AanmeldingError, match="wachtwoord"):
        service.set_contact(ref, "g1", "wachtwoord", "x", engine=engine)
    with pytest.raises(service.AanmeldingError, match="contact_voorkeur"):
        service.set_contact(ref, "g1", "contact_voorkeur", "duif", engine=engine)
    with pytest.raises(service.AanmeldingError, match="postcode"):
        service.set_contact(ref, "g1", "postcode", "x" * 50, engine=engine)
    assert service.get(ref, "g1", engine=engine)["postcode"] is None


def test_discard_concept_keeps_confirmed(engine):
    ref = _start(engine, gesprek="g1")
    service.confirm(ref, "g1", engine=engine)
    _start(engine, gesprek="g2")
    assert service.discard_concept("g2", engine=engine) == 1
    assert service.discard_concept("g1", engine=engine) == 0
    assert service.get(ref, "g1", engine=engine)["status"] == "nieuw"


def test_update_triage_merges_choices(engine):
    ref = _start(engine)
    new = dict(TRIAGE, thema="opvoeding", advies="eerst_individueel")
    service.update_triage(ref, "g1", triage=new, hulpvraag="het gaat om mijn zoon",
                          keuzes={"voor_wie": "kind", "vraag_groep": "nee"}, engine=engine)
    row = service.get(ref, "g1", engine=engine)
    assert row["advies"] == "eerst_individueel"
    assert row["keuzes"] == {"voor_wie": "kind", "vraag_groep": "nee"}
    assert row["hulpvraag"] == "het gaat om mijn zoon"


def test_feedback_links_to_aanmelding(engine):
    ref = _start(engine)
    fid = service.record_feedback("g1", 3, "goed", referentie=ref, engine=engine)
    with session_scope(engine) as s:
        fb = s.get(Feedback, fid)
        assert fb.score == 3 and fb.aanmelding_id is not None
    with pytest.raises(ValueError):
        service.record_feedback("g1", 7, "x", engine=engine)


def test_opvolging_one_open_per_conversation(engine):
    service.mark_opvolging("g9", ["crisis_suicide"], engine=engine)
    service.mark_opvolging("g9", ["crisis_geweld"], terugbellen=True, telefoon="+31612345678", engine=engine)
    with session_scope(engine) as s:
        rows = s.execute(select(Opvolging).where(Opvolging.gesprek_id == "g9")).scalars().all()
    assert len(rows) == 1
    assert rows[0].reden == ["crisis_geweld", "crisis_suicide"]
    assert rows[0].terugbellen and rows[0].telefoon == "+31612345678"
    assert service.open_opvolging("g9", engine=engine)["terugbellen"] is True
