from __future__ import annotations

import stat

from bot.serve.secrets import NAMES, ensure_secrets


def test_secrets_are_generated_once_and_kept_private(tmp_path):
    path = tmp_path / "secrets.env"
    first, generated = ensure_secrets({}, path=path)
    assert set(generated) == set(NAMES) and all(len(first[n]) >= 32 for n in NAMES)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again, generated = ensure_secrets({}, path=path)
    assert again == first and generated == []


def test_the_environment_wins_and_is_not_written(tmp_path):
    path = tmp_path / "secrets.env"
    values, generated = ensure_secrets({"RASA_AUTH_TOKEN": "van-de-gemeente"}, path=path)
    assert values["RASA_AUTH_TOKEN"] == "van-de-gemeente" and "RASA_AUTH_TOKEN" not in generated
    assert "van-de-gemeente" not in path.read_text()
