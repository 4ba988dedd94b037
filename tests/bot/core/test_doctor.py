"""doctor names the Dutch pipeline, masks passwords and fails on missing pieces."""

from bot import doctor, training


def test_doctor_reports_everything(use_database, capsys, monkeypatch):
    monkeypatch.setattr(training, "model_status", lambda: "current")
    status = doctor.run()
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Dutch pipeline" in out and "nl_" in out
    for package in ("rasa", "spacy", "sqlalchemy"):
        assert package in out


def test_doctor_fails_on_stale_model(use_database, capsys, monkeypatch):
    monkeypatch.setattr(training, "model_status", lambda: "stale")
    assert doctor.run() == 1
    assert "FAIL Rasa model" in capsys.readouterr().out


def test_doctor_fails_on_unreachable_database(monkeypatch, capsys):
    from bot.store import db

    monkeypatch.setenv("DATABASE_URL", "postgresql://wie:geheim@127.0.0.1:1/nergens")
    db.engine_for.cache_clear()
    monkeypatch.setattr(training, "model_status", lambda: "current")
    try:
        assert doctor.run() == 1
    finally:
        db.engine_for.cache_clear()
    out = capsys.readouterr().out
    assert "FAIL Database" in out
    assert "geheim" not in out and "***" in out
