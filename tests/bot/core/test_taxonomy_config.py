"""The taxonomy and the gemeente settings load from data files, with clear errors."""

import pytest

from bot import paths
from bot.config import ConfigError, load_settings, masked_database_url
from bot.taxonomy import TaxonomyError, load_taxonomy

SHARED_TAXONOMY = paths.ROOT.parent / "shared" / "domain" / "taxonomie.yml"


def test_project_taxonomy_keeps_every_shared_code():
    ours = load_taxonomy()
    if not SHARED_TAXONOMY.exists():
        pytest.skip("../shared/domain/taxonomie.yml not beside the checkout")
    shared = load_taxonomy(SHARED_TAXONOMY)
    assert set(shared.themes) <= set(ours.themes)
    assert set(shared.signals) <= set(ours.signals)
    assert set(shared.adviezen) <= set(ours.adviezen)


def test_taxonomy_types():
    tax = load_taxonomy()
    assert tax.onduidelijk == "onduidelijk"
    assert tax.themes["geldzaken"].label == "Geld en schulden"
    assert {s.soort for s in tax.signals.values()} == {"crisis", "contra", "indicatie"}
    assert all(s.contact for s in tax.signals_of("crisis"))


def test_taxonomy_error_names_the_entry(tmp_path):
    bad = tmp_path / "tax.yml"
    bad.write_text("themas:\n  x: {label: X}\nsignalen:\n  s1: {soort: vreemd}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"signalen\.s1"):
        load_taxonomy(bad)


def test_settings_from_file():
    s = load_settings()
    assert s.gemeente.telefoon.startswith("14")
    assert s.privacy.gesprekken_dagen == 28
    assert "28 dagen" in s.privacy.tekst
    assert s.gemeente.telefoon in s.contact_route


def test_settings_missing_field_is_named(tmp_path):
    bad = tmp_path / "g.yml"
    bad.write_text("gemeente: {naam: X}\nprivacy: {tekst: t, bewaartermijn: {gesprekken_dagen: 1, aanmeldingen_dagen: 2}}\n")
    with pytest.raises(ConfigError, match="telefoon"):
        load_settings(bad)


def test_password_is_masked():
    assert masked_database_url("postgresql://u:geheim@db:5432/x") == "postgresql://u:***@db:5432/x"
    assert masked_database_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
