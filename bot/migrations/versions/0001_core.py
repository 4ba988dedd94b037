"""Core tables: aanmelding, opvolging, feedback, audit_log.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aanmelding",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("referentie", sa.String(16), nullable=False, unique=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("rol", sa.String(10), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bevestigd", sa.DateTime(timezone=True)),
        sa.Column("toestemming", sa.DateTime(timezone=True)),
        sa.Column("hulpvraag", sa.Text),
        sa.Column("themas", sa.JSON, nullable=False),
        sa.Column("signalen", sa.JSON, nullable=False),
        sa.Column("advies", sa.String(30)),
        sa.Column("advies_redenen", sa.JSON, nullable=False),
        sa.Column("aanbod_getoond", sa.JSON, nullable=False),
        sa.Column("keuzes", sa.JSON, nullable=False),
        sa.Column("naam", sa.String(200)),
        sa.Column("contact_voorkeur", sa.String(10)),
        sa.Column("telefoon", sa.String(40)),
        sa.Column("email", sa.String(254)),
        sa.Column("postcode", sa.String(7)),
        sa.Column("belmoment", sa.String(100)),
    )
    op.create_index("ix_aanmelding_referentie", "aanmelding", ["referentie"])
    op.create_index("ix_aanmelding_gesprek_id", "aanmelding", ["gesprek_id"])
    op.create_index("ix_aanmelding_aangemaakt", "aanmelding", ["aangemaakt"])
    op.create_table(
        "opvolging",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reden", sa.JSON, nullable=False),
        sa.Column("terugbellen", sa.Boolean, nullable=False),
        sa.Column("telefoon", sa.String(40)),
        sa.Column("afgehandeld", sa.Boolean, nullable=False),
    )
    op.create_index("ix_opvolging_gesprek_id", "opvolging", ["gesprek_id"])
    op.create_index("ix_opvolging_aangemaakt", "opvolging", ["aangemaakt"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False),
        sa.Column("aanmelding_id", sa.Integer, sa.ForeignKey("aanmelding.id", ondelete="CASCADE")),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Integer),
        sa.Column("antwoord", sa.String(20)),
    )
    op.create_index("ix_feedback_gesprek_id", "feedback", ["gesprek_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actie", sa.String(50), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
    )
    op.create_index("ix_audit_log_tijdstip", "audit_log", ["tijdstip"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("feedback")
    op.drop_table("opvolging")
    op.drop_table("aanmelding")
