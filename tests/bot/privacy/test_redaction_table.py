"""The redaction table: every identifier goes, everything else stays."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

from .cases import IDENTIFIERS, KEPT


def test_table_has_at_least_80_cases():
    assert len(IDENTIFIERS) + len(KEPT) >= 80


@pytest.mark.parametrize("text,expected", IDENTIFIERS, ids=[t[:40] for t, _ in IDENTIFIERS])
def test_identifier_is_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", KEPT, ids=[t[:40] or "<leeg>" for t in KEPT])
def test_text_without_identifier_is_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize("text,expected", IDENTIFIERS, ids=[t[:40] for t, _ in IDENTIFIERS])
def test_every_replacement_says_why(text, expected):
    spans = find_identifiers(text)
    assert spans
    assert all(s.rule and s.label and 0 <= s.start < s.end <= len(text) for s in spans)
