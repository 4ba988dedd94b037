"""Per-service log files under var/log/: every line redacted, truncated, JSON, rotated daily.

The servers log JSON lines on stderr (``bot.privacy.logging``); anything
else they print (a library's print, a traceback written by hand) is wrapped
into the same shape here. Each line passes the same redactor as the tracker
store before it touches the disk. Files rotate at midnight and are kept for
the days of ``privacy.bewaartermijn.gesprekken_dagen`` in data/gemeente.yml,
the retention that the privacy text promises for conversations.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import threading
import time
from pathlib import Path
from typing import IO, Optional

from bot.privacy.logging import truncate
from bot.privacy.redact import redact

# fields written by the project's own formatter that hold no text of a person
PLAIN_FIELDS = frozenset({"tijd", "dienst", "niveau", "logger"})


def retention_days() -> int:
    from bot.config import settings

    return settings().privacy.gesprekken_dagen


def safe_line(service: str, line: str) -> str:
    """One log line as it may be stored: JSON, truncated, redacted."""
    line = truncate(line.rstrip("\r\n"))
    try:
        entry = json.loads(line)
        if not isinstance(entry, dict):
            raise ValueError
    except ValueError:
        entry = {"tijd": time.strftime("%Y-%m-%dT%H:%M:%S"), "dienst": service, "bericht": line}
    for key, value in list(entry.items()):
        if isinstance(value, str) and key not in PLAIN_FIELDS:
            entry[key] = redact(value)
    return json.dumps(entry, ensure_ascii=False)


class ServiceLog:
    """The rotating log file of one service; thread-safe ``write``."""

    def __init__(self, service: str, log_dir: Path, keep_days: Optional[int] = None) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.service = service
        self.path = log_dir / f"{service}.log"
        self._handler = logging.handlers.TimedRotatingFileHandler(
            self.path, when="midnight", backupCount=keep_days if keep_days is not None else retention_days(),
            encoding="utf-8")
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._lock = threading.Lock()
        self._recent: list = []

    def write(self, line: str) -> None:
        stored = safe_line(self.service, line)
        record = logging.LogRecord(self.service, logging.INFO, "", 0, stored, None, None)
        with self._lock:
            self._handler.emit(record)
            self._recent = (self._recent + [stored])[-20:]

    def recent(self) -> list:
        """The last lines written (already redacted), for a report on the terminal."""
        with self._lock:
            return list(self._recent)

    def follow(self, stream: IO[bytes]) -> threading.Thread:
        """Copy ``stream`` line by line into this log, in a daemon thread."""

        def copy() -> None:
            for raw in iter(stream.readline, b""):
                try:
                    self.write(raw.decode("utf-8", "replace"))
                except Exception:  # a log line must never stop the copying
                    pass
            stream.close()

        thread = threading.Thread(target=copy, name=f"log-{self.service}", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self._handler.close()
