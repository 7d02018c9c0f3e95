"""development: cases and steps of the 25-step path

Revision ID: 0003_development
Revises: 0002_meetings
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003_development"
down_revision = "0002_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "development_case",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("workflow_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("workflow_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ending", sa.String(length=32), nullable=True),
        sa.Column("ending_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_development_case_branch_id_branch")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_development_case_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_case")),
    )
    with op.batch_alter_table("development_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_development_case_branch_id"), ["branch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_development_case_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_development_case_state"), ["state"], unique=False)

    op.create_table(
        "development_assessment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["development_case.id"],
            name=op.f("fk_development_assessment_case_id_development_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_assessment")),
    )
    with op.batch_alter_table("development_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_development_assessment_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "development_extension",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["development_case.id"],
            name=op.f("fk_development_extension_case_id_development_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_extension")),
    )
    with op.batch_alter_table("development_extension", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_development_extension_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "development_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("expected_voting", sa.Integer(), nullable=True),
        sa.Column("present_voting", sa.Integer(), nullable=True),
        sa.Column("yes", sa.Integer(), nullable=True),
        sa.Column("no", sa.Integer(), nullable=True),
        sa.Column("abstain", sa.Integer(), nullable=True),
        sa.Column("written_yes", sa.Integer(), nullable=True),
        sa.Column("training_days", sa.Float(), nullable=True),
        sa.Column("training_hours", sa.Float(), nullable=True),
        sa.Column("publicity_from", sa.Date(), nullable=True),
        sa.Column("publicity_to", sa.Date(), nullable=True),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["development_case.id"],
            name=op.f("fk_development_step_case_id_development_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_step")),
        sa.UniqueConstraint("case_id", "number", name=op.f("uq_development_step_case_id")),
    )
    with op.batch_alter_table("development_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_development_step_case_id"), ["case_id"], unique=False)

    op.create_table(
        "development_step_person",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("step_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_development_step_person_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["development_step.id"],
            name=op.f("fk_development_step_person_step_id_development_step"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_step_person")),
    )
    with op.batch_alter_table("development_step_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_development_step_person_step_id"), ["step_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("development_step_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_step_person_step_id"))

    op.drop_table("development_step_person")
    with op.batch_alter_table("development_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_step_case_id"))

    op.drop_table("development_step")
    with op.batch_alter_table("development_extension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_extension_case_id"))

    op.drop_table("development_extension")
    with op.batch_alter_table("development_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_assessment_case_id"))

    op.drop_table("development_assessment")
    with op.batch_alter_table("development_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_case_state"))
        batch_op.drop_index(batch_op.f("ix_development_case_person_id"))
        batch_op.drop_index(batch_op.f("ix_development_case_branch_id"))

    op.drop_table("development_case")
