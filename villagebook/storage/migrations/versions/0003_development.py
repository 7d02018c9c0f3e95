"""development: cases and steps of the 25-step path

Revision ID: 0003_development
Revises: 0002_meetings
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_development"
down_revision = "0002_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
