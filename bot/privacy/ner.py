"""Optional: person names from the spaCy pipeline's entity recogniser.

Only used when the active Dutch pipeline (var/spacy/nl_actief) has an ``ner``
component, e.g. the published nl_core_news_sm. The check reads the
pipeline's meta.json, so spaCy is imported only when NER is really there.
Set ``WIJKTEAM_REDACT_NER=0`` to switch this path off.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import Iterator

from bot.privacy.spans import Span

log = logging.getLogger(__name__)

PERSON_LABELS = frozenset({"PERSON", "PER"})


@lru_cache(maxsize=1)
def ner_available() -> bool:
    if os.environ.get("WIJKTEAM_REDACT_NER", "1").strip() in ("0", "false", "nee", "uit"):
        return False
    try:
        from bot.nlp import active_pipeline_info

        return "ner" in active_pipeline_info().components
    except (FileNotFoundError, ValueError, OSError):
        return False


@lru_cache(maxsize=1)
def _ner_pipeline():
    from bot.nlp import load_pipeline

    nlp = load_pipeline()
    keep = {"ner"} | {n for n in nlp.pipe_names if n in ("tok2vec", "transformer")}
    log.debug("redaction uses spaCy NER of the active pipeline")
    return nlp, [n for n in nlp.pipe_names if n not in keep]


def find_ner_names(text: str) -> Iterator[Span]:
    if not text or not ner_available():
        return
    nlp, disabled = _ner_pipeline()
    doc = nlp(text, disable=disabled)
    for ent in doc.ents:
        if ent.label_ in PERSON_LABELS:
            yield Span(ent.start_char, ent.end_char, "NAAM", f"naam (spaCy {ent.label_})")
