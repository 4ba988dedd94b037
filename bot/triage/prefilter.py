"""Skip patterns that cannot match a text before spaCy's Matcher runs them.

spaCy's Matcher evaluates every pattern's first token test at every token; with
hundreds of patterns whose tests are sets and regular expressions (Python
callbacks), that costs ~0.2 ms per token. Each pattern here knows the words
it requires (one per required token, from its NORM or LEMMA test); a pattern
runs only when every required token test is met by some word of the text.
For a chat message that leaves a handful of the ~600 patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Any, Dict, List, Optional, Tuple, Union


@dataclass(frozen=True)
class Need:
    attr: str  # NORM | LEMMA
    words: Optional[frozenset] = None  # one of these words ...
    regex: Optional["re.Pattern[str]"] = None  # ... or a word matching this

    def met_by(self, norms: AbstractSet[str], lemmas: AbstractSet[str], joined: Dict[str, str]) -> bool:
        vocabulary = norms if self.attr == "NORM" else lemmas
        if self.words is not None:
            return not self.words.isdisjoint(vocabulary)
        assert self.regex is not None, "a condition has words or a regex"
        return bool(self.regex.search(joined[self.attr]))


def _need(spec: Dict[str, Any]) -> Optional[Need]:
    if spec.get("OP") not in (None, "1", "+"):
        return None
    for attr in ("NORM", "LEMMA"):
        if attr not in spec:
            continue
        value: Union[str, Dict[str, Any]] = spec[attr]
        if isinstance(value, str):
            return Need(attr, words=frozenset([value]))
        if isinstance(value, dict) and set(value) == {"IN"}:
            return Need(attr, words=frozenset(value["IN"]))
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            # Token regexes are anchored with ^/$; on the joined text a token
            # starts after a newline and ends before one.
            return Need(attr, regex=re.compile(value["REGEX"], re.MULTILINE))
    return None


def needs_of(specs: List[Dict[str, Any]]) -> Tuple[Need, ...]:
    """The token tests a text must meet for this pattern to be worth running."""
    return tuple(n for n in (_need(s) for s in specs) if n is not None)


def vocabulary(norms: List[str], lemmas: List[str]) -> Tuple[frozenset, frozenset, Dict[str, str]]:
    norm_set, lemma_set = frozenset(norms), frozenset(lemmas)
    return norm_set, lemma_set, {"NORM": "\n".join(norm_set), "LEMMA": "\n".join(lemma_set)}
