"""Combine the classifier's ranking with the theme words into ranked themes.

The classifier decides the primary theme when it is confident; theme words
add every other theme a question touches and rescue a primary theme when the
classifier is unsure. Below the thresholds the answer is 'onduidelijk' (an
empty list), and the assistant asks what the question is about.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from bot.triage.result import ThemeScore

# Tuned on the development set's figures (see README, "Evaluation").
PRIMARY_THRESHOLD = 0.45  # classifier confidence to be the primary theme on its own
PRIMARY_MARGIN = 0.15  # ... and its lead over the next theme; closer calls go by the evidence
SECONDARY_THRESHOLD = 0.12  # classifier confidence to be listed at all
WORD_SCORE = 0.30  # confidence given to a theme seen only through its words
WORD_BONUS = 0.10  # per extra word, up to two
SIGNAL_SCORE = 0.50  # confidence given to a theme a detected signal points to


def combine_themes(
    classifier: Sequence[Tuple[str, float]],
    word_hits: Dict[str, List[str]],
    signal_hits: Optional[Dict[str, List[str]]] = None,
    top_non_theme: float = 0.0,
    classifier_may_lead: bool = True,
) -> List[ThemeScore]:
    """Ranked themes with confidence and reason; [] means 'onduidelijk'.

    ``classifier_may_lead=False`` (a message mostly in another language): the
    classifier's confidence alone never makes the primary theme when theme words
    or signals say something; it counts as evidence next to them.
    """
    scores: Dict[str, float] = {}
    reasons: Dict[str, List[str]] = {}
    for theme, conf in classifier:
        if conf >= SECONDARY_THRESHOLD:
            scores[theme] = conf
            reasons.setdefault(theme, []).append(f"classifier {conf:.2f}")
    for theme, words in word_hits.items():
        word_score = WORD_SCORE + WORD_BONUS * min(len(words) - 1, 2)
        scores[theme] = max(scores.get(theme, 0.0), word_score)
        reasons.setdefault(theme, []).append("woorden: " + ", ".join(words[:4]))
    for theme, codes in (signal_hits or {}).items():
        scores[theme] = max(scores.get(theme, 0.0), SIGNAL_SCORE)
        reasons.setdefault(theme, []).append("signaal: " + ", ".join(codes))
    if not scores:
        return []
    classifier_best = classifier[0] if classifier else None
    runner_up = classifier[1][1] if len(classifier) > 1 else 0.0
    confident = (
        classifier_may_lead
        and classifier_best is not None
        and classifier_best[1] >= PRIMARY_THRESHOLD
        and classifier_best[1] - runner_up >= PRIMARY_MARGIN
        and classifier_best[1] > top_non_theme
    )
    ranked = sorted(scores, key=lambda t: (-scores[t], t))
    if confident and classifier_best is not None:  # confident implies a classifier best
        ranked.remove(classifier_best[0])
        ranked.insert(0, classifier_best[0])
    elif not word_hits and not signal_hits:
        if classifier_best is not None and classifier_best[1] >= PRIMARY_THRESHOLD and classifier_best[1] > top_non_theme:
            return [ThemeScore(thema=t, zekerheid=round(scores[t], 3), waarom="; ".join(reasons[t])) for t in ranked]
        return []  # unsure classifier and no theme words: onduidelijk
    else:
        # unsure classifier: the theme with most evidence (signals, words, classifier) leads
        evidence = {
            t: 2 * len((signal_hits or {}).get(t, ())) + len(word_hits.get(t, ())) + dict(classifier).get(t, 0.0)
            for t in scores
        }
        ranked.sort(key=lambda t: (-evidence[t], -scores[t], t))
    return [ThemeScore(thema=t, zekerheid=round(scores[t], 3), waarom="; ".join(reasons[t])) for t in ranked]
