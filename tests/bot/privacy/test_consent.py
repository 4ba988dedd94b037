from dataclasses import replace
from datetime import datetime, timezone

import pytest

from bot.config import settings
from bot.privacy.consent import ConsentMissing, check_privacy_text, require_consent


def test_configured_privacy_text_covers_everything():
    assert check_privacy_text(settings()) == []


def test_retention_in_text_must_match_configuration():
    s = settings()
    changed = replace(s, privacy=replace(s.privacy, gesprekken_dagen=14))
    assert any("14 dagen" in p for p in check_privacy_text(changed))


def test_text_without_readers_is_reported():
    s = settings()
    changed = replace(s, privacy=replace(s.privacy, tekst="We bewaren het gesprek 28 dagen."))
    problems = check_privacy_text(changed)
    assert "privacy text does not say who can read it" in problems


def test_no_aanmelding_without_consent():
    with pytest.raises(ConsentMissing):
        require_consent(None)
    moment = datetime(2026, 11, 23, tzinfo=timezone.utc)
    assert require_consent(moment) is moment
