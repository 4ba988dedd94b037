"""A conversation's transcript with cards; corrections, tags, reviewed; audit without content; the exports."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.privacy.audit import AuditDetailError
from bot.privacy.models import AuditEntry
from bot.review import export, marks
from bot.review.listing import GesprekFilter, gesprekken
from bot.review.transcript import gesprek

from .conftest import one


def test_transcript_turns_cards_and_fragments(engine):
    one(engine, fallback=True)
    view = gesprek("gesprek-1", engine)
    assert [b.tekst for b in view.beurten][0] == "blabla"
    first, second = view.beurten
    assert first.kaart is None and first.antwoorden == ("Sorry, dat begrijp ik niet goed.",)
    card = second.kaart
    assert card.thema == "geldzaken" and card.themas[0].label and card.advies == "combinatie"
    assert card.signalen[0].code == "indicatie_vaardigheid" and card.advies_uitleg
    spans = {(second.tekst[f.start:f.end], f.soort) for f in second.fragmenten}
    assert ("wil graag leren", "signaal") in spans and ("budgetteren", "thema") in spans
    assert gesprek("onbekend", engine) is None


def test_corrections_tags_reviewed_and_audit(engine):
    ids = one(engine)
    view = gesprek("gesprek-1", engine)
    event_id = view.beurten[0].event_id
    assert event_id in ids
    made = marks.corrigeer("gesprek-1", event_id, "anna.devries", thema="eenzaamheid",
                           signalen=["indicatie_sociaal_contact"], engine=engine)
    assert [(c.soort, c.was, c.juist) for c in made] == [
        ("thema", ("geldzaken",), ("eenzaamheid",)),
        ("signalen", ("indicatie_vaardigheid",), ("indicatie_sociaal_contact",))]
    assert marks.tag("gesprek-1", "fout_begrepen", "anna.devries", engine=engine)
    assert not marks.tag("gesprek-1", "fout_begrepen", "anna.devries", engine=engine)
    assert marks.tag("gesprek-1", "schulden_en_zorgen", "anna.devries", engine=engine)
    marks.markeer_bekeken("gesprek-1", "anna.devries", engine=engine)
    view = gesprek("gesprek-1", engine)
    assert view.tags == ("fout_begrepen", "schulden_en_zorgen") and view.bekeken_door == "anna.devries"
    assert len(view.beurten[0].correcties) == 2
    assert gesprekken(GesprekFilter(tag="fout_begrepen", review_status="bekeken"), engine=engine).totaal == 1
    with engine.connect() as conn:
        entries = conn.execute(select(AuditEntry.actie, AuditEntry.details, AuditEntry.tijdstip)).all()
    assert [e.actie for e in entries] == ["review_correctie", "review_correctie", "review_tag", "review_tag",
                                          "review_bekeken"]
    text = json.dumps([e.details for e in entries])
    assert all(e.details["wie"] == "anna.devries" and e.tijdstip for e in entries)
    for content in ("gesprek-1", "schulden", "budgetteren", "eenzaamheid"):
        assert content not in text
    assert '"tag": "vrij"' in text


@pytest.mark.parametrize("call", [
    lambda e: marks.corrigeer("gesprek-1", 10**6, "anna", thema="geldzaken", engine=e),
    lambda e: marks.corrigeer("gesprek-1", 3, "anna", thema="geen_thema", engine=e),
    lambda e: marks.corrigeer("gesprek-1", 3, "anna", engine=e),
    lambda e: marks.tag("gesprek-1", "Jan de Vries", "anna", engine=e),
    lambda e: marks.tag("onbekend", "goed_voorbeeld", "anna", engine=e),
])
def test_refused(engine, call):
    one(engine)
    with pytest.raises(marks.ReviewError):
        call(engine)


def test_who_must_be_an_account_name(engine):
    one(engine)
    with pytest.raises(AuditDetailError):
        marks.markeer_bekeken("gesprek-1", "Anna de Vries", engine=engine)


def test_export_nlu_reads_as_rasa_training_data_with_the_domain(engine, tmp_path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    from bot import paths

    one(engine, gesprek_id="g-a")
    one(engine, gesprek_id="g-b", themas=("opvoeding",))
    for gid, thema in (("g-a", "eenzaamheid"), ("g-b", "opvoeding")):
        event_id = gesprek(gid, engine).beurten[0].event_id
        marks.corrigeer(gid, event_id, "bas", thema=thema, signalen=[], engine=engine)
    text = export.export_nlu(engine)
    assert 'version: "3.1"' in text
    data = RasaYAMLReader().reads(text)
    domain = Domain.load(str(paths.ROOT / "domain.yml"))
    assert data.intents == {"hulpvraag_eenzaamheid", "hulpvraag_opvoeding"} <= set(domain.intents)
    assert all("[POSTCODE]" in m.get("text") for m in data.training_examples)  # redacted texts only
    rows = [json.loads(line) for line in export.export_signals_jsonl(engine).splitlines()]
    assert {tuple(r["eraf"]) for r in rows} == {("indicatie_vaardigheid",)} and all(r["juist"] == [] for r in rows)
    from datetime import date, timedelta

    assert export.export_nlu(engine, sinds=date.today() + timedelta(days=1)).strip().endswith("nlu: []")


def test_example_cleaning():
    assert export.clean_example("[NAAM]") is None
    assert export.clean_example("Ik ben [NAAM](ja)\n echt") == "Ik ben [NAAM] (ja) echt"
