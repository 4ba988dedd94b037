"""Tables of the review: the conversation index, review marks, aanmelding status history.

``gesprek_overzicht`` and its two link tables are derived from the redacted
events (``bot.review.index``) and can be rebuilt at any time; only their
review columns (``review_status``, ``bekeken_door``, ``bekeken_op``) are
set by people and survive a rebuild. Every row is keyed by the conversation
id (Rasa's sender_id), so erasure and retention delete them with the events.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, String, UniqueConstraint

from bot.store.db import Base, utcnow


class GesprekOverzicht(Base):
    """One conversation, as the review list shows and filters it."""

    __tablename__ = "gesprek_overzicht"

    id = Column(Integer, primary_key=True)
    gesprek_id = Column(String(255), nullable=False, unique=True)
    begonnen = Column(DateTime(timezone=True), nullable=False)
    laatste = Column(DateTime(timezone=True), nullable=False)
    eerste_ts = Column(Float, nullable=True)  # epoch seconds of the first and newest event, as stored
    laatste_ts = Column(Float, nullable=True)
    maand = Column(String(7), nullable=False, index=True)  # YYYY-MM of begonnen, for the rode draden
    rol = Column(String(10), nullable=False, default="inwoner", index=True)  # inwoner | kcc
    pc4 = Column(String(4), nullable=True)
    wijk = Column(String(100), nullable=True, index=True)
    thema = Column(String(50), nullable=True, index=True)  # the primary theme of the latest triage
    themas = Column(JSON, nullable=False, default=list)  # codes, primary first
    signalen = Column(JSON, nullable=False, default=list)  # codes
    advies = Column(String(30), nullable=True, index=True)
    crisis = Column(Boolean, nullable=False, default=False, index=True)
    fallback = Column(Boolean, nullable=False, default=False, index=True)
    feedback = Column(String(20), nullable=True)  # the feedback answer's label, e.g. goed
    aanmelding = Column(Boolean, nullable=False, default=False)  # a confirmed aanmelding
    berichten = Column(Integer, nullable=False, default=0)  # user messages
    events = Column(Integer, nullable=False, default=0)  # events folded in
    demo = Column(Boolean, nullable=False, default=False, index=True)  # sender id starts with demo-
    review_status = Column(String(10), nullable=False, default="open", index=True)  # open | bekeken
    bekeken_door = Column(String(40), nullable=True)
    bekeken_op = Column(DateTime(timezone=True), nullable=True)

    __table_args__ = (Index("ix_gesprek_overzicht_begonnen_id", "begonnen", "id"),)


class GesprekThema(Base):
    __tablename__ = "gesprek_thema"

    gesprek_id = Column(String(255), primary_key=True)
    thema = Column(String(50), primary_key=True)
    __table_args__ = (Index("ix_gesprek_thema_thema", "thema", "gesprek_id"),)


class GesprekSignaal(Base):
    __tablename__ = "gesprek_signaal"

    gesprek_id = Column(String(255), primary_key=True)
    code = Column(String(50), primary_key=True)
    __table_args__ = (Index("ix_gesprek_signaal_code", "code", "gesprek_id"),)


class ReviewCorrectie(Base):
    """A reviewer's correction of one user message's theme, signals or advice."""

    __tablename__ = "review_correctie"

    id = Column(Integer, primary_key=True)
    gesprek_id = Column(String(255), nullable=False, index=True)
    event_id = Column(Integer, nullable=False, index=True)  # the user event in Rasa's events table
    soort = Column(String(10), nullable=False)  # thema | signalen | advies
    was = Column(JSON, nullable=False, default=list)  # codes the triage gave
    juist = Column(JSON, nullable=False, default=list)  # codes the reviewer gave
    door = Column(String(40), nullable=False)
    tijdstip = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


class ReviewTag(Base):
    __tablename__ = "review_tag"

    id = Column(Integer, primary_key=True)
    gesprek_id = Column(String(255), nullable=False)
    tag = Column(String(40), nullable=False, index=True)
    door = Column(String(40), nullable=False)
    tijdstip = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    __table_args__ = (UniqueConstraint("gesprek_id", "tag", name="uq_review_tag"),)


class AanmeldingStatus(Base):
    """One step of an aanmelding's status flow at the Bureaudienst: who, when, from and to."""

    __tablename__ = "aanmelding_status"

    id = Column(Integer, primary_key=True)
    aanmelding_id = Column(Integer, ForeignKey("aanmelding.id", ondelete="CASCADE"), nullable=False, index=True)
    van = Column(String(20), nullable=False)
    naar = Column(String(20), nullable=False)
    door = Column(String(40), nullable=False)
    toegewezen_aan = Column(String(40), nullable=True)
    tijdstip = Column(DateTime(timezone=True), nullable=False, default=utcnow)
