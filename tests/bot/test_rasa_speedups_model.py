"""The graph runner of bot/rasa_speedups and the project's RulePolicy give Rasa's own results.

Runs the trained model (made by make setup) both ways: NLU parses and
policy predictions must be identical, with the graph runner and with dask,
and with HappyPathFirstRulePolicy's shortcut and with RulePolicy's own
``_predict``.
"""

import asyncio

import pytest
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import paths, rasa_speedups
from bot.rasa_adapters.rule_policy import HappyPathFirstRulePolicy

pytestmark = pytest.mark.skipif(not paths.MODEL_FILE.exists(), reason="no trained model: run make setup")

MESSAGES = ["hallo", "Ik heb steeds meer schulden en ik slaap er slecht van", "ja", "/bevestigen",
            "Voor mijzelf", "8011 AB", "", "🙂🙂", "<b>help</b>", "I need help with my rent"]


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent

    rasa_speedups.apply()
    return Agent.load(str(paths.MODEL_FILE))


def _with_original(cls, attribute, fn):
    """Run ``fn`` with Rasa's own ``cls.attribute`` instead of the patched one."""
    patched = getattr(cls, attribute)
    setattr(cls, attribute, patched._original)
    try:
        return fn()
    finally:
        setattr(cls, attribute, patched)


def _with_dask(fn):
    return _with_original(DaskGraphRunner, "run", fn)


def _with_rasas_rule_search(fn):
    """Run ``fn`` with the base class's ``_predict``: the subclass as plain RulePolicy."""
    shortcut = HappyPathFirstRulePolicy.__dict__["_predict"]
    del HappyPathFirstRulePolicy._predict
    try:
        assert HappyPathFirstRulePolicy._predict is RulePolicy._predict
        return fn()
    finally:
        HappyPathFirstRulePolicy._predict = shortcut


def test_parses_are_the_same_without_dask(agent):
    for text in MESSAGES:
        ours = asyncio.run(agent.parse_message(text))
        rasas = _with_dask(lambda text=text: asyncio.run(agent.parse_message(text)))
        assert ours == rasas, text


def _trackers(domain):
    start = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    hulpvraag = UserUttered("ik heb schulden", {"name": "hulpvraag_geldzaken", "confidence": 0.9})
    in_form = start + [hulpvraag, ActionExecuted("action_triage"), SlotSet("stap", "verhelderen"),
                       ActionExecuted("verheldering_form"), ActiveLoop("verheldering_form"),
                       SlotSet("requested_slot", "vraag_sinds"), ActionExecuted("action_listen")]
    answers = {
        "answer": UserUttered("al een jaar", {"name": "nlu_fallback", "confidence": 0.3}),
        "stop": UserUttered("stop", {"name": "stoppen", "confidence": 0.99}),
        "restart": UserUttered("/restart", {"name": "restart", "confidence": 1.0}),
        "privacy": UserUttered("wat doen jullie met mijn gegevens", {"name": "vraag_privacy", "confidence": 0.95}),
    }
    yield "hulpvraag", start + [hulpvraag]
    for name, answer in answers.items():
        yield f"form {name}", in_form + [answer]
    yield "after the form", in_form + [answers["answer"], ActionExecuted("verheldering_form")]


def test_the_model_runs_the_projects_rule_policy(agent):
    from rasa.core.policies.policy import Policy

    nodes = agent.processor.model_metadata.predict_schema.nodes.values()
    policies = [n.uses for n in nodes if isinstance(n.uses, type) and issubclass(n.uses, Policy)]
    assert policies == [HappyPathFirstRulePolicy] and issubclass(HappyPathFirstRulePolicy, RulePolicy)


def test_predictions_are_the_same_with_rasas_rule_search_and_dask(agent):
    processor = agent.processor
    domain = processor.domain
    for name, events in _trackers(domain):
        def predict(events=events):
            tracker = DialogueStateTracker.from_events("t", events, domain.slots)
            prediction = processor._predict_next_with_tracker(tracker)
            return prediction.max_confidence_index, prediction.probabilities, prediction.policy_name, \
                prediction.is_end_to_end_prediction, prediction.is_no_user_prediction

        ours = predict()
        assert ours == _with_rasas_rule_search(predict), name
        assert ours == _with_dask(predict), name


def test_a_graph_input_that_names_a_node_is_refused(agent):
    from rasa.engine.exceptions import GraphRunError

    from bot.rasa_speedups.graph import _run_order

    runner = agent.processor.graph_runner
    targets = [agent.processor.model_metadata.nlu_target]
    node = _run_order(runner, targets)[0][0]
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        runner.run(inputs={"__message__": node}, targets=targets)
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        _with_dask(lambda: runner.run(inputs={"__message__": node}, targets=targets))
