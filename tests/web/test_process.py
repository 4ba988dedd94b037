"""The web app is one of make run's services, on loopback, with its own port."""

from __future__ import annotations

from bot.serve.__main__ import banner, services


def test_make_run_starts_the_web_app_on_web_port():
    listed = {s.name: s for s in services({"WEB_PORT": "8123", "RASA_PORT": "5999"})}
    assert set(listed) == {"actions", "rasa", "web"}
    assert list(listed["web"].argv)[1:] == ["-m", "web"]
    assert listed["web"].ready_url == "http://127.0.0.1:8123/"
    assert "http://127.0.0.1:8123/" in banner({"WEB_PORT": "8123"})


def test_the_test_servers_can_leave_the_web_app_out():
    assert [s.name for s in services({}, web=False)] == ["actions", "rasa"]
    assert [s for s in services({}) if s.name == "web"][0].ready_url == "http://127.0.0.1:8000/"
