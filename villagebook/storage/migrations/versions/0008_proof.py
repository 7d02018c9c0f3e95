"""proof: the installation identity, its key, the trust list and the issued reports

Revision ID: 0008_proof
Revises: 0006_finding_notes
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_proof"
down_revision = "0006_finding_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation_identity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("installation_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("certificate", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column("branch_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("township", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("county", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_identity")),
    )
    with op.batch_alter_table("installation_identity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_installation_identity_fingerprint"), ["fingerprint"], unique=True
        )

    op.create_table(
        "installation_key",
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("sealed", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("protected", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_installation_key")),
    )
    op.create_table(
        "trusted_certificate",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("certificate", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column("installation_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("branch_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("township", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("county", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_certificate")),
    )
    with op.batch_alter_table("trusted_certificate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trusted_certificate_fingerprint"), ["fingerprint"], unique=True
        )

    op.create_table(
        "issued_report",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("report_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("subject_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("generated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("records_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("pdf_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "signer_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_issued_report_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_report")),
    )
    with op.batch_alter_table("issued_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_report_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_issued_report_report_id"), ["report_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("issued_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_report_report_id"))
        batch_op.drop_index(batch_op.f("ix_issued_report_branch_id"))

    op.drop_table("issued_report")
    with op.batch_alter_table("trusted_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trusted_certificate_fingerprint"))

    op.drop_table("trusted_certificate")
    op.drop_table("installation_key")
    with op.batch_alter_table("installation_identity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_installation_identity_fingerprint"))

    op.drop_table("installation_identity")
