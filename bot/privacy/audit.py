"""Audit entries for retention and erasure, guaranteed free of personal data.

Details may hold only numbers, booleans, dates/times (ISO 8601), SHA-256
hashes and short lower-case code words; anything else is refused, so a
careless caller cannot put a name or a reference in the audit log.

Who did it (``wie``) is a staff account name (``ACTOR``: lower-case letters,
digits and ``. _ -``, no spaces or @), kept for accountability; the people a
conversation is about never appear.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any, Dict, Mapping, Optional

from sqlalchemy.orm import Session

from bot.privacy.models import AuditEntry

_ALLOWED_TEXT = re.compile(
    r"^(?:[0-9a-f]{64}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:[+-]\d{2}:\d{2}|Z)?)?|[a-z_]{1,40})$"
)

ACTOR = re.compile(r"^[a-z][a-z0-9._-]{0,39}$")


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


def check_actor(wie: str) -> str:
    """``wie`` when it is a valid staff account name, else AuditDetailError."""
    if not isinstance(wie, str) or not ACTOR.match(wie):
        raise AuditDetailError("audit 'wie' is not an account name (a-z, 0-9, . _ -; at most 40)")
    return wie


def gesprek_hash(gesprek_id: str) -> str:
    """SHA-256 (hex) of a conversation id, for audit entries about one conversation."""
    return hashlib.sha256(gesprek_id.encode("utf-8", "surrogatepass")).hexdigest()


def record(session: Session, actie: str, details: Mapping[str, Any], wie: Optional[str] = None) -> AuditEntry:
    """Add one audit entry to ``session`` (committed with the session); ``wie``: the staff account."""
    cleaned = clean_details(details)
    if wie is not None:
        cleaned["wie"] = check_actor(wie)
    entry = AuditEntry(actie=actie, details=cleaned)
    session.add(entry)
    return entry
