"""The aanmelding's tables: aanmeldingen for the Bureaudienst, follow-ups, feedback.

Contact details a person gives on purpose live only in the aanmelding's own
columns; transcripts hold placeholders (see bot.privacy). The schema is
migrated by bot/migrations.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text

from bot.store.db import Base, utcnow


class Aanmelding(Base):
    """Stap 2 of the aanmeldproces: a request for the Bureaudienst."""

    __tablename__ = "aanmelding"

    id = Column(Integer, primary_key=True)
    referentie = Column(String(16), unique=True, nullable=False, index=True)
    gesprek_id = Column(String(255), nullable=False, index=True)  # Rasa sender_id
    status = Column(String(20), nullable=False, default="concept")  # concept | nieuw | in_behandeling | afgerond
    rol = Column(String(10), nullable=False, default="inwoner")  # inwoner | kcc
    aangemaakt = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    bevestigd = Column(DateTime(timezone=True), nullable=True)
    toestemming = Column(DateTime(timezone=True), nullable=True)  # when explicit consent was given

    # The triage, redacted: themes with confidence, signals with evidence, advice with reasons.
    hulpvraag = Column(Text, nullable=True)
    themas = Column(JSON, nullable=False, default=list)
    signalen = Column(JSON, nullable=False, default=list)
    advies = Column(String(30), nullable=True)
    advies_redenen = Column(JSON, nullable=False, default=list)
    aanbod_getoond = Column(JSON, nullable=False, default=list)
    keuzes = Column(JSON, nullable=False, default=dict)  # voor wie, sinds wanneer, wens, groep ja/nee ...

    # Deliberately given contact details: only here, never in the transcript.
    naam = Column(String(200), nullable=True)
    contact_voorkeur = Column(String(10), nullable=True)  # telefoon | email | geen
    telefoon = Column(String(40), nullable=True)
    email = Column(String(254), nullable=True)
    postcode = Column(String(7), nullable=True)
    belmoment = Column(String(100), nullable=True)


class Opvolging(Base):
    """A conversation marked for human follow-up (crisis, callback request)."""

    __tablename__ = "opvolging"

    id = Column(Integer, primary_key=True)
    gesprek_id = Column(String(255), nullable=False, index=True)
    aangemaakt = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    reden = Column(JSON, nullable=False, default=list)  # signal codes, never message text
    terugbellen = Column(Boolean, nullable=False, default=False)
    telefoon = Column(String(40), nullable=True)
    afgehandeld = Column(Boolean, nullable=False, default=False)


class Feedback(Base):
    """The one-question feedback at the end of a conversation."""

    __tablename__ = "feedback"

    id = Column(Integer, primary_key=True)
    gesprek_id = Column(String(255), nullable=False, index=True)
    aanmelding_id = Column(Integer, ForeignKey("aanmelding.id", ondelete="CASCADE"), nullable=True)
    aangemaakt = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    score = Column(Integer, nullable=True)  # 1 (niet goed) .. 3 (goed)
    antwoord = Column(String(20), nullable=True)
