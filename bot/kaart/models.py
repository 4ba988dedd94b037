"""Database tables of the sociale kaart, shaped on Open Referral HSDS 3.0.

  kaart_organisatie        HSDS organization
  kaart_locatie            HSDS location (+ its physical address)
  kaart_aanbod             HSDS service, with the Dutch fields (vorm, toegang, doelgroep, ...)
  kaart_aanbod_thema       HSDS attribute/taxonomy_term for the taxonomy themes (indexed: search)
  kaart_werkgebied         HSDS service_area: the PC4 codes an offer is for (indexed)
  kaart_aanbod_locatie     HSDS service_at_location
  kaart_meta               a change counter, bumped by every import (search cache)

Short code lists (doelgroepen, kenmerken, toegankelijkheid, talen) are JSON
columns: they are only filtered and shown in Python.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, String, Text

from bot.store.db import Base


class KaartOrganisatie(Base):
    __tablename__ = "kaart_organisatie"

    id = Column(String(64), primary_key=True)
    naam = Column(String(200), nullable=False)
    omschrijving = Column(Text, nullable=True)


class KaartLocatie(Base):
    __tablename__ = "kaart_locatie"

    id = Column(String(64), primary_key=True)
    naam = Column(String(200), nullable=False, default="")
    adres = Column(String(200), nullable=False, default="")
    postcode = Column(String(7), nullable=False, default="")
    plaats = Column(String(100), nullable=False, default="")


class KaartAanbod(Base):
    __tablename__ = "kaart_aanbod"

    id = Column(String(64), primary_key=True)
    organisatie_id = Column(String(64), ForeignKey("kaart_organisatie.id"), nullable=False, index=True)
    naam = Column(String(200), nullable=False)
    omschrijving = Column(Text, nullable=False, default="")
    vorm = Column(String(20), nullable=False)
    formeel = Column(Boolean, nullable=False)
    toegang = Column(String(20), nullable=False)
    doelgroepen = Column(JSON, nullable=False, default=list)
    kenmerken = Column(JSON, nullable=False, default=list)
    leeftijd_min = Column(Integer, nullable=True)
    leeftijd_max = Column(Integer, nullable=True)
    gemeente = Column(String(100), nullable=False, index=True)
    wijk = Column(String(100), nullable=False, default="")
    toegankelijkheid = Column(JSON, nullable=False, default=list)
    talen = Column(JSON, nullable=False, default=list)
    wanneer = Column(String(300), nullable=False, default="")
    kosten = Column(String(200), nullable=False, default="")
    kosten_centen = Column(Integer, nullable=True)
    hoe_aansluiten = Column(Text, nullable=False, default="")
    email = Column(String(254), nullable=False, default="")
    telefoon = Column(String(40), nullable=False, default="")
    website = Column(String(300), nullable=False, default="")
    status = Column(String(20), nullable=False, index=True)
    laatst_gecontroleerd = Column(Date, nullable=False)
    bron = Column(String(300), nullable=False)
    voorbeeld = Column(Boolean, nullable=False, default=False)


class KaartAanbodThema(Base):
    __tablename__ = "kaart_aanbod_thema"

    aanbod_id = Column(String(64), ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True)
    thema = Column(String(50), primary_key=True)
    volgorde = Column(Integer, nullable=False)

    __table_args__ = (Index("ix_kaart_aanbod_thema_thema", "thema", "aanbod_id"),)


class KaartWerkgebied(Base):
    __tablename__ = "kaart_werkgebied"

    aanbod_id = Column(String(64), ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True)
    pc4 = Column(String(4), primary_key=True)
    volgorde = Column(Integer, nullable=False)

    __table_args__ = (Index("ix_kaart_werkgebied_pc4", "pc4"),)


class KaartAanbodLocatie(Base):
    __tablename__ = "kaart_aanbod_locatie"

    aanbod_id = Column(String(64), ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True)
    locatie_id = Column(String(64), ForeignKey("kaart_locatie.id"), primary_key=True)

    __table_args__ = (Index("ix_kaart_aanbod_locatie_locatie", "locatie_id"),)


class KaartMeta(Base):
    __tablename__ = "kaart_meta"

    sleutel = Column(String(50), primary_key=True)
    waarde = Column(Integer, nullable=False)
