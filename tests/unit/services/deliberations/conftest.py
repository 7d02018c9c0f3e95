"""The road deliberation (completed, with a photo) and a rejected one proposed again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.services.deliberations import helpers as h
from villagebook.services.deliberations import commands, queries
from villagebook.storage.db import Database


@pytest.fixture
def road(db: Database, tmp_path: Path) -> Database:
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\1" * 40)
    with db.write() as session:
        row = h.full_deliberation(session, h.branch(session))
        commands.attach_photo(session, db.data_dir, queries.steps_of(session, row.id)[4].id, photo)
        rejected = h.deliberation(session, row.branch_id)
        h.record(session, rejected.id, h.proposal(), h.joint(), h.members(present=20, yes=9))
        commands.repropose(session, rejected.id, text="第二轮提议")
    return db
