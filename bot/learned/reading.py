"""One text as the learned model reads it: tokens, features and TF-IDF row, computed once.

``learned_signals`` asks a text's probabilities and then, for each signal it
adds and for the check question, the fragment that weighed most. The model's
own ``probabilities`` and ``fragment`` (bot/learned/model.py, the reference,
covered by the artefact's fingerprint) each tokenise the text and run the
vectorizer again. ``TextReading`` does that once per text, and computes the
TF-IDF row as scikit-learn's ``TfidfVectorizer.transform`` does, step by step
and in the same order, so every float is the same; it only skips the per-call
checks that cost most of that call (``idf_`` sums the whole idf diagonal matrix
each time). It does so only on the scikit-learn and SciPy versions it was
checked against, for the vectorizer settings the model is trained with;
otherwise, and for any other model, it asks the model itself.
tests/bot/learned/test_reading.py holds it to the model, value for value.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import scipy
import sklearn
from scipy import sparse

from bot.learned.features import Token, analyse, occurrences, tokens
from bot.learned.model import LearnedModel, _best_window, token_weights

# requirements.lock's versions: the row below repeats their order of operations
CHECKED_VERSIONS = {"sklearn": ("1.1.3",), "scipy": ("1.10.1",)}


@dataclass(frozen=True)
class _Parts:
    toks: List[Token]
    found: List[Tuple[str, int, int]]  # feature occurrences (features.occurrences)
    row: sparse.csr_matrix  # vectorizer.transform([text]), the same arrays


def has_fast_path(model: Any) -> bool:
    """Is ``model`` one whose TF-IDF row this module computes exactly as scikit-learn would?"""
    if not isinstance(model, LearnedModel):
        return False
    vec = model.vectorizer
    return (sklearn.__version__ in CHECKED_VERSIONS["sklearn"] and scipy.__version__ in CHECKED_VERSIONS["scipy"]
            and vec.analyzer is analyse and vec.input == "content" and not vec.binary
            and vec.sublinear_tf and vec.use_idf and vec.norm == "l2")


@lru_cache(maxsize=4)
def _idf(vectorizer: Any) -> np.ndarray:
    return np.asarray(vectorizer.idf_, dtype=vectorizer.dtype)  # a property that sums a matrix: read once


def tfidf_row(vectorizer: Any, features: List[str]) -> sparse.csr_matrix:
    """``vectorizer.transform([text])`` for the features of ``text``, with the same arrays.

    scikit-learn 1.1 counts the known features (a row sorted by column), takes
    1 + log of each count, multiplies by the idf diagonal (SciPy's sparse
    product lists the row's entries in reverse order) and divides by the l2
    norm, whose squares it adds up one by one in double precision.
    """
    vocabulary = vectorizer.vocabulary_
    counts: Dict[int, int] = {}
    for feature in features:
        index = vocabulary.get(feature)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    columns = sorted(counts, reverse=True)
    indices = np.array(columns, dtype=np.int32)
    data = np.array([counts[c] for c in columns], dtype=vectorizer.dtype)
    np.log(data, out=data)
    data += 1
    data *= _idf(vectorizer)[indices]
    if len(data):
        total = np.add.accumulate((data * data).astype(np.float64))[-1]  # in order, as the Cython loop
        if total != 0.0:
            data = (data.astype(np.float64) / np.sqrt(total)).astype(vectorizer.dtype)
    return sparse.csr_matrix((data, indices, np.array([0, len(data)], dtype=np.int32)),
                             shape=(1, len(vocabulary)))


class TextReading:
    """A model's probabilities and fragments for one text, each part computed once."""

    def __init__(self, model: Any, text: str) -> None:
        self.model = model
        self.text = text
        self._fast = has_fast_path(model)
        self._parts: Optional[_Parts] = None
        self._probs: Optional[Dict[str, float]] = None

    def _read(self) -> _Parts:
        if self._parts is None:
            toks = tokens(self.text)
            found = occurrences(toks)
            self._parts = _Parts(toks, found, tfidf_row(self.model.vectorizer, [f for f, _, _ in found]))
        return self._parts

    def probabilities(self) -> Dict[str, float]:
        """``model.probabilities(text)``."""
        if self._probs is None:
            if not self._fast:
                self._probs = self.model.probabilities(self.text)
            else:  # LearnedModel.probabilities on the row read once
                model = self.model
                scores = np.asarray(self._read().row @ model.weights).ravel() + model.bias
                probs = 1.0 / (1.0 + np.exp(-scores))
                self._probs = {label: float(p) for label, p in zip(model.labels, probs, strict=True)}
        return dict(self._probs)

    def fragment(self, label: str) -> str:
        """``model.fragment(text, label)``: the same computation on the parts read once."""
        if not self._fast:
            return str(self.model.fragment(self.text, label))
        model, parts = self.model, self._read()
        if not parts.toks:
            return self.text.strip()
        column = model.labels.index(label)
        value = dict(zip(parts.row.indices, parts.row.data, strict=True))
        per_token = token_weights(parts.found, len(parts.toks), model.vectorizer.vocabulary_, value,
                                  model.weights[:, column])
        start, end = _best_window(per_token)
        return self.text[parts.toks[start].start:parts.toks[end].end]
