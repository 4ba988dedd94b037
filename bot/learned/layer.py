"""The learned layer inside triage: extra signals with evidence, and the crisis check.

``with_learned(text, rule_signals)`` returns the rule signals plus the signals
the classifier raises for codes the rules did not find (rules keep precedence
for evidence), and a ``CrisisCheck`` when the classifier's crisis confidence
is in the middle band (or it reads distress that may mean danger) while no
crisis signal was raised: the dialogue asks a gentle check question then.

Either the rules or the classifier can raise crisis (recall first). Each
learned signal carries the fragment that weighed most (``bewijs``) and in
``regel`` that it came from the learned layer, with its probability. Without
a trained artefact (``make setup`` builds it) the rules work alone.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, AbstractSet, Dict, List, Optional, Sequence, Tuple

from bot.learned.corpus import TWIJFEL
from bot.triage.result import CrisisCheck, Signal
from bot.triage.text import MAX_CLASSIFY_CHARS

if TYPE_CHECKING:
    from bot.learned.reading import TextReading

log = logging.getLogger(__name__)

CRISIS = "crisis"
CHECK = "crisis_check"
RULE_PREFIX = "geleerd"
# A word or two ("Anna", "bellen") carries no danger the rules would miss, and
# the classifier's probabilities for it come from little more than its bias.
MIN_WORDS = 3
# A learned signal never contradicts what the rules read in so many words: a
# person who asks for peers ("mensen die net als ik ...") is not averse to a
# group because the classifier weighs "groep" a little towards aversion.
YIELDS_TO_RULES = {"contra_groep_ongewenst": ("indicatie_lotgenoten", "indicatie_sociaal_contact")}
# The classifier alone raises the full crisis path only from this confidence on;
# between its check threshold and here it asks the check question (113 visible,
# a yes leads to the crisis path). Measured on four blind sets (2026-12-03): the
# learned-only crises between 0.40 and 0.50 were distress without danger (five
# false alarms) and one real crisis that a rule now also finds.
SURE_CRISIS = 0.5


NAME_PARTICLES = frozenset("van de der den ter ten te het in 't el al bin ben von la le da di dos du".split())


def looks_like_a_name(text: str) -> bool:
    """Only capitalised words and name particles ("Anna van Wit"): nothing for the classifier.

    Its character n-grams would read "vannacht" in "Anna van"; the rules still see the text.
    """
    words = re.findall(r"\w+", text)
    return bool(words) and all((w[0].isupper() and not (len(w) > 1 and w.isupper())) or w.lower() in NAME_PARTICLES
                               for w in words)  # SHOUTED TEXT is read


@lru_cache(maxsize=1)
def default_model():
    """The trained model, loaded once per process; None when it was never trained."""
    from bot.learned import training

    state = training.status()
    if state == "missing":
        log.warning("learned layer: %s is missing (run make setup); rules only", training.ARTEFACT)
        return None
    if state == "stale":
        log.warning("learned layer: %s is older than data/corpus (run make setup)", training.ARTEFACT)
    return training.load()


_PROBABILITY = re.compile(rf"^{RULE_PREFIX} \(kans (\d\.\d+)\)$")


def _signal(reading: TextReading, code: str, soort: str, probability: float) -> Signal:
    return Signal(code, soort, reading.fragment(code), f"{RULE_PREFIX} (kans {probability:.2f})")


def learned_probability(signal: Signal) -> Optional[float]:
    """The classifier's probability of a learned signal (its ``regel``); None for a rule's signal."""
    match = _PROBABILITY.match(signal.regel)
    return float(match.group(1)) if match else None


def learned_signals(text: str, rule_signals: Sequence[Signal], model=None,
                    taxonomy=None, vetoed: AbstractSet[str] = frozenset()) -> Tuple[List[Signal], Optional[CrisisCheck]]:
    """(new signals, crisis check) the classifier adds to ``rule_signals``.

    ``vetoed``: contra and indicatie codes a rule set aside as a figure of speech
    ("ik zit in een rolstoel" is no request for one); the classifier does not
    overrule that. Crisis is never vetoed (recall first).
    """
    model = model if model is not None else default_model()
    text = text[:MAX_CLASSIFY_CHARS]
    if model is None or len(re.findall(r"\w+", text)) < MIN_WORDS or looks_like_a_name(text):
        return [], None
    if taxonomy is None:
        from bot.taxonomy import taxonomy as current_taxonomy

        taxonomy = current_taxonomy()
    from bot.learned.reading import TextReading  # numpy and scikit-learn, only once a model is there

    reading = TextReading(model, text)  # the text is tokenised and vectorised once for all that follows
    probs: Dict[str, float] = reading.probabilities()
    limits = model.thresholds
    known = {s.code for s in rule_signals} | set(vetoed)
    added: List[Signal] = []
    crisis_codes = [c for c, s in taxonomy.signals.items() if s.soort == "crisis" and c in probs]
    for code, signal in taxonomy.signals.items():  # crisis only through the crisis label, below
        if signal.soort != "crisis" and code in probs and code not in known and probs[code] >= limits[code] \
                and not known.intersection(YIELDS_TO_RULES.get(code, ())):
            added.append(_signal(reading, code, signal.soort, probs[code]))
    crisis_found = any(s.soort == "crisis" for s in [*rule_signals, *added])
    if not crisis_found and probs[CRISIS] >= max(limits[CRISIS], SURE_CRISIS) and crisis_codes:
        code = max(crisis_codes, key=lambda c: probs[c])
        added.append(_signal(reading, code, "crisis", probs[CRISIS]))
        crisis_found = True
    check = None
    if not crisis_found:
        doubt = max((probs[CRISIS], CRISIS), (probs[TWIJFEL], TWIJFEL))
        if probs[CRISIS] >= limits[CHECK] or probs[TWIJFEL] >= limits[TWIJFEL]:
            label = max(crisis_codes, key=lambda c: probs[c]) if doubt[1] == CRISIS else TWIJFEL
            check = CrisisCheck(
                kans=round(doubt[0], 3),
                bewijs=reading.fragment(label),
                reden=f"{RULE_PREFIX}: mogelijk crisis (kans {doubt[0]:.2f}); vraag na of iemand in gevaar is",
            )
    return added, check


def with_learned(text: str, rule_signals: Sequence[Signal],
                 vetoed: AbstractSet[str] = frozenset()) -> Tuple[List[Signal], Optional[CrisisCheck]]:
    """The rule signals and the learned ones (crisis, contra, indicatie; taxonomy order), and the check."""
    from bot.taxonomy import SIGNAL_KINDS, taxonomy

    try:
        added, check = learned_signals(text, rule_signals, vetoed=vetoed)
    except Exception:  # the rules must keep working whatever happens to the artefact
        log.exception("learned layer failed; rules only")
        return list(rule_signals), None
    if not added:
        return list(rule_signals), check
    codes = {code: i for i, code in enumerate(taxonomy().signals)}
    kinds = {kind: i for i, kind in enumerate(SIGNAL_KINDS)}
    return sorted([*rule_signals, *added], key=lambda s: (kinds[s.soort], codes[s.code])), check
