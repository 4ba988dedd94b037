"""The model is retrained only when the training inputs change."""

from bot import training


def test_fingerprint_changes_with_content(tmp_path, monkeypatch):
    monkeypatch.setattr(training.paths, "ROOT", tmp_path)
    nlu = tmp_path / "nlu"
    nlu.mkdir()
    (nlu / "a.yml").write_text("nlu: []\n")
    domain = tmp_path / "domain.yml"
    domain.write_text("version: '3.1'\n")
    first = training.fingerprint([nlu, domain])
    assert training.fingerprint([nlu, domain]) == first
    domain.write_text("version: '3.1'\nintents: [groet]\n")
    assert training.fingerprint([nlu, domain]) != first


def test_model_status(tmp_path, monkeypatch):
    model = tmp_path / "m.tar.gz"
    stamp = tmp_path / "m.fingerprint"
    monkeypatch.setattr(training.paths, "MODEL_FILE", model)
    monkeypatch.setattr(training.paths, "MODEL_FINGERPRINT", stamp)
    monkeypatch.setattr(training, "fingerprint", lambda *a, **k: "abc")
    assert training.model_status() == "missing"
    model.write_bytes(b"x")
    assert training.model_status() == "stale"
    training.stamp()
    assert training.model_status() == "current"
    monkeypatch.setattr(training, "fingerprint", lambda *a, **k: "def")
    assert training.model_status() == "stale"
