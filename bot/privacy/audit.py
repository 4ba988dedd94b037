"""Audit entries for retention and erasure, guaranteed free of personal data.

Details may hold only numbers, booleans, dates/times (ISO 8601), SHA-256
hashes and short lower-case code words; anything else is refused, so a
careless caller cannot put a name or a reference in the audit log.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any, Dict, Mapping

from sqlalchemy.orm import Session

from bot.privacy.models import AuditEntry

_ALLOWED_TEXT = re.compile(
    r"^(?:[0-9a-f]{64}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:[+-]\d{2}:\d{2}|Z)?)?|[a-z_]{1,40})$"
)


class AuditDetailError(ValueError):
    """An audit detail could hold personal data; the message names the key."""


def reference_hash(reference: str) -> str:
    """SHA-256 (hex) of a normalised aanmelding reference."""
    return hashlib.sha256(normalise_reference(reference).encode("utf-8")).hexdigest()


def normalise_reference(reference: str) -> str:
    """Upper case, without white space or dashes: ' wt-2026 ab12 ' -> 'WT2026AB12'."""
    return "".join(reference.split()).replace("-", "").upper()


def _check(key: str, value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str) and _ALLOWED_TEXT.match(value):
        return value
    if isinstance(value, Mapping):
        return {str(k): _check(f"{key}.{k}", v) for k, v in value.items()}
    raise AuditDetailError(f"audit detail '{key}' is not a count, date, hash or code word")


def clean_details(details: Mapping[str, Any]) -> Dict[str, Any]:
    return {str(k): _check(str(k), v) for k, v in details.items()}


def record(session: Session, actie: str, details: Mapping[str, Any]) -> AuditEntry:
    """Add one audit entry to ``session`` (committed with the session)."""
    entry = AuditEntry(actie=actie, details=clean_details(details))
    session.add(entry)
    return entry
