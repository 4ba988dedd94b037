"""Review tables: gesprek_overzicht (+ thema, signaal links), corrections, tags, aanmelding status history.

Revision ID: 0004_review
Revises: 0003_accounts
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_review"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gesprek_overzicht",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False, unique=True),
        sa.Column("begonnen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("laatste", sa.DateTime(timezone=True), nullable=False),
        sa.Column("eerste_ts", sa.Float),
        sa.Column("laatste_ts", sa.Float),
        sa.Column("maand", sa.String(7), nullable=False),
        sa.Column("rol", sa.String(10), nullable=False),
        sa.Column("pc4", sa.String(4)),
        sa.Column("wijk", sa.String(100)),
        sa.Column("thema", sa.String(50)),
        sa.Column("themas", sa.JSON, nullable=False),
        sa.Column("signalen", sa.JSON, nullable=False),
        sa.Column("advies", sa.String(30)),
        sa.Column("crisis", sa.Boolean, nullable=False),
        sa.Column("fallback", sa.Boolean, nullable=False),
        sa.Column("feedback", sa.String(20)),
        sa.Column("aanmelding", sa.Boolean, nullable=False),
        sa.Column("berichten", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("review_status", sa.String(10), nullable=False),
        sa.Column("bekeken_door", sa.String(40)),
        sa.Column("bekeken_op", sa.DateTime(timezone=True)),
    )
    for column in ("maand", "rol", "wijk", "thema", "advies", "crisis", "fallback", "demo", "review_status"):
        op.create_index(f"ix_gesprek_overzicht_{column}", "gesprek_overzicht", [column])
    op.create_index("ix_gesprek_overzicht_begonnen_id", "gesprek_overzicht", ["begonnen", "id"])
    op.create_table(
        "gesprek_thema",
        sa.Column("gesprek_id", sa.String(255), primary_key=True),
        sa.Column("thema", sa.String(50), primary_key=True),
    )
    op.create_index("ix_gesprek_thema_thema", "gesprek_thema", ["thema", "gesprek_id"])
    op.create_table(
        "gesprek_signaal",
        sa.Column("gesprek_id", sa.String(255), primary_key=True),
        sa.Column("code", sa.String(50), primary_key=True),
    )
    op.create_index("ix_gesprek_signaal_code", "gesprek_signaal", ["code", "gesprek_id"])
    op.create_table(
        "review_correctie",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("soort", sa.String(10), nullable=False),
        sa.Column("was", sa.JSON, nullable=False),
        sa.Column("juist", sa.JSON, nullable=False),
        sa.Column("door", sa.String(40), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_review_correctie_gesprek_id", "review_correctie", ["gesprek_id"])
    op.create_index("ix_review_correctie_event_id", "review_correctie", ["event_id"])
    op.create_index("ix_review_correctie_tijdstip", "review_correctie", ["tijdstip"])
    op.create_table(
        "review_tag",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gesprek_id", sa.String(255), nullable=False),
        sa.Column("tag", sa.String(40), nullable=False),
        sa.Column("door", sa.String(40), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("gesprek_id", "tag", name="uq_review_tag"),
    )
    op.create_index("ix_review_tag_tag", "review_tag", ["tag"])
    op.create_table(
        "aanmelding_status",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("aanmelding_id", sa.Integer, sa.ForeignKey("aanmelding.id", ondelete="CASCADE"), nullable=False),
        sa.Column("van", sa.String(20), nullable=False),
        sa.Column("naar", sa.String(20), nullable=False),
        sa.Column("door", sa.String(40), nullable=False),
        sa.Column("toegewezen_aan", sa.String(40)),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_aanmelding_status_aanmelding_id", "aanmelding_status", ["aanmelding_id"])


def downgrade() -> None:
    for name in ("aanmelding_status", "review_tag", "review_correctie", "gesprek_signaal", "gesprek_thema",
                 "gesprek_overzicht"):
        op.drop_table(name)
