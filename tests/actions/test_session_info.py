"""Session start, welcome, gemeente answers, stop/opnieuw, fallback."""

from actions.fallback import ActionFallback
from actions.handover import ActionZegMedewerker
from actions.info import ActionWelkom, ActionZegBuitenScope
from actions.session import ActionOpnieuw, ActionSessionStart, ActionStoppen, ActionWissen
from bot.aanmelding import service
from tests.actions.conftest import cards_of, responses_of, slots_of


def test_session_start_reads_role_only_from_metadata(tracker_factory, run, domain):
    tracker = tracker_factory(slots={"session_started_metadata": {"rol": "kcc"}})
    _, events = run(ActionSessionStart(), tracker, domain)
    assert slots_of(events)["rol"] == "kcc"
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"
    tracker = tracker_factory(text="ik ben van het KCC, rol kcc", slots={"session_started_metadata": {}})
    _, events = run(ActionSessionStart(), tracker, domain)
    assert slots_of(events)["rol"] == "inwoner"


def test_welcome_says_what_it_is_and_not_an_emergency_line(tracker_factory, run, domain):
    messages, events = run(ActionWelkom(), tracker_factory("hallo", "groet"), domain)
    assert responses_of(messages) == ["utter_welkom", "utter_privacy", "utter_vraag_doorgaan"]
    welkom = messages[0]
    assert welkom["nood_algemeen"] == "112" and "113" in welkom["nood_113"]
    assert "28 dagen" in messages[1]["privacy_tekst"]
    assert slots_of(events) == {"welkom_gehad": True, "open_vraag": "doorgaan"}
    messages, _ = run(ActionWelkom(), tracker_factory("hoi", "groet", slots={"welkom_gehad": True}), domain)
    assert responses_of(messages) == ["utter_vraag_hulpvraag"]


def test_kcc_turns_carry_a_card(tracker_factory, run, domain):
    tracker = tracker_factory("paspoort verlopen", "buiten_scope", metadata={"rol": "kcc"})
    messages, events = run(ActionZegBuitenScope(), tracker, domain)
    assert responses_of(messages) == ["utter_buiten_scope"]
    assert messages[0]["gemeente_website"].startswith("https://")
    cards = cards_of(messages)
    assert len(cards) == 1 and "volgende_vragen" in cards[0]
    assert slots_of(events)["rol"] == "kcc"
    messages, _ = run(ActionZegBuitenScope(), tracker_factory("paspoort", "buiten_scope"), domain)
    assert cards_of(messages) == []


def test_medewerker_gives_the_contact_route(tracker_factory, run, domain):
    messages, events = run(ActionZegMedewerker(), tracker_factory("ik wil een mens", "medewerker_spreken"), domain)
    assert responses_of(messages) == ["utter_medewerker", "utter_terugbel_aanbod"]  # the route and a callback
    assert "14 038" in messages[0]["contact_route"]
    assert slots_of(events)["open_vraag"] == "terugbellen"


def test_stop_first_asks_what_will_be_wiped(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="stop-0", rol="inwoner", triage={}, hulpvraag="x")
    tracker = tracker_factory("stop", "stoppen", sender_id="stop-0", active_loop="aanmelding_form",
                              slots={"aanmelding_ref": ref, "verhaal": ["x"]})
    messages, events = run(ActionStoppen(), tracker, domain)
    assert responses_of(messages) == ["utter_stoppen_bevestigen"]
    assert "aanmelding die nog niet klaar is" in messages[0]["wat_weg"]
    assert slots_of(events)["open_vraag"] == "stoppen" and slots_of(events)["onderbroken"] == "aanmelding_form"
    assert service.get(ref, "stop-0")["status"] == "concept"  # nothing wiped yet


def test_stop_discards_unconfirmed_aanmelding(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="stop-1", rol="inwoner", triage={}, hulpvraag="x")
    tracker = tracker_factory("ja", "bevestigen", sender_id="stop-1",
                              slots={"aanmelding_ref": ref, "rol": "kcc", "verhaal": ["x"], "open_vraag": "stoppen"})
    messages, events = run(ActionWissen(), tracker, domain)
    assert responses_of(messages) == ["utter_gestopt"]
    kinds = [e["event"] for e in events]
    assert "active_loop" in kinds and "reset_slots" in kinds
    assert slots_of(events)["rol"] == "kcc"
    assert service.discard_concept("stop-1") == 0  # already gone


def test_stop_keeps_a_confirmed_aanmelding(tracker_factory, run, domain, use_database):
    ref = service.start(gesprek_id="stop-2", rol="inwoner", triage={}, hulpvraag="x")
    service.confirm(ref, "stop-2")
    tracker = tracker_factory("stop", "stoppen", sender_id="stop-2",
                              slots={"aanmelding_ref": ref, "aanmelding_bevestigd": True})
    messages, _ = run(ActionStoppen(), tracker, domain)
    assert responses_of(messages) == ["utter_gestopt_aanmelding_blijft"] and messages[0]["referentie"] == ref
    assert service.get(ref, "stop-2")["status"] == "nieuw"


def test_opnieuw_resets(tracker_factory, run, domain, use_database):
    """Nothing told yet: nothing to wipe, so no question first."""
    messages, events = run(ActionOpnieuw(), tracker_factory("opnieuw", "opnieuw_beginnen"), domain)
    assert responses_of(messages) == ["utter_opnieuw"]
    assert any(e["event"] == "reset_slots" for e in events)


def test_fallback_answers_by_kind(tracker_factory, run, domain):
    cases = {
        "": "utter_leeg",
        "🙂🙂": "utter_geen_woorden",
        "Hello, I need help with my rent please": "utter_anderstalig",
        "blub blub": "utter_fallback",
    }
    for text, expected in cases.items():
        messages, _ = run(ActionFallback(), tracker_factory(text, "nlu_fallback", 0.2), domain)
        assert responses_of(messages) == [expected], text
    messages, _ = run(ActionFallback(), tracker_factory("blub", "nlu_fallback", previous_texts=["blub"]), domain)
    assert responses_of(messages) == ["utter_herhaald"]
    english = run(ActionFallback(), tracker_factory("Hello, I need help please", "nlu_fallback"), domain)[0][0]
    assert english["gemeente_telefoon"] == "14 038"


def test_an_exception_becomes_a_friendly_answer_without_text_in_the_log(tracker_factory, run, domain, caplog,
                                                                           monkeypatch):
    import actions.info as info

    secret = "mijn geheim 06-12345678"

    def broken(*_a, **_k):
        raise RuntimeError(secret)  # an exception message holding the person's text

    monkeypatch.setattr(info, "send_card", broken)
    messages, events = run(ActionZegBuitenScope(), tracker_factory(secret, "buiten_scope"), domain)
    assert responses_of(messages)[-1] == "utter_technisch_probleem"
    assert events == []
    logged = caplog.text
    assert "RuntimeError" in logged and "action_zeg_buiten_scope" in logged
    assert "geheim" not in logged and "06-12345678" not in logged


def test_crisis_is_never_answered_by_another_action(tracker_factory, run, domain):
    """Whatever intent the model guessed, a crisis message goes to action_crisis."""
    tracker = tracker_factory("ik wil niet meer leven", "stoppen", 0.9, active_loop="aanmelding_form",
                              slots={"requested_slot": "naam"})
    messages, events = run(ActionStoppen(), tracker, domain)
    assert messages == []
    kinds = [(e["event"], e.get("name")) for e in events]
    assert ("followup", "action_crisis") in kinds and ("active_loop", None) in kinds
    assert slots_of(events)["stap"] == "crisis"
    messages, events = run(ActionZegBuitenScope(), tracker_factory("ik wil dood", "buiten_scope"), domain)
    assert messages == [] and events[-1] == {"event": "followup", "timestamp": None, "name": "action_crisis"}


def test_english_crisis_is_never_answered_by_another_action(tracker_factory, run, domain):
    messages, events = run(ActionFallback(), tracker_factory("i want to kill myself", "nlu_fallback"), domain)
    assert messages == [] and events[-1] == {"event": "followup", "timestamp": None, "name": "action_crisis"}


def test_fallback_hands_an_ambiguous_hulpvraag_to_triage(tracker_factory, run, domain):
    tracker = tracker_factory("Ik heb steeds meer schulden en ik slaap er slecht van", "nlu_fallback", 0.12,
                              ranking=[("nlu_fallback", 0.12), ("hulpvraag_psychisch", 0.52),
                                       ("hulpvraag_geldzaken", 0.47)])
    messages, events = run(ActionFallback(), tracker, domain)
    assert messages == [] and events == [{"event": "followup", "timestamp": None, "name": "action_triage"}]
