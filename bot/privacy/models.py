"""The privacy package's table: the audit log of retention and erasure.

Migrated by bot/migrations; entries are written through bot.privacy.audit,
which refuses anything that could be personal data.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Integer, String

from bot.store.db import Base, utcnow


class AuditEntry(Base):
    """What retention and erasure did; never personal data."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    tijdstip = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    actie = Column(String(50), nullable=False)
    details = Column(JSON, nullable=False, default=dict)  # counts, cutoffs, hashed ids
