"""Tables of the staff accounts: the account itself and each login attempt.

``login_poging`` keeps no name or address in the clear, only SHA-256 hashes,
so throttling works across processes without storing who tried from where.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String

from bot.store.db import Base, utcnow


class Gebruiker(Base):
    """A staff member who may log in to the web app."""

    __tablename__ = "gebruiker"

    id = Column(Integer, primary_key=True)
    naam = Column(String(64), unique=True, nullable=False, index=True)
    rol = Column(String(20), nullable=False)  # kcc | wijkteam | beheer
    wachtwoord_hash = Column(String(255), nullable=False)  # argon2id, with its own salt and parameters
    geblokkeerd = Column(Boolean, nullable=False, default=False)
    sessie_versie = Column(Integer, nullable=False, default=1)  # +1 ends every session of this account
    aangemaakt = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    laatst_ingelogd = Column(DateTime(timezone=True), nullable=True)


class LoginPoging(Base):
    """One login attempt, for throttling failed ones per account and per address."""

    __tablename__ = "login_poging"

    id = Column(Integer, primary_key=True)
    tijdstip = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    naam_hash = Column(String(64), nullable=False, index=True)
    adres_hash = Column(String(64), nullable=False, index=True)
    gelukt = Column(Boolean, nullable=False)
