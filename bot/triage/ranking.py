"""Turn Rasa's intent ranking into a ranking of taxonomy themes.

Theme intents are named ``hulpvraag_<thema>``; every other intent (groet,
buiten_scope, hulpvraag_vaag, ...) says "no theme". Plain Python: the action
server uses it on the parse data Rasa already sent, so it never loads a model.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

THEME_INTENT_PREFIX = "hulpvraag_"

Ranking = List[Tuple[str, float]]  # (intent name, confidence), best first


def theme_of_intent(intent: str) -> Optional[str]:
    """``hulpvraag_geldzaken`` -> ``geldzaken``; None for other intents."""
    if intent and intent.startswith(THEME_INTENT_PREFIX):
        return intent[len(THEME_INTENT_PREFIX):]
    return None


def ranking_from_parse(parse_data: Optional[Mapping[str, Any]]) -> Ranking:
    """The (intent, confidence) list from Rasa parse data, best first."""
    if not parse_data:
        return []
    items = parse_data.get("intent_ranking") or []
    if not items and parse_data.get("intent"):
        items = [parse_data["intent"]]
    ranking = [
        (str(i.get("name")), float(i.get("confidence") or 0.0))
        for i in items
        if isinstance(i, Mapping) and i.get("name")
    ]
    return sorted(ranking, key=lambda pair: -pair[1])


def merge_rankings(rankings: Iterable[Sequence[Tuple[str, float]]]) -> Ranking:
    """Combine the rankings of several messages about one hulpvraag.

    Each intent keeps its highest confidence over the messages, so a theme
    that one answer made clear is not washed out by a short "ja" later.
    """
    best: Dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for intent, confidence in ranking:
            best[intent] = max(best[intent], float(confidence))
    return sorted(best.items(), key=lambda pair: -pair[1])


def themes_from_ranking(ranking: Sequence[Tuple[str, float]], known_themes: Iterable[str]) -> Ranking:
    """Only the taxonomy themes of an intent ranking, best first."""
    known = set(known_themes)
    themes = [(theme_of_intent(intent), conf) for intent, conf in ranking]
    return [(t, c) for t, c in themes if t in known]
