"""domain.yml and the actions agree: every response is used, every used one exists.

Rasa's validator cannot see responses sent by custom actions (it warns that
they are "not used in any story or rule"); this test is the real check.
"""

import re

import yaml
from rasa_sdk.executor import ActionExecutor

from bot import paths

SOURCES = list((paths.ROOT / "actions").glob("*.py")) + list((paths.ROOT / "bot" / "dialogue").glob("*.py"))


def _domain():
    return yaml.safe_load((paths.ROOT / "domain.yml").read_text(encoding="utf-8"))


def _code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)


def test_every_response_in_the_code_exists():
    responses = set(_domain()["responses"])
    used = set(re.findall(r'"(utter_[a-z0-9_]+)"', _code()))
    assert used - responses == set()


def test_every_response_is_sent_by_something():
    domain, code = _domain(), _code()
    used = set(re.findall(r'"(utter_[a-z0-9_]+)"', code))
    asked = {f"utter_question_{slot}" for form in domain["forms"].values() for slot in form["required_slots"]}
    wat_nu = {f"utter_wat_nu_{v}" for v in ("telefoon", "email", "geen")}  # utter_wat_nu_{voorkeur}
    unused = set(domain["responses"]) - used - asked - wat_nu
    assert unused == set()


def test_every_action_in_the_domain_is_served_and_vice_versa():
    executor = ActionExecutor()
    executor.register_package("actions")
    declared = {next(iter(a)) if isinstance(a, dict) else a for a in _domain()["actions"]}
    assert declared == set(executor.actions)


def _render(text: str) -> str:
    """The text with the gemeente's variables; other variables (offer fields, reasons) empty."""
    from actions.common import gemeente_vars

    values = gemeente_vars()
    return re.sub(r"\{([a-z0-9_]+)\}", lambda m: str(values.get(m.group(1), "")), text)


def test_kcc_variants_speak_of_de_inwoner_and_are_compact():
    for name, variants in _domain()["responses"].items():
        kcc = [v for v in variants if v.get("condition")]
        plain = [v for v in variants if not v.get("condition")]
        assert plain, f"{name}: no default (inwoner) variant"
        for v in kcc:
            assert v["condition"] == [{"type": "slot", "name": "rol", "value": "kcc"}], name
            longest = max(len(_render(p["text"])) for p in plain)
            # compact: one short line, or not longer than the inwoner text
            assert len(_render(v["text"])) <= max(160, longest), f"{name}: KCC text is not compact"
            assert " u " not in f" {v['text'].lower()} ", f"{name}: KCC text addresses 'u' instead of de inwoner"


def test_inwoner_texts_are_short_sentences():
    """B1: short sentences (at most 25 words each) in every inwoner text."""
    for name, variants in _domain()["responses"].items():
        for v in variants:
            if v.get("condition"):
                continue
            for sentence in re.split(r"(?<=[.?!])\s+", re.sub(r"\{[a-z0-9_]+\}", "X", v["text"])):
                assert len(sentence.split()) <= 25, f"{name}: long sentence: {sentence}"


def test_action_responses_are_still_validated_after_the_speed_patch():
    """bot/rasa_speedups/ caches Rasa's action-response validator; bad responses still fail."""
    import pytest
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    from bot import rasa_speedups

    rasa_speedups.apply()

    action = RemoteAction.__new__(RemoteAction)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list"})


def test_the_local_domain_matches_what_rasa_would_send():
    """With selective domain on, actions read domain.yml themselves (actions.common.local_domain).

    The parts they use must look exactly like Rasa's serialised domain.
    """
    from rasa.shared.core.domain import Domain

    from actions.common import domain_or_local, local_domain

    sent = Domain.load(str(paths.ROOT / "domain.yml")).as_dict()
    local = local_domain()
    for key in ("forms", "slots", "responses"):
        assert local[key] == sent[key], key
    assert domain_or_local({}) is local
    assert domain_or_local(sent) is sent


def test_rasa_does_not_send_the_domain_to_the_action_server():
    endpoints = yaml.safe_load((paths.ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    assert endpoints["action_endpoint"].get("enable_selective_domain") is True
    for entry in _domain()["actions"]:
        assert not (isinstance(entry, dict) and any(v.get("send_domain") for v in entry.values())), entry
