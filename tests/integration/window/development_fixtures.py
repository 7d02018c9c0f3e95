"""The development window tests' context: the demo branch made as of today, a page context."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import app_context
from villagebook.services import registry
from villagebook.storage.db import Database


def development_context(db: Database) -> Any:
    """The window's page context on ``db``, showing its first branch."""
    from villagebook.services.roster import queries as roster_queries

    with db.read() as session:
        branch = roster_queries.first_branch(session)
    return app_context(db, branch.id if branch else None)


@pytest.fixture
def today_demo(db: Database) -> Database:
    """The demo branch made as of the real today (the window's dialogs start on today)."""
    with db.write() as session:
        registry.create_demo(session, today=dt.date.today())
    return db
