"""deliberations: 四议两公开 matters and steps

Revision ID: 0004_deliberations
Revises: 0003_development
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004_deliberations"
down_revision = "0003_development"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deliberation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("workflow", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("workflow_version", sa.Integer(), nullable=False),
        sa.Column("round_no", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=True),
        sa.Column("status_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_deliberation_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliberation")),
    )
    with op.batch_alter_table("deliberation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliberation_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deliberation_previous_id"), ["previous_id"], unique=False
        )

    op.create_table(
        "deliberation_text",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("deliberation_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("frozen_by", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["deliberation_id"],
            ["deliberation.id"],
            name=op.f("fk_deliberation_text_deliberation_id_deliberation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliberation_text")),
    )
    with op.batch_alter_table("deliberation_text", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliberation_text_deliberation_id"), ["deliberation_id"], unique=False
        )

    op.create_table(
        "deliberation_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("deliberation_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("held_with_previous", sa.Boolean(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("basis", sa.String(length=32), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=True),
        sa.Column("present", sa.Integer(), nullable=True),
        sa.Column("yes", sa.Integer(), nullable=True),
        sa.Column("no", sa.Integer(), nullable=True),
        sa.Column("abstain", sa.Integer(), nullable=True),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("channels", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("posted_from", sa.Date(), nullable=True),
        sa.Column("posted_until", sa.Date(), nullable=True),
        sa.Column("text_id", sa.Uuid(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["deliberation_id"],
            ["deliberation.id"],
            name=op.f("fk_deliberation_step_deliberation_id_deliberation"),
        ),
        sa.ForeignKeyConstraint(
            ["text_id"],
            ["deliberation_text.id"],
            name=op.f("fk_deliberation_step_text_id_deliberation_text"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliberation_step")),
    )
    with op.batch_alter_table("deliberation_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliberation_step_deliberation_id"), ["deliberation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deliberation_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliberation_step_deliberation_id"))

    op.drop_table("deliberation_step")
    with op.batch_alter_table("deliberation_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliberation_text_deliberation_id"))

    op.drop_table("deliberation_text")
    with op.batch_alter_table("deliberation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliberation_previous_id"))
        batch_op.drop_index(batch_op.f("ix_deliberation_branch_id"))

    op.drop_table("deliberation")
