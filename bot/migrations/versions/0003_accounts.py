"""Staff accounts: gebruiker and login_poging.

Revision ID: 0003_accounts
Revises: 0002_kaart
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_accounts"
down_revision = "0002_kaart"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gebruiker",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(64), nullable=False),  # unique through ix_gebruiker_naam, as the model
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("wachtwoord_hash", sa.String(255), nullable=False),
        sa.Column("geblokkeerd", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("sessie_versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("laatst_ingelogd", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_gebruiker_naam", "gebruiker", ["naam"], unique=True)
    op.create_table(
        "login_poging",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("naam_hash", sa.String(64), nullable=False),
        sa.Column("adres_hash", sa.String(64), nullable=False),
        sa.Column("gelukt", sa.Boolean, nullable=False),
    )
    op.create_index("ix_login_poging_tijdstip", "login_poging", ["tijdstip"])
    op.create_index("ix_login_poging_naam_hash", "login_poging", ["naam_hash"])
    op.create_index("ix_login_poging_adres_hash", "login_poging", ["adres_hash"])


def downgrade() -> None:
    op.drop_table("login_poging")
    op.drop_table("gebruiker")
