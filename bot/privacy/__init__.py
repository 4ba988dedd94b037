"""Privacy by design: redaction of identifiers, transcripts, consent, the audit log.

Retention and erasure act on the aanmelding's tables and live there
(bot.aanmelding.retention, bot.aanmelding.erasure); they write this package's audit entries.

``redact(text)`` replaces identifiers with Dutch placeholders such as
``[BSN]`` or ``[NAAM]``; ``redact_value(value)`` does the same inside dicts and
lists. Everything a gemeente may tune lives in ``data/privacy/``.
"""

from bot.privacy.redact import PLACEHOLDERS, find_identifiers, redact, redact_value

__all__ = ["PLACEHOLDERS", "find_identifiers", "redact", "redact_value"]
