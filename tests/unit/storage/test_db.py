from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from villagebook.storage.db import current_revision, open_database
from villagebook.storage.migrate import head_revision, upgrade_to_head
from villagebook.storage.schema import SCHEMA_HEAD


def test_schema_head_constant_matches_alembic() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_every_connection_has_the_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    db_path = tmp_path / "villagebook.sqlite3"
    upgrade_to_head(db_path, "0001_foundation")
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO branch (id, created_at, created_by, name, village, township, county,"
        " has_committee, secretary_is_director)"
        " VALUES ('0123456789abcdef0123456789abcdef', '2025-01-01', 'x', '老支部', '老村', '', '',"
        " 0, 0)"
    )
    conn.commit()
    conn.close()
    open_database(tmp_path)
    assert current_revision(db_path) == SCHEMA_HEAD
    backups = list((tmp_path / "backups").glob("pre-upgrade-0001_foundation-*.sqlite3"))
    assert len(backups) == 1
    assert current_revision(backups[0]) == "0001_foundation"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM branch").fetchall() == [("老支部",)]
    conn.close()
