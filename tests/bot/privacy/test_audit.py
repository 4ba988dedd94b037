from datetime import datetime, timezone

import pytest

from bot.privacy.audit import AuditDetailError, clean_details, normalise_reference, reference_hash


def test_counts_dates_hashes_and_code_words_are_allowed():
    details = clean_details({"events": 3, "dry_run": True, "grens": datetime(2026, 1, 1, tzinfo=timezone.utc),
                             "referentie_sha256": reference_hash("WT-1"), "soort": "concept"})
    assert details["grens"] == "2026-01-01T00:00:00+00:00"


@pytest.mark.parametrize("value", ["Jan de Vries", "WT-2026-AB12", "0612345678", ["x"], b"x"])
def test_anything_else_is_refused(value):
    with pytest.raises(AuditDetailError, match="'veld'"):
        clean_details({"veld": value})


def test_reference_normalisation():
    assert normalise_reference(" wt-2026 ab12\t") == "WT2026AB12"
    assert reference_hash("wt 2026-ab12") == reference_hash("WT2026AB12")
