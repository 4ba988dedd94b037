"""The contact questions' validators come from one table (actions/forms_base.py, CONTACT_FIELDS)."""

import pytest

from actions.forms import ValidateAanmeldingForm
from actions.forms_base import CONTACT_FIELDS
from bot.aanmelding import service
from tests.actions.conftest import responses_of, slots_of

TRIAGE = {"thema": "geldzaken", "themas": [{"thema": "geldzaken", "zekerheid": 0.9, "waarom": "classifier"}],
          "signalen": [], "advies": "combinatie", "advies_redenen": [], "crisis": False, "suggesties": []}


def test_every_contact_question_has_its_validator():
    assert set(CONTACT_FIELDS) == {"telefoon", "email", "postcode", "belmoment"}
    for field in CONTACT_FIELDS:
        method = getattr(ValidateAanmeldingForm, f"validate_{field}")
        assert method.__name__ == f"validate_{field}"


@pytest.mark.parametrize("field,text,expected,stored", [
    ("telefoon", "liever niet", {"telefoon": "overgeslagen", "contact_voorkeur": "geen"}, ("contact_voorkeur", "geen")),
    ("email", "overslaan", {"email": "overgeslagen", "contact_voorkeur": "geen"}, ("contact_voorkeur", "geen")),
    ("postcode", "nee", {"postcode": "overgeslagen"}, ("postcode", None)),
    ("belmoment", "weet ik niet", {"belmoment": "overgeslagen"}, ("belmoment", None)),
    ("email", "ria@example.nl", {"email": "[EMAIL]"}, ("email", "ria@example.nl")),
])
def test_skips_and_values_per_field(tracker_factory, run, domain, use_database, field, text, expected, stored):
    sid = f"contact-{field}-{len(text)}"
    ref = service.start(gesprek_id=sid, rol="inwoner", triage=TRIAGE, hulpvraag="x")
    slots = {"requested_slot": field, field: text, "triage": TRIAGE, "verhaal": ["ik heb schulden"],
             "stap": "verhelderen", "aanmelding_ref": ref, "toestemming": "ja", "naam": "[NAAM]",
             "contact_voorkeur": "email" if field == "email" else "telefoon"}
    tracker = tracker_factory(text, "nlu_fallback", 0.5, slots=slots, active_loop="aanmelding_form", sender_id=sid,
                              extracted={field: text})
    messages, events = run(ValidateAanmeldingForm(), tracker, domain)
    got = slots_of(events)
    assert {k: got[k] for k in expected} == expected
    assert service.get(ref, sid)[stored[0]] == stored[1]
    assert not any(r.startswith("utter_ongeldig") for r in responses_of(messages))
