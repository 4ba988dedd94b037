import shutil

import pytest

from bot.privacy.wordlists import PRIVACY_DIR, PrivacyDataError, load_lists


def test_project_lists_load():
    data = load_lists()
    assert "straat" in data.street_suffixes and "moe" in data.never_names and "Daan" in data.first_names
    assert data.sensitive_fields["telefoon"] == "TELEFOON"


def _copy(tmp_path):
    target = tmp_path / "privacy"
    shutil.copytree(PRIVACY_DIR, target)
    return target


def test_broken_yaml_names_the_file(tmp_path):
    folder = _copy(tmp_path)
    (folder / "namen.yml").write_text("sterk: [mijn naam is\n", encoding="utf-8")
    with pytest.raises(PrivacyDataError, match="namen.yml"):
        load_lists(folder)


def test_bad_pattern_names_the_entry(tmp_path):
    folder = _copy(tmp_path)
    text = (folder / "nummers.yml").read_text(encoding="utf-8").replace("pattern: '112'", "pattern: '11('")
    (folder / "nummers.yml").write_text(text, encoding="utf-8")
    with pytest.raises(PrivacyDataError, match=r"openbare_nummers\[0\]\.pattern"):
        load_lists(folder)


def test_unknown_placeholder_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "gevoelige_velden.yml").write_text("velden:\n  naam: NAME\n", encoding="utf-8")
    with pytest.raises(PrivacyDataError, match="velden.naam"):
        load_lists(folder)
