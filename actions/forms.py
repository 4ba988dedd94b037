"""Validation of the clarifying questions and the aanmelding (with its feedback question).

Contact details are written straight into the aanmelding row (status
'concept' until confirmed); the slots only hold placeholders such as
[TELEFOON], because the transcript is redacted on save.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk.events import SlotSet

from actions.common import (
    keep_asking,
    latest_intent,
    latest_text,
    log_failure,
    merged_ranking,
    rol_of,
    send_card,
    utter,
)
from actions.flow import theme_events, told_before_asked
from actions.forms_base import CONTACT_FIELDS, SafeFormValidation
from actions.story_triage import triage_of
from actions.triage import update_voor_wie
from bot.aanmelding import service
from bot.aanmelding import validation as fmt
from bot.dialogue import contact, input_check
from bot.dialogue.answers import JA, NEE, WEET_NIET, feedback_score, field_named, is_skip, pc4_of, yes_no
from bot.dialogue.clarify import has_contra, is_correction, plan_questions, voor_wie_of
from bot.dialogue.requests import (
    AANMELDING,
    GEEN_GROEP,
    GROEP,
    contact_route,
    name_in,
    not_a_name,
    read_request,
    skips_name,
)
from bot.dialogue.story import add_to_story, signal_codes, story_text
from bot.dialogue.vocabulary import vocabulary
from bot.triage.result import as_result

MAX_ANSWER = 500
SKIPPED = "overgeslagen"
NEW_SUBJECT_CONFIDENCE = 0.8


def _usable(value: Any, dispatcher) -> Optional[str]:
    """The cleaned answer, or None after telling the person it was empty/odd."""
    check = input_check.check_input(value)
    if check.kind == input_check.GEWOON:
        return check.tekst
    utter(dispatcher, input_check.UNUSABLE_RESPONSE[check.kind])
    return None


def _retriage(tracker, text: str, voor_wie=None, postcode=None) -> Dict[str, Any]:
    """Slots after adding ``text`` to the story and triaging it again."""
    story = add_to_story(tracker.get_slot("verhaal"), text)
    ranking = merged_ranking(tracker)
    voor_wie = voor_wie or update_voor_wie(tracker.get_slot("voor_wie"), text)
    told = told_before_asked(tracker, text)
    result = triage_of(tracker, story, ranking, voor_wie=voor_wie, postcode=postcode or told.get("vraag_postcode"))
    return {"verhaal": story, "ranking": ranking, "triage": result, "voor_wie": voor_wie, **told}


def _keuzes(tracker, **extra) -> Dict[str, Any]:
    vocab = vocabulary()
    keuzes = {"voor_wie": tracker.get_slot("voor_wie")}
    for slot in vocab.vragen + (vocab.groepsvraag,):
        if tracker.get_slot(slot):
            keuzes[slot] = tracker.get_slot(slot)
    keuzes.update(extra)
    return {k: v for k, v in keuzes.items() if v}


class ValidateVerhelderingForm(SafeFormValidation):
    """De vraag achter de vraag: at most three questions, each answer re-triages."""

    def name(self) -> Text:
        return "validate_verheldering_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        vocab = vocabulary()
        asked = [s for s in domain_slots if tracker.get_slot(s) is not None]
        requested = tracker.get_slot("requested_slot")
        if requested in domain_slots and requested not in asked:
            asked.append(requested)
        result = as_result(tracker.get_slot("triage"))
        groep = tracker.get_slot(vocab.groepsvraag)
        return plan_questions(
            story_text(tracker.get_slot("verhaal")), result.advies.code if result else None, asked,
            crisis=bool(result and result.crisis) or tracker.get_slot("stap") == "crisis",
            contra=has_contra(result.signal_codes() if result else []),
            groep_ja=bool(groep) and yes_no(groep) == JA,
        )

    def follow_person(self, dispatcher, tracker, domain, requested):
        """An aanmelding asked for ends the questions (the advice then starts it); a corrected theme is taken."""
        text = latest_text(tracker)
        found = read_request(text)
        if found is not None and found.kind == AANMELDING:
            slots = [SlotSet(requested, None), SlotSet("requested_slot", None), SlotSet("aanmelding_gevraagd", True)]
            return slots + ([SlotSet("contact_voorkeur", found.route)] if found.route else [])
        themed = theme_events(tracker, text, dispatcher)
        if themed:
            return themed + keep_asking(requested)
        return super().follow_person(dispatcher, tracker, domain, requested)

    def _answer(self, slot: str, value, dispatcher, tracker) -> Dict[str, Any]:
        text = _usable(value, dispatcher)
        if text is None:
            return {slot: None}
        if yes_no(text, *latest_intent(tracker)) == WEET_NIET:
            utter(dispatcher, "utter_geen_antwoord_ok")
            return {slot: WEET_NIET}
        if is_correction(text):
            utter(dispatcher, "utter_voor_wie_aangepast")
        return {slot: text[:MAX_ANSWER], **_retriage(tracker, text)}

    def validate_vraag_voor_wie(self, value, dispatcher, tracker, domain):
        text = _usable(value, dispatcher)
        if text is None:
            return {"vraag_voor_wie": None}
        if yes_no(text, *latest_intent(tracker)) == WEET_NIET:
            return {"vraag_voor_wie": WEET_NIET}
        found = voor_wie_of(text)
        voor_wie = found[0] if found else "anders"
        return {"vraag_voor_wie": text[:MAX_ANSWER], **_retriage(tracker, text, voor_wie=voor_wie)}

    def validate_vraag_sinds(self, value, dispatcher, tracker, domain):
        return self._answer("vraag_sinds", value, dispatcher, tracker)

    def validate_vraag_geprobeerd(self, value, dispatcher, tracker, domain):
        return self._answer("vraag_geprobeerd", value, dispatcher, tracker)

    def validate_vraag_wens(self, value, dispatcher, tracker, domain):
        return self._answer("vraag_wens", value, dispatcher, tracker)

    def validate_vraag_groep(self, value, dispatcher, tracker, domain):
        text = _usable(value, dispatcher)
        if text is None:
            return {"vraag_groep": None}
        answer = yes_no(text, *latest_intent(tracker))
        if answer in (JA, NEE, WEET_NIET):
            return {"vraag_groep": answer}
        # a longer answer is part of the story (it may say "ik wil niet in een groep")
        slots = _retriage(tracker, text)
        contra = has_contra(signal_codes(slots["triage"]))
        return {"vraag_groep": NEE if contra else WEET_NIET, **slots}

    def validate_vraag_postcode(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        if is_skip(text) or yes_no(text, *latest_intent(tracker)) in (NEE, WEET_NIET):
            return {"vraag_postcode": SKIPPED}
        pc4 = pc4_of(text)
        if not pc4:
            utter(dispatcher, "utter_ongeldig_postcode")
            return {"vraag_postcode": None}
        # only the four digits are kept: enough for offers in the neighbourhood
        result = triage_of(tracker, postcode=pc4)
        return {"vraag_postcode": pc4, "triage": result}


class ValidateAanmeldingForm(SafeFormValidation):
    """Consent first; then optional name, contact preference, postcode, time to call; a summary."""

    def name(self) -> Text:
        return "validate_aanmelding_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        if tracker.get_slot("stap") == "crisis":
            return []
        if tracker.get_slot("toestemming") == NEE:
            return ["toestemming", "feedback_antwoord"]
        slots = ["toestemming", "naam", "contact_voorkeur"]
        voorkeur = tracker.get_slot("contact_voorkeur")
        if voorkeur == "telefoon":
            slots.append("telefoon")
        elif voorkeur == "email":
            slots.append("email")
        slots.append("postcode")
        if voorkeur == "telefoon":
            slots.append("belmoment")
        return slots + ["samenvatting_ok", "feedback_antwoord"]

    def follow_person(self, dispatcher, tracker, domain, requested):
        """Stop, a person, a corrected theme, another contact route: honoured mid-form."""
        text = latest_text(tracker)
        found = read_request(text)
        if found is not None and found.kind in (GROEP, GEEN_GROEP):
            utter(dispatcher, "utter_groep_bij_aanmelding")
            return [SlotSet("groep_gevraagd", found.kind == GROEP)] + keep_asking(requested)
        if found is not None and found.kind == AANMELDING:
            found = None if not found.route else found
        themed = theme_events(tracker, text, dispatcher)
        if themed:
            ref = tracker.get_slot("aanmelding_ref")
            if ref:
                after = {e["name"]: e["value"] for e in themed if e.get("event") == "slot"}
                service.update_triage(ref, tracker.sender_id, triage=after["triage"],
                                       hulpvraag=story_text(after["verhaal"]))
            return themed + keep_asking(requested)
        corrected = self._earlier_field_corrected(text, requested, tracker)
        if corrected:
            utter(dispatcher, "utter_aangepast")
            return [SlotSet(k, v) for k, v in corrected.items()] + keep_asking(requested)
        route = contact_route(text)
        if (route and requested not in ("contact_voorkeur", "toestemming", "feedback_antwoord")
                and not (requested == "naam" and not_a_name(text))  # "bellen" is no name, and no answer either
                and route != tracker.get_slot("contact_voorkeur") and tracker.get_slot("aanmelding_ref")):
            return self._new_route(route, text, dispatcher, tracker)
        return super().follow_person(dispatcher, tracker, domain, requested)

    def _earlier_field_corrected(self, text: str, requested: Optional[str], tracker) -> Dict[str, Any]:
        """'Nee, de naam moet Anna de Wit zijn' while another question is open: the earlier answer is corrected.

        Only a field that was already answered and is not the one asked now; the
        open question is then asked again (the summary has its own handling).
        """
        if requested in (None, "samenvatting_ok", "toestemming", "feedback_antwoord") or not tracker.get_slot(
                "aanmelding_ref"):
            return {}
        veld = field_named(text)
        if veld is None or veld == requested or not tracker.get_slot(veld):
            return {}
        corrected = self._correct(veld, text, tracker)
        return {k: v for k, v in corrected.items() if k != requested and v is not None}

    def _new_route(self, route: str, text: str, dispatcher, tracker) -> List[Dict[str, Any]]:
        """'Toch liever per mail': the contact route changes; what no longer fits is cleared."""
        if tracker.get_slot("contact_voorkeur"):
            utter(dispatcher, "utter_aangepast")
        self._store(tracker, "contact_voorkeur", route)
        slots: Dict[str, Any] = {"contact_voorkeur": route, "samenvatting_ok": None}
        for veld in (("telefoon", "belmoment") if route == "email" else ("email",)):
            self._store(tracker, veld, None)
            slots[veld] = None
        slots.update(self._taken(tracker, text))
        return [SlotSet(k, v) for k, v in slots.items()]

    def _taken(self, tracker, text: str, skip: str = "") -> Dict[str, Any]:
        """Contact details in an answer to another question: stored, not asked again."""
        if not tracker.get_slot("aanmelding_ref"):
            return {}
        slots: Dict[str, Any] = {}
        phone, email, postcode = fmt.find_phone(text), fmt.find_email(text), fmt.find_postcode(text)
        if phone and skip != "telefoon":
            self._store(tracker, "telefoon", phone)
            slots["telefoon"] = "[TELEFOON]"
        if email and skip != "email":
            self._store(tracker, "email", email)
            slots["email"] = "[EMAIL]"
        if postcode and skip != "postcode":
            self._store(tracker, "postcode", postcode)
            slots["postcode"] = "[POSTCODE]"
        if (phone or email) and not tracker.get_slot("contact_voorkeur") and skip != "contact_voorkeur":
            choice = "email" if email and not phone else "telefoon"
            self._store(tracker, "contact_voorkeur", choice)
            slots["contact_voorkeur"] = choice
        return slots

    # -- helpers ---------------------------------------------------------
    def _ref(self, tracker) -> str:
        ref = tracker.get_slot("aanmelding_ref")
        if not ref:
            raise service.AanmeldingError("no concept aanmelding in this conversation")
        return ref

    def _other_message(self, slot: str, text: str, dispatcher, tracker) -> Optional[Dict[str, Any]]:
        """A correction or a new subject instead of an answer: keep it, ask again."""
        intent, confidence = latest_intent(tracker)
        correction = is_correction(text)
        new_subject = (intent or "").startswith("hulpvraag_") and confidence >= NEW_SUBJECT_CONFIDENCE
        if not (correction or new_subject):
            return None
        slots = _retriage(tracker, text)
        ref = tracker.get_slot("aanmelding_ref")
        if ref:
            service.update_triage(ref, tracker.sender_id, triage=slots["triage"],
                                  hulpvraag=story_text(slots["verhaal"]), keuzes={"voor_wie": slots["voor_wie"]})
        if correction:
            utter(dispatcher, "utter_voor_wie_aangepast")
        else:
            from bot.dialogue.advice import theme_label
            utter(dispatcher, "utter_onderwerp_erbij", thema_label=theme_label(slots["triage"]))
        return {slot: None, **slots}

    def _confirm(self, dispatcher, tracker, domain) -> Dict[str, Any]:
        """The person confirmed the summary: the aanmelding becomes 'nieuw' for the Bureaudienst."""
        ref = self._ref(tracker)
        service.update_triage(ref, tracker.sender_id, triage=tracker.get_slot("triage") or {},
                              hulpvraag=story_text(tracker.get_slot("verhaal")), keuzes=_keuzes(tracker),
                              aanbod=tracker.get_slot("aanbod_getoond") or [])
        row = service.confirm(ref, tracker.sender_id)
        utter(dispatcher, "utter_aanmelding_klaar", referentie=row["referentie"])
        voorkeur = row.get("contact_voorkeur") or "geen"
        utter(dispatcher, f"utter_wat_nu_{voorkeur if voorkeur in ('telefoon', 'email') else 'geen'}")
        return {"aanmelding_bevestigd": True, "open_vraag": None}

    def on_activation(self, tracker) -> List[Dict[str, Any]]:
        """A new aanmelding after an earlier 'nee' asks for consent again."""
        return [SlotSet("toestemming", None)] if tracker.get_slot("toestemming") == NEE else []

    def _reuse(self, ref: str, tracker) -> Dict[str, Any]:
        """The PC4 given for offers and a contact route said earlier go into the new aanmelding."""
        slots: Dict[str, Any] = {}
        pc4 = pc4_of(str(tracker.get_slot("vraag_postcode") or ""))
        if pc4:
            service.set_contact(ref, tracker.sender_id, "postcode", pc4)
            slots["postcode"] = "[POSTCODE]"
        voorkeur = tracker.get_slot("contact_voorkeur")
        if voorkeur in ("telefoon", "email", "geen"):
            service.set_contact(ref, tracker.sender_id, "contact_voorkeur", voorkeur)
        return slots

    def _store(self, tracker, veld: str, waarde: Optional[str]) -> None:
        service.set_contact(self._ref(tracker), tracker.sender_id, veld, waarde)

    # -- slots -------------------------------------------------------------
    def validate_toestemming(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        answer = yes_no(text, *latest_intent(tracker))
        if answer == JA:
            ref = service.start(
                gesprek_id=tracker.sender_id, rol=rol_of(tracker), triage=tracker.get_slot("triage") or {},
                hulpvraag=story_text(tracker.get_slot("verhaal")), keuzes=_keuzes(tracker),
                aanbod=tracker.get_slot("aanbod_getoond") or [],
            )
            return {"toestemming": JA, "aanmelding_ref": ref, **self._reuse(ref, tracker)}
        if answer == NEE:
            # nothing is stored: the concept (if any) goes, the form ends, feedback follows
            service.discard_concept(tracker.sender_id)
            utter(dispatcher, "utter_geen_toestemming")
            return {"toestemming": NEE, "open_vraag": None}
        other = self._other_message("toestemming", text, dispatcher, tracker)
        if other is not None:
            return other
        return {"toestemming": None}  # asked again in other words (actions/ask.py)

    def validate_naam(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        if is_skip(text) or skips_name(text):
            self._store(tracker, "naam", None)
            return {"naam": SKIPPED}
        other = self._other_message("naam", text, dispatcher, tracker)
        if other is not None:
            return other
        taken = self._taken(tracker, text)
        name = name_in(text)
        if not name:
            if taken:
                return {"naam": None, **taken}
            utter(dispatcher, "utter_ongeldig_naam")
            return {"naam": None}
        self._store(tracker, "naam", name)
        return {"naam": "[NAAM]", **taken}

    def validate_contact_voorkeur(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        choice = "geen" if is_skip(text) else contact.contact_preference(text)
        if choice is None:
            other = self._other_message("contact_voorkeur", text, dispatcher, tracker)
            if other is not None:
                return other
            utter(dispatcher, "utter_ongeldig_contact_voorkeur")
            return {"contact_voorkeur": None}
        self._store(tracker, "contact_voorkeur", choice)
        slots: Dict[str, Any] = {"contact_voorkeur": choice}
        phone, email = fmt.find_phone(text), fmt.find_email(text)
        if choice == "telefoon" and phone:
            self._store(tracker, "telefoon", phone)
            slots["telefoon"] = "[TELEFOON]"
        if choice == "email" and email:
            self._store(tracker, "email", email)
            slots["email"] = "[EMAIL]"
        return slots

    def _validate_contact(self, field: str, value, dispatcher, tracker) -> Dict[str, Any]:
        """validate_<field> of CONTACT_FIELDS: the value is stored, the slot gets its placeholder."""
        spec = CONTACT_FIELDS[field]
        text = str(value or "")
        found = spec.parse(text)
        if found:
            self._store(tracker, field, found)
            return {field: spec.placeholder}
        if is_skip(text) or (spec.skip_answers and yes_no(text) in spec.skip_answers):
            if spec.skip_means_no_contact:
                self._store(tracker, "contact_voorkeur", "geen")
                return {field: SKIPPED, "contact_voorkeur": "geen"}
            self._store(tracker, field, None)
            return {field: SKIPPED}
        other = self._other_message(field, text, dispatcher, tracker)
        if other is not None:
            return other
        utter(dispatcher, spec.invalid)
        return {field: None}

    def validate_samenvatting_ok(self, value, dispatcher, tracker, domain):
        text = str(value or "")
        if yes_no(text, *latest_intent(tracker)) == JA:
            return {"samenvatting_ok": JA, **self._confirm(dispatcher, tracker, domain)}
        veld = field_named(text)
        corrected = self._correct(veld, text, tracker)
        if corrected:
            utter(dispatcher, "utter_aangepast")
            return {"samenvatting_ok": None, **corrected}
        if veld:
            if veld == "contact_voorkeur":
                for f in ("contact_voorkeur", "telefoon", "email", "belmoment"):
                    self._store(tracker, f, None)
                return {"samenvatting_ok": None, "contact_voorkeur": None, "telefoon": None, "email": None,
                        "belmoment": None}
            self._store(tracker, veld, None)
            return {"samenvatting_ok": None, veld: None}
        other = self._other_message("samenvatting_ok", text, dispatcher, tracker)
        if other is not None:
            return other
        # "nee" (or unclear): the summary question asks what to change (actions/ask.py)
        return {"samenvatting_ok": None}

    def _correct(self, veld: Optional[str], text: str, tracker) -> Dict[str, Any]:
        """A correction with its new value ('nee, de naam moet Sanne zijn'): stored, the summary again."""
        slots = self._taken(tracker, text)
        if veld == "naam":
            name = name_in(text, field_words=True)
            if name:
                self._store(tracker, "naam", name)
                slots["naam"] = "[NAAM]"
        elif veld == "belmoment" or (veld is None and not slots and contact.find_belmoment(text)):
            moment = contact.find_belmoment(text)
            if moment and tracker.get_slot("contact_voorkeur") == "telefoon":
                self._store(tracker, "belmoment", moment)
                slots["belmoment"] = "[BELMOMENT]"
        route = contact_route(text)
        if route and route != tracker.get_slot("contact_voorkeur") and veld in (None, "contact_voorkeur", "email",
                                                                                "telefoon"):
            self._store(tracker, "contact_voorkeur", route)
            slots["contact_voorkeur"] = route
            if not slots.get("telefoon" if route == "telefoon" else "email"):
                slots["telefoon" if route == "telefoon" else "email"] = None
        return slots

    def validate_feedback_antwoord(self, value, dispatcher, tracker, domain):
        """The one-question feedback, stored with the aanmelding's reference (if any)."""
        score = feedback_score(str(value or ""))
        label = {3: "goed", 2: "gaat_wel", 1: "niet_goed"}.get(score, "anders")
        try:
            service.record_feedback(tracker.sender_id, score, label, referentie=tracker.get_slot("aanmelding_ref"))
        except Exception as exc:  # feedback is nice to have: thank the person anyway
            log_failure("record_feedback", exc)
        utter(dispatcher, "utter_feedback_dank")
        send_card(dispatcher, tracker, domain)
        return {"feedback_antwoord": label}


def _contact_validator(field: str):
    def validate(self, value, dispatcher, tracker, domain):
        return self._validate_contact(field, value, dispatcher, tracker)

    validate.__name__ = validate.__qualname__ = f"validate_{field}"
    validate.__doc__ = f"The answer to the {field} question (CONTACT_FIELDS in actions/forms_base.py)."
    return validate


for _field in CONTACT_FIELDS:  # validate_telefoon, validate_email, validate_postcode, validate_belmoment
    setattr(ValidateAanmeldingForm, f"validate_{_field}", _contact_validator(_field))
