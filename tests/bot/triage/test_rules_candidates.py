"""RuleSet.candidates (index and need numbers) yields exactly the patterns whose every need is met."""

from bot.triage.bench import training_sentences
from bot.triage.normalize import clean_text, norm_form
from bot.triage.prefilter import vocabulary
from bot.triage.signals import default_engine

from .signal_cases import FOUND, NO_CRISIS, NOT_FOUND


def _texts():
    cases = [case[0] if isinstance(case, tuple) else case for case in [*FOUND, *NOT_FOUND, *NO_CRISIS]]
    return training_sentences()[::16] + cases


def test_candidates_are_the_patterns_whose_needs_are_all_met():
    engine = default_engine()
    rules = engine.rule_set
    yielded = 0
    for text in _texts():
        doc = engine.nlp(clean_text(text))
        norms = [norm_form(t.lower_, rules.language.spelling) for t in doc]
        lemmas = [t.lemma_ for t in doc]
        norm_set, lemma_set, joined = vocabulary(norms, lemmas)
        slow = [p for p in rules.patterns if all(n.met_by(norm_set, lemma_set, joined) for n in p.needs)]
        fast = list(rules.candidates(norms, lemmas))
        assert fast == slow, text
        yielded += len(fast)
    assert yielded > 1000  # patterns were really found, not only skipped
