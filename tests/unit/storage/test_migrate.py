"""Migrations tested for real: every shipped schema version upgrades with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlmodel import select

from tests.conftest import TODAY
from villagebook import paths
from villagebook.domain.roster.validation import PersonInput
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage import integrity
from villagebook.storage.audit_reading import verify
from villagebook.storage.db import current_revision, open_database
from villagebook.storage.migrate import alembic_config
from villagebook.storage.models import Person
from villagebook.storage.schema import SCHEMA_HEAD

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "fixtures").glob("villagebook-*.sqlite3"))


def _rows(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if r[0] not in ("alembic_version", "audit_log") and not r[0].startswith("sqlite_")
        ]
        return {
            t: {str(r["id"]): dict(r) for r in conn.execute(f'SELECT * FROM "{t}"')} for t in tables
        }
    finally:
        conn.close()


def test_the_first_shipped_version_has_a_fixture() -> None:
    assert any(f.name == "villagebook-0001_foundation.sqlite3" for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_upgrades_to_head_with_data_intact(fixture: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db_path = paths.database_path(data_dir)
    shutil.copy(fixture, db_path)
    old_revision = current_revision(db_path)
    before = _rows(db_path)
    assert before["person"], "the fixture holds realistic data"
    db = open_database(data_dir, actor="升级测试")
    try:
        assert current_revision(db_path) == SCHEMA_HEAD
        if old_revision != SCHEMA_HEAD:
            assert list(paths.backups_dir(data_dir).glob(f"pre-upgrade-{old_revision}-*"))
        after = _rows(db_path)
        for table, rows in before.items():
            assert set(after[table]) == set(rows), table
            for row_id, row in rows.items():
                kept = {k: v for k, v in after[table][row_id].items() if k in row}
                assert kept == row, (table, row_id)
        assert integrity.check(db_path, full=True) == []
        assert verify(db_path) == []  # old rows enter the log as its baseline
        with db.write() as session:  # and the upgraded database takes new records
            branch = roster_queries.first_branch(session)
            assert branch is not None
            roster_commands.create_person(
                session, branch.id, PersonInput(name="升级后新增"), as_of=TODAY
            )
        with db.read() as session:
            assert len(session.exec(select(Person)).all()) == len(before["person"]) + 1
        assert verify(db_path) == []
    finally:
        db.close()


def test_whole_chain_downgrades_and_upgrades_on_an_empty_database(tmp_path: Path) -> None:
    db_path = tmp_path / "chain.sqlite3"
    config = alembic_config(db_path)
    command.upgrade(config, "head")
    assert current_revision(db_path) == SCHEMA_HEAD
    command.downgrade(config, "base")
    conn = sqlite3.connect(db_path)
    left = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if r[0] != "alembic_version"
    ]
    conn.close()
    assert left == []
    command.upgrade(config, "head")
    assert current_revision(db_path) == SCHEMA_HEAD
    assert integrity.check(db_path, full=True) == []
