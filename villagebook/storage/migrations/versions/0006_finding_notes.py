"""finding notes: findings marked as handled (已处理)

Revision ID: 0006_finding_notes
Revises: 0005_safety
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006_finding_notes"
down_revision = "0005_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("subject_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("handled_on", sa.Date(), nullable=False),
        sa.Column("handled_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_finding_note_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_note")),
    )
    with op.batch_alter_table("finding_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_note_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_finding_note_code"), ["code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_note_code"))
        batch_op.drop_index(batch_op.f("ix_finding_note_branch_id"))
    op.drop_table("finding_note")
