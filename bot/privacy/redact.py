"""``redact(text)``: identifiers out, Dutch placeholders in, content kept.

Recognisers run in a fixed priority order; text kept on purpose (public
numbers such as 113 or 0800-2000, amounts, times, existing placeholders)
blocks every later rule, so "bel 113" and "om 10:30" survive. The result is
idempotent: placeholders are never altered and match no rule.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, Callable, Iterable, List, Tuple

from bot.privacy import addresses, names, ner, recognizers
from bot.privacy.placeholders import PLACEHOLDERS, placeholder
from bot.privacy.spans import Span, resolve

__all__ = ["PLACEHOLDERS", "find_identifiers", "redact", "redact_value", "redact_with_reasons"]

# Highest priority first. A span overlapping an earlier accepted span is dropped.
RECOGNIZERS: Tuple[Callable[[str], Iterable[Span]], ...] = (
    recognizers.find_placeholders,
    recognizers.find_emails,
    recognizers.find_ibans,
    recognizers.find_public_numbers,
    recognizers.find_dates,
    recognizers.find_phones,
    recognizers.find_bsns,
    recognizers.find_amounts_and_times,
    recognizers.find_postcodes,
    recognizers.find_kentekens,
    addresses.find_addresses,
    recognizers.find_case_numbers,
    recognizers.find_case_shapes,
    recognizers.find_long_numbers,
    names.find_context_names,
    names.find_first_names,
    ner.find_ner_names,
)


def find_identifiers(text: str) -> List[Span]:
    """Every identifier in ``text`` with its kind and the rule that found it."""
    if not isinstance(text, str):
        raise TypeError(f"redact expects text (str), got {type(text).__name__}")
    if not text:
        return []
    return [s for s in resolve(r(text) for r in RECOGNIZERS) if s.label is not None]


def redact_with_reasons(text: str) -> Tuple[str, List[Span]]:
    """The redacted text and the spans (positions in the original) that were replaced."""
    spans = find_identifiers(text)
    if not spans:
        return text, []
    out, cursor = [], 0
    for span in spans:
        found = text[span.start : span.end]
        trailing = found[len(found.rstrip()) :]
        out.append(text[cursor : span.start])
        out.append(placeholder(span.label or "") + trailing)  # find_identifiers keeps labelled spans only
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out), spans


class _RedactionCache:
    """Recently redacted texts, by a hash of the text: the raw text is never kept.

    The same texts are redacted again and again: the assistant's questions,
    the triage's reasons, and the story slot set again every turn. Redaction
    depends on the text alone (the word lists are loaded once per process),
    so a 128-bit hash of the text identifies the result. Texts longer than
    ``MAX_TEXT`` are not cached.
    """

    SIZE = 8192
    MAX_TEXT = 2000

    def __init__(self) -> None:
        self._results: "OrderedDict[bytes, str]" = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def redact(self, text: str) -> str:
        if len(text) > self.MAX_TEXT:
            return redact_with_reasons(text)[0]
        key = self.key(text)
        with self._lock:
            found = self._results.get(key)
            if found is not None:
                self._results.move_to_end(key)
                return found
        result = redact_with_reasons(text)[0]
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.SIZE:
                self._results.popitem(last=False)
        return result


_cache = _RedactionCache()


def redact(text: str) -> str:
    """``text`` with every identifier replaced by its placeholder, e.g. ``[BSN]``."""
    if not isinstance(text, str):
        return redact_with_reasons(text)[0]  # raises the TypeError of find_identifiers
    return _cache.redact(text)


def redact_value(value: Any) -> Any:
    """Redact every text inside ``value`` (dicts, lists, tuples); keys stay as they are.

    Integers long enough to be an identifier (a BSN or phone number typed into
    a number slot) are redacted as text; other values are returned unchanged.
    """
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 100000:
        redacted = redact(str(value))
        return value if redacted == str(value) else redacted
    return value
