"""Disk full, read-only folders: a failed write leaves the database as it was (plain Chinese)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.roster.validation import PersonInput
from villagebook.services import registry
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage import integrity
from villagebook.storage.audit_reading import verify
from villagebook.storage.db import Database, create_db_engine, open_database
from villagebook.storage.errors import StorageError
from villagebook.storage.models import Person


def _count(db: Database) -> int:
    with db.read() as session:
        return len(session.exec(select(Person)).all())


def _add_many(db: Database, n: int) -> None:
    with db.write() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        for i in range(n):
            roster_commands.create_person(
                session, branch.id, PersonInput(name=f"新人{i}", note="备注" * 240), as_of=TODAY
            )


def _assert_unchanged(db: Database, people: int) -> None:
    assert _count(db) == people
    assert integrity.check(db.path, full=True) == []
    assert verify(db.path) == []


def test_disk_full_by_max_page_count(demo_db: Database) -> None:
    people = _count(demo_db)
    demo_db.engine.dispose()

    def limit(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(demo_db.engine, "connect", limit)
    with pytest.raises(StorageError) as caught:
        _add_many(demo_db, 300)
    assert "磁盘空间已满" in str(caught.value) and "原有数据未受影响" in str(caught.value)
    event.remove(demo_db.engine, "connect", limit)
    demo_db.engine.dispose()
    _assert_unchanged(demo_db, people)


@contextlib.contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a small filesystem here (needs root or CAP_SYS_ADMIN): {exc}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


def _demo_in(data_dir: Path) -> Database:
    db = open_database(data_dir, actor="测试员")
    with db.write() as session:
        registry.create_demo(session, today=TODAY)
    return db


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
def test_disk_full_on_a_small_filesystem(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "6m") as mount:
        db = _demo_in(mount / "data")
        people = _count(db)
        with pytest.raises(StorageError) as caught:
            for _ in range(200):
                _add_many(db, 50)
        assert "磁盘空间已满" in str(caught.value)
        committed = _count(db)
        assert committed >= people and (committed - people) % 50 == 0  # whole batches only
        db.close()
        db = open_database(mount / "data")
        _assert_unchanged(db, committed)
        db.close()


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
def test_read_only_folder_refuses_writes_plainly(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "ro", "32m") as mount:
        db = _demo_in(mount / "data")
        people = _count(db)
        db.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        db = open_database(mount / "data")
        assert _count(db) == people  # reading still works
        with pytest.raises(StorageError) as caught:
            _add_many(db, 1)
        assert "不能写入" in str(caught.value) and "原有数据未受影响" in str(caught.value)
        db.close()
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)


def test_read_only_database_file_refuses_writes_plainly(demo_db: Database) -> None:
    """Without a mount: the file opened read-only, as a read-only medium behaves."""
    people = _count(demo_db)
    demo_db.engine.dispose()
    engine = create_db_engine(demo_db.path)
    engine.dispose()
    readonly = sa.create_engine(
        f"sqlite:///file:{demo_db.path}?mode=ro&uri=true",
        connect_args={"check_same_thread": False},
    )
    db = Database(demo_db.data_dir, readonly, "测试员")
    with pytest.raises(StorageError) as caught:
        _add_many(db, 1)
    assert "只读" in str(caught.value) and "原有数据未受影响" in str(caught.value)
    db.close()
    _assert_unchanged(demo_db, people)
