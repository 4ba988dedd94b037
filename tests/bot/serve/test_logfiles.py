from __future__ import annotations

import json
import logging.handlers

from bot.serve.logfiles import ServiceLog, safe_line


def test_a_line_is_redacted_truncated_and_json():
    line = safe_line("rasa", "Ik ben Jan de Vries, bel 06 12345678. " + "x" * 10_000)
    entry = json.loads(line)
    assert entry["dienst"] == "rasa"
    assert "06 12345678" not in line and "Jan de Vries" not in line
    assert len(line) < 2200 and "weggelaten" in entry["bericht"]


def test_json_lines_keep_their_fields_and_time():
    raw = json.dumps({"tijd": "2026-12-02T10:00:00", "dienst": "actions", "niveau": "ERROR",
                      "bericht": "mail jan@example.nl"})
    entry = json.loads(safe_line("actions", raw))
    assert entry["tijd"] == "2026-12-02T10:00:00" and entry["niveau"] == "ERROR"
    assert "jan@example.nl" not in entry["bericht"]


def test_logs_are_appended_across_restarts_and_rotate_daily(tmp_path):
    first = ServiceLog("rasa", tmp_path, keep_days=28)
    first.write("eerste start")
    first.close()
    second = ServiceLog("rasa", tmp_path, keep_days=28)
    second.write("tweede start")
    handler = second._handler
    assert isinstance(handler, logging.handlers.TimedRotatingFileHandler)
    assert handler.when == "MIDNIGHT" and handler.backupCount == 28
    second.close()
    lines = (tmp_path / "rasa.log").read_text().splitlines()
    assert [json.loads(x)["bericht"] for x in lines] == ["eerste start", "tweede start"]


def test_the_default_retention_is_the_privacy_texts(tmp_path):
    from bot.config import settings

    log = ServiceLog("x", tmp_path)
    assert log._handler.backupCount == settings().privacy.gesprekken_dagen
    log.close()
