"""Privacy by design: redaction of identifiers, retention, erasure, audit.

``redact(text)`` replaces identifiers with Dutch placeholders such as
``[BSN]`` or ``[NAAM]``; ``redact_value(value)`` does the same inside dicts and
lists. Everything a gemeente may tune lives in ``data/privacy/``.
"""

from bot.privacy.redact import PLACEHOLDERS, find_identifiers, redact, redact_value

__all__ = ["PLACEHOLDERS", "find_identifiers", "redact", "redact_value"]
