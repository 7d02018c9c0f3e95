"""deliberations: 四议两公开 matters and steps

Revision ID: 0004_deliberations
Revises: 0003_development
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004_deliberations"
down_revision = "0003_development"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
