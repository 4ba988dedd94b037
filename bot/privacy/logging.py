"""Keep message text out of application logs.

Project rule: logs at INFO and above never contain what a person typed. Log
codes, counts and ids (``log.info("triage done: theme=%s", code)``), never
the text. As a safety net, ``RedactingFilter`` redacts the message and its
string arguments of every record that passes a handler, and drops the text of
records marked ``extra={"bericht": text}`` at INFO and above.
``install_redacting_filter()`` attaches it to the root logger's handlers; the
action server calls it at start-up.
"""

from __future__ import annotations

import logging
from typing import Optional

from bot.privacy.redact import redact

MESSAGE_ATTRIBUTE = "bericht"


class RedactingFilter(logging.Filter):
    """Redacts identifiers in log records; never blocks a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            if isinstance(record.msg, str):
                record.msg = redact(record.msg)
            if isinstance(record.args, tuple):
                record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
            elif isinstance(record.args, dict):
                record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
            if hasattr(record, MESSAGE_ATTRIBUTE):
                text = getattr(record, MESSAGE_ATTRIBUTE)
                if record.levelno >= logging.INFO:
                    setattr(record, MESSAGE_ATTRIBUTE, f"<{len(text) if isinstance(text, str) else 0} tekens>")
                elif isinstance(text, str):
                    setattr(record, MESSAGE_ATTRIBUTE, redact(text))
        except Exception:  # a log line must never break the conversation
            record.msg, record.args = "<log-regel niet leesbaar na redactie>", ()
        return True


def install_redacting_filter(logger: Optional[logging.Logger] = None) -> RedactingFilter:
    """Attach one RedactingFilter to every handler of ``logger`` (default: root)."""
    logger = logger or logging.getLogger()
    found = RedactingFilter()
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(found)
    return found


MAX_LOG_CHARS = 2000


def truncate(text: str, limit: int = MAX_LOG_CHARS) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit} tekens weggelaten]"


class JsonLineFormatter(logging.Formatter):
    """One JSON object per record: time, service, level, logger, message (truncated)."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        import json

        entry = {
            "tijd": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "dienst": self.service,
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": truncate(record.getMessage()),
        }
        if record.exc_info:
            entry["fout"] = truncate(redact(self.formatException(record.exc_info)))
        return json.dumps(entry, ensure_ascii=False)


def configure_process_logging(service: str, level: int = logging.INFO) -> None:
    """Structured, redacted, truncated logging to stderr for one server process.

    The process supervisor (``bot.serve``) writes stderr to the rotating log
    files under var/log/, redacting each line once more, so a line that does
    not pass through ``logging`` (a library's print) is covered too.
    """
    import sys

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLineFormatter(service))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("sanic.access", "matplotlib", "urllib3", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
