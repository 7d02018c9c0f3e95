"""township: exchange bundles, receipts, merged records, conflicts, comments, rule sets;
an ID number unique within a branch; an amendment's field name up to 80 characters

Revision ID: 0011_township
Revises: 0010_recorders
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011_township"
down_revision = "0010_recorders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch_summary",
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("mark", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("figures", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("computed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("branch_id", "as_of", name=op.f("pk_branch_summary")),
    )
    op.create_table(
        "rule_set_adoption",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("params", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("source_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_set_adoption")),
    )
    op.create_table(
        "stored_file",
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_file")),
    )
    op.create_table(
        "inspector_comment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("subject_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("written_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("township", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("receipt_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_inspector_comment_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector_comment")),
    )
    with op.batch_alter_table("inspector_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspector_comment_branch_id"), ["branch_id"], unique=False
        )

    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("bundle_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("held_branch_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("held_version", sa.Integer(), nullable=False),
        sa.Column("held", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("held_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("held_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("incoming_version", sa.Integer(), nullable=False),
        sa.Column("incoming", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("incoming_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("incoming_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("incoming_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("resolved_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_merge_conflict_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
    )
    with op.batch_alter_table("merge_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_merge_conflict_branch_id"), ["branch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_merge_conflict_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_merge_conflict_status"), ["status"], unique=False)

    op.create_table(
        "received_branch",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("installation_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("last_bundle_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("last_received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("up_to_change", sa.Integer(), nullable=False),
        sa.Column("app_version", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("rules", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_received_branch_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_branch")),
    )
    with op.batch_alter_table("received_branch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_branch_branch_id"), ["branch_id"], unique=True
        )
        batch_op.create_index(
            batch_op.f("ix_received_branch_fingerprint"), ["fingerprint"], unique=False
        )

    op.create_table(
        "received_bundle",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("bundle_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("from_change", sa.Integer(), nullable=False),
        sa.Column("to_change", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at_branch", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column(
            "signer_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("replaced", sa.Integer(), nullable=False),
        sa.Column("identical", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_received_bundle_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_bundle")),
    )
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_bundle_branch_id"), ["branch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_received_bundle_bundle_id"), ["bundle_id"], unique=True
        )

    op.create_table(
        "received_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("content", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("rows", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_received_record_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_record")),
        sa.UniqueConstraint("section", "record_id", name=op.f("uq_received_record_section")),
    )
    with op.batch_alter_table("received_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_record_branch_id"), ["branch_id"], unique=False
        )

    op.create_table(
        "record_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_record_version_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_version")),
        sa.UniqueConstraint(
            "branch_id", "section", "record_id", name=op.f("uq_record_version_branch_id")
        ),
    )
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_version_branch_id"), ["branch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_record_version_version"), ["version"], unique=False)

    op.create_table(
        "sent_bundle",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("bundle_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("from_change", sa.Integer(), nullable=False),
        sa.Column("to_change", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_sent_bundle_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_bundle")),
    )
    with op.batch_alter_table("sent_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sent_bundle_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sent_bundle_bundle_id"), ["bundle_id"], unique=True)

    op.create_table(
        "township_receipt",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("receipt_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("up_to_change", sa.Integer(), nullable=False),
        sa.Column("bundles", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("issued_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("township", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("inspector", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "signer_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column("comments", sa.Integer(), nullable=False),
        sa.Column("rules_version", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_township_receipt_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_township_receipt")),
    )
    with op.batch_alter_table("township_receipt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_township_receipt_branch_id"), ["branch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_township_receipt_receipt_id"), ["receipt_id"], unique=True
        )

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_person_id_number"), type_="unique")
        batch_op.create_index("ix_person_branch_id_number", ["branch_id", "id_number"], unique=True)
        batch_op.create_index(batch_op.f("ix_person_id_number"), ["id_number"], unique=False)

    # "attendance.<uuid>" is 47 characters: PostgreSQL enforces the length SQLite ignores.
    with op.batch_alter_table("meeting_amendment", schema=None) as batch_op:
        batch_op.alter_column(
            "field_name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=40),
            type_=sqlmodel.sql.sqltypes.AutoString(length=80),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_amendment", schema=None) as batch_op:
        batch_op.alter_column(
            "field_name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=80),
            type_=sqlmodel.sql.sqltypes.AutoString(length=40),
            existing_nullable=False,
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_id_number"))
        batch_op.drop_index("ix_person_branch_id_number")
        batch_op.create_unique_constraint(batch_op.f("uq_person_id_number"), ["id_number"])

    with op.batch_alter_table("township_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_township_receipt_receipt_id"))
        batch_op.drop_index(batch_op.f("ix_township_receipt_branch_id"))

    op.drop_table("township_receipt")
    with op.batch_alter_table("sent_bundle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sent_bundle_bundle_id"))
        batch_op.drop_index(batch_op.f("ix_sent_bundle_branch_id"))

    op.drop_table("sent_bundle")
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_version_version"))
        batch_op.drop_index(batch_op.f("ix_record_version_branch_id"))

    op.drop_table("record_version")
    with op.batch_alter_table("received_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_record_branch_id"))

    op.drop_table("received_record")
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_bundle_bundle_id"))
        batch_op.drop_index(batch_op.f("ix_received_bundle_branch_id"))

    op.drop_table("received_bundle")
    with op.batch_alter_table("received_branch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_branch_fingerprint"))
        batch_op.drop_index(batch_op.f("ix_received_branch_branch_id"))

    op.drop_table("received_branch")
    with op.batch_alter_table("merge_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_conflict_status"))
        batch_op.drop_index(batch_op.f("ix_merge_conflict_record_id"))
        batch_op.drop_index(batch_op.f("ix_merge_conflict_branch_id"))

    op.drop_table("merge_conflict")
    with op.batch_alter_table("inspector_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspector_comment_branch_id"))

    op.drop_table("inspector_comment")
    op.drop_table("stored_file")
    op.drop_table("rule_set_adoption")
    op.drop_table("branch_summary")
