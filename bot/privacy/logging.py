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
