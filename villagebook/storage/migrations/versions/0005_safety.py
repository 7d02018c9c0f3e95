"""safety: audit log and app lock

Revision ID: 0005_safety
Revises: 0004_deliberations
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0005_safety"
down_revision = "0004_deliberations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
