"""meetings: 三会一课 records, attendance, amendments, plans

Revision ID: 0002_meetings
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0002_meetings"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
