"""Sociale kaart tables (HSDS-shaped): organisatie, locatie, aanbod and links.

Revision ID: 0002_kaart
Revises: 0001_core
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_kaart"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kaart_organisatie",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("omschrijving", sa.Text),
    )
    op.create_table(
        "kaart_locatie",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("adres", sa.String(200), nullable=False),
        sa.Column("postcode", sa.String(7), nullable=False),
        sa.Column("plaats", sa.String(100), nullable=False),
    )
    op.create_table(
        "kaart_aanbod",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("organisatie_id", sa.String(64), sa.ForeignKey("kaart_organisatie.id"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("omschrijving", sa.Text, nullable=False),
        sa.Column("vorm", sa.String(20), nullable=False),
        sa.Column("formeel", sa.Boolean, nullable=False),
        sa.Column("toegang", sa.String(20), nullable=False),
        sa.Column("doelgroepen", sa.JSON, nullable=False),
        sa.Column("kenmerken", sa.JSON, nullable=False),
        sa.Column("leeftijd_min", sa.Integer),
        sa.Column("leeftijd_max", sa.Integer),
        sa.Column("gemeente", sa.String(100), nullable=False),
        sa.Column("wijk", sa.String(100), nullable=False),
        sa.Column("toegankelijkheid", sa.JSON, nullable=False),
        sa.Column("talen", sa.JSON, nullable=False),
        sa.Column("wanneer", sa.String(300), nullable=False),
        sa.Column("kosten", sa.String(200), nullable=False),
        sa.Column("kosten_centen", sa.Integer),
        sa.Column("hoe_aansluiten", sa.Text, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("telefoon", sa.String(40), nullable=False),
        sa.Column("website", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("laatst_gecontroleerd", sa.Date, nullable=False),
        sa.Column("bron", sa.String(300), nullable=False),
        sa.Column("voorbeeld", sa.Boolean, nullable=False),
    )
    op.create_index("ix_kaart_aanbod_organisatie_id", "kaart_aanbod", ["organisatie_id"])
    op.create_index("ix_kaart_aanbod_gemeente", "kaart_aanbod", ["gemeente"])
    op.create_index("ix_kaart_aanbod_status", "kaart_aanbod", ["status"])
    op.create_table(
        "kaart_aanbod_thema",
        sa.Column("aanbod_id", sa.String(64), sa.ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("thema", sa.String(50), primary_key=True),
        sa.Column("volgorde", sa.Integer, nullable=False),
    )
    op.create_index("ix_kaart_aanbod_thema_thema", "kaart_aanbod_thema", ["thema", "aanbod_id"])
    op.create_table(
        "kaart_werkgebied",
        sa.Column("aanbod_id", sa.String(64), sa.ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("pc4", sa.String(4), primary_key=True),
        sa.Column("volgorde", sa.Integer, nullable=False),
    )
    op.create_index("ix_kaart_werkgebied_pc4", "kaart_werkgebied", ["pc4"])
    op.create_table(
        "kaart_aanbod_locatie",
        sa.Column("aanbod_id", sa.String(64), sa.ForeignKey("kaart_aanbod.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("locatie_id", sa.String(64), sa.ForeignKey("kaart_locatie.id"), primary_key=True),
    )
    op.create_index("ix_kaart_aanbod_locatie_locatie", "kaart_aanbod_locatie", ["locatie_id"])
    op.create_table(
        "kaart_meta",
        sa.Column("sleutel", sa.String(50), primary_key=True),
        sa.Column("waarde", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kaart_meta")
    op.drop_table("kaart_aanbod_locatie")
    op.drop_table("kaart_werkgebied")
    op.drop_table("kaart_aanbod_thema")
    op.drop_table("kaart_aanbod")
    op.drop_table("kaart_locatie")
    op.drop_table("kaart_organisatie")
