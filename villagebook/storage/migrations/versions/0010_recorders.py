"""recorders: who keeps the records; the computer login beside each audit entry

Revision ID: 0010_recorders
Revises: 0009_final_private
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010_recorders"
down_revision = "0009_final_private"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recorder",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_recorder_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recorder")),
    )
    with op.batch_alter_table("recorder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recorder_branch_id"), ["branch_id"], unique=False)
    # Added, not rebuilt: the log is append-only and hash-chained; the login is technical
    # detail beside the recorder's name and stays outside the hash.
    op.add_column(
        "audit_log",
        sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("login")
    with op.batch_alter_table("recorder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recorder_branch_id"))
    op.drop_table("recorder")
