"""The gemeente's widget colours: WCAG contrast, and settings that refuse a bad pair."""

from __future__ import annotations

import pytest

from bot import paths
from bot.config import ConfigError, load_settings
from bot.huisstijl import Huisstijl, contrast_ratio, huisstijl_problems


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_the_defaults_and_the_shipped_settings_pass():
    assert huisstijl_problems(Huisstijl()) == []
    assert huisstijl_problems(load_settings().huisstijl) == []


@pytest.mark.parametrize("stijl, problem", [
    (Huisstijl(kleur="#777777"), "contrast 4.48"),
    (Huisstijl(kleur="blue"), "kleur 'blue'"),
    (Huisstijl(logo="../secret.svg"), "logo"),
    (Huisstijl(logo="logo.gif"), "logo"),
])
def test_problems_are_named(stijl, problem):
    assert any(problem in p for p in huisstijl_problems(stijl))


def _write(tmp_path, extra: str):
    text = paths.GEMEENTE_FILE.read_text(encoding="utf-8")
    path = tmp_path / "gemeente.yml"
    path.write_text(text.split("\nhuisstijl:")[0] + extra, encoding="utf-8")
    return path


def test_settings_refuse_low_contrast_and_unknown_fields(tmp_path):
    with pytest.raises(ConfigError, match="contrast"):
        load_settings(_write(tmp_path, '\nhuisstijl:\n  kleur: "#aaaaaa"\n'))
    with pytest.raises(ConfigError, match="unknown field"):
        load_settings(_write(tmp_path, '\nhuisstijl:\n  kleuren: "#000000"\n'))


def test_without_huisstijl_the_defaults_apply_and_the_privacy_url_follows_the_website(tmp_path):
    path = _write(tmp_path, "\n")
    path.write_text(path.read_text(encoding="utf-8").replace("  privacystatement:", "  # privacystatement:"),
                    encoding="utf-8")
    s = load_settings(path)
    assert s.huisstijl == Huisstijl()
    assert s.privacy.statement_url == s.gemeente.website.rstrip("/") + "/privacy"
