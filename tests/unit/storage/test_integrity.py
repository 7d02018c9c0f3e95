"""Integrity on open: a damaged database is never written to; the newest good backup is offered."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from villagebook import app, paths
from villagebook.cli import common as cli_common
from villagebook.storage import backup, integrity
from villagebook.storage.db import Database, open_database

NOW = dt.datetime(2026, 11, 22, 18, 0)


def damage(path: Path) -> None:
    """Overwrite the inside of every page after the first (a bad disk, a torn copy)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        offset = page * 4096 + 100
        data[offset : offset + 200] = b"\xde\xad" * 100
    path.write_bytes(bytes(data))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(demo_db: Database) -> Path:
    assert backup.auto_backup(demo_db.data_dir, NOW) is not None
    demo_db.close()
    damage(demo_db.path)
    return demo_db.data_dir


def test_healthy_database_passes_the_quick_check(demo_db: Database) -> None:
    assert integrity.check(demo_db.path) == []
    assert integrity.check(demo_db.path, full=True) == []


def test_damaged_database_is_refused_on_open_and_not_written(damaged: Path) -> None:
    db_path = paths.database_path(damaged)
    before = _digest(db_path)
    with pytest.raises(integrity.DatabaseDamaged) as caught:
        open_database(damaged)
    assert "已损坏" in str(caught.value) and "没有对它做任何修改" in str(caught.value)
    assert _digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_newest_good_backup_replaces_a_damaged_database_which_is_kept(damaged: Path) -> None:
    db_path = paths.database_path(damaged)
    damaged_digest = _digest(db_path)
    good = backup.newest_good_backup(damaged)
    assert good is not None and good.counts["person"] == 40
    aside = backup.restore(damaged, good.path, prefix="damaged")
    assert aside.name.startswith("damaged-")
    assert _digest(aside / paths.DB_FILENAME) == damaged_digest
    db = open_database(damaged)
    db.close()


def test_damaged_backups_are_skipped_when_choosing_the_newest_good_one(
    damaged: Path,
) -> None:
    newer = paths.backups_dir(damaged) / backup.snapshot_name(NOW + dt.timedelta(days=1))
    newer.write_bytes(b"not a database at all" * 100)
    good = backup.newest_good_backup(damaged)
    assert good is not None and good.path != newer


def test_cli_says_so_plainly_with_an_exit_code(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.main(["check", "--data-dir", str(damaged)]) == cli_common.EXIT_STORAGE
    err = capsys.readouterr().err
    assert "已损坏" in err and "villagebook restore --newest" in err
    assert app.main(["restore", "--newest", "--data-dir", str(damaged)]) == cli_common.EXIT_OK
    assert app.main(["audit", "verify", "--data-dir", str(damaged)]) == cli_common.EXIT_OK
