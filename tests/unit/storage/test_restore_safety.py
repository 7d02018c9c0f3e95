"""Restore that cannot strand a village: the swap is one rename, a folder that held a village
is never silently recreated empty, empty / foreign / newer files are refused, unfinished
copies are cleaned, manual backups are kept, and writes from the command line back up.

(Killing restore and backup at random moments: ``tests/integration/crash/test_crash.py``.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from villagebook import app, paths
from villagebook.domain.common.errors import InputError, StorageError
from villagebook.domain.safety.errors import DatabaseDamaged, DatabaseMissing, DatabaseTooNew
from villagebook.services.book import Book
from villagebook.storage import backup
from villagebook.storage.db import Database, open_database

NOW = dt.datetime(2026, 11, 22, 18, 0)


def _people(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = app.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def closed(demo_db: Database) -> Path:
    """The demo folder, closed, with one automatic backup of it (40 people)."""
    assert backup.auto_backup(demo_db.data_dir, NOW) is not None
    demo_db.close()
    return demo_db.data_dir


def _add_people(data_dir: Path, count: int) -> None:
    from villagebook.domain.roster.validation import PersonInput
    from villagebook.services.roster import commands

    with Book.open(data_dir, actor="测试员") as book:
        branch = book.roster.first_branch()
        assert branch is not None
        with book.transaction("more") as session:
            for i in range(count):
                commands.create_person(session, branch.id, PersonInput(name=f"后来{i}"))


# --- the swap ---------------------------------------------------------------------------------


def test_restore_swaps_the_database_in_by_one_rename_and_keeps_the_old_one_linked(
    closed: Path,
) -> None:
    _add_people(closed, 3)
    db = paths.database_path(closed)
    old_inode = db.stat().st_ino
    (snapshot,) = backup.list_backups(paths.backups_dir(closed))
    aside = backup.restore(closed, snapshot.path, NOW + dt.timedelta(hours=1))
    assert aside is not None and aside.name.startswith("replaced-")
    assert (aside / db.name).stat().st_ino == old_inode  # the same file, not a copy
    assert _people(aside / db.name) == 43 and _people(db) == 40
    assert sorted(p.name for p in closed.iterdir() if p.name.startswith("villagebook.sqlite3")) == [
        "villagebook.sqlite3"
    ]


def test_a_failure_before_the_swap_leaves_the_old_database_and_nothing_else(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_people(closed, 3)
    (snapshot,) = backup.list_backups(paths.backups_dir(closed))
    real_replace = os.replace

    def failing(src: object, dst: object) -> None:
        if Path(str(dst)).name == paths.DB_FILENAME:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(backup.os, "replace", failing)
    with pytest.raises(StorageError, match="磁盘空间已满"):
        backup.restore(closed, snapshot.path, NOW)
    monkeypatch.undo()
    assert _people(paths.database_path(closed)) == 43
    assert not list(closed.glob("replaced-*")) and not list(closed.glob("*.partial*"))


# --- a folder without its database ------------------------------------------------------------


def _strand(closed: Path, how: str) -> None:
    """Leave the folder as a killed restore of the old code did, or as a deleted file."""
    db = paths.database_path(closed)
    if how == "replaced":
        aside = closed / "replaced-20261122-180000"
        aside.mkdir()
        db.rename(aside / db.name)
    elif how == "partial":
        db.rename(db.with_name(db.name + ".partial"))
    else:  # only the backups are left
        db.unlink()


@pytest.mark.parametrize("how", ["replaced", "partial", "backups"])
def test_rule_restore_missing_a_folder_that_held_a_village_is_not_recreated_empty(
    closed: Path, how: str
) -> None:
    _add_people(closed, 3)  # the live data is newer than the backup
    _strand(closed, how)
    with pytest.raises(DatabaseMissing) as caught:
        open_database(closed)
    assert not paths.database_path(closed).exists()
    newest = caught.value.newest
    assert newest is not None
    assert _people(newest.path) == (40 if how == "backups" else 43)  # the newest data
    code, _out, err = _cli("check", "--data-dir", str(closed))
    assert code == 3 and len(err.strip().splitlines()) == 1
    assert "没有新建空白数据库" in err and "villagebook restore --newest" in err
    code, out, _err = _cli("restore", "--newest", "--data-dir", str(closed))
    assert code == 0, _err
    assert _people(paths.database_path(closed)) == (40 if how == "backups" else 43)
    code, out, _err = _cli("check", "--json", "--data-dir", str(closed))
    assert code in (0, 1) and '"findings"' in out


def test_rule_restore_missing_an_empty_folder_gets_a_new_database(tmp_path: Path) -> None:
    unfinished = tmp_path / "data" / "villagebook.sqlite3.partial"
    unfinished.parent.mkdir()
    unfinished.write_bytes(b"")  # a new database never finished: no village in it
    open_database(tmp_path / "data").close()
    assert paths.database_path(tmp_path / "data").is_file()
    assert not unfinished.exists()


def test_a_new_database_is_never_left_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.storage import migrate

    def interrupted(path: Path, revision: str = "head") -> None:
        path.write_bytes(b"SQLite format 3\x00")  # as far as it got
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrate, "upgrade_to_head", interrupted)
    with pytest.raises(StorageError, match="磁盘空间已满"):
        open_database(tmp_path / "data")
    assert list((tmp_path / "data").glob("villagebook.sqlite3*")) == []


# --- empty, foreign and newer files ------------------------------------------------------------


def test_rule_restore_damaged_an_empty_file_is_damaged_and_left_alone(tmp_path: Path) -> None:
    db = paths.database_path(tmp_path)
    db.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match="0字节"):
        open_database(tmp_path)
    code, _out, err = _cli("demo", "--data-dir", str(tmp_path))
    assert code == 3 and "0字节" in err
    assert db.read_bytes() == b""


def test_rule_restore_damaged_a_foreign_database_is_not_villagebook(tmp_path: Path) -> None:
    db = paths.database_path(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged, match="不是村务记事本的数据库"):
        open_database(tmp_path)
    assert db.read_bytes() == before
    with pytest.raises(DatabaseDamaged, match="不是村务记事本的数据库"):
        backup.restore(tmp_path / "other", db)


def _make_newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()


def test_rule_restore_newer_a_database_from_a_newer_villagebook_is_refused_untouched(
    closed: Path,
) -> None:
    db = paths.database_path(closed)
    _make_newer(db)
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_database(closed)
    assert db.read_bytes() == before
    assert not list(paths.backups_dir(closed).glob("pre-upgrade-*"))


def test_rule_restore_newer_backups_are_refused_and_skipped_by_newest(closed: Path) -> None:
    (older,) = backup.list_backups(paths.backups_dir(closed))
    newer = paths.backups_dir(closed) / backup.snapshot_name(NOW + dt.timedelta(days=1))
    shutil.copy(older.path, newer)
    _make_newer(newer)
    infos = backup.list_backups(paths.backups_dir(closed))
    assert [i.newer for i in infos] == [True, False]
    assert backup.newest_good_backup(closed) == infos[1]
    with pytest.raises(DatabaseTooNew):
        backup.restore(closed, newer)
    code, out, _err = _cli("restore", "--newest", "--data-dir", str(closed))
    assert code == 0 and older.path.name in out
    code, out, _err = _cli("backups", "list", "--data-dir", str(closed))
    assert "由更新版本的程序写入，不能恢复" in out


def test_restoring_a_file_that_is_not_there_is_refused(closed: Path) -> None:
    folder = Book.folder(closed)
    with pytest.raises(InputError, match="找不到备份文件"):
        folder.describe(closed / "nothing.sqlite3")
    with pytest.raises(InputError, match="文件夹"):
        folder.describe(closed)


# --- unfinished copies, manual backups, backups after command-line writes --------------------


def test_rule_restore_stale_unfinished_copies_are_cleaned(tmp_path: Path) -> None:
    old = tmp_path / "villagebook-20260101-000000.sqlite3.partial"
    fresh = tmp_path / "villagebook-20260102-000000.sqlite3.partial"
    journal = tmp_path / "villagebook-20260101-000000.sqlite3.partial-journal"
    for file in (old, fresh, journal):
        file.write_bytes(b"x" * 100)
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(journal, (an_hour_ago, an_hour_ago))
    assert sorted(backup.clean_stale(tmp_path)) == sorted([old, journal])
    assert fresh.exists()  # it may be a copy in progress
    assert backup.clean_stale(tmp_path, held=True) == [fresh]  # nobody else copies here


def test_the_next_backup_and_the_next_open_remove_what_a_kill_left(closed: Path) -> None:
    left_in_backups = paths.backups_dir(closed) / "villagebook-20261122-180500.sqlite3.partial"
    left_in_folder = paths.database_path(closed).with_name("villagebook.sqlite3.partial")
    for file in (left_in_backups, left_in_folder):
        file.write_bytes(b"half a copy")
    Book.folder(closed).back_up()
    assert not left_in_backups.exists()
    open_database(closed).close()
    assert not left_in_folder.exists()


def test_rule_backup_manual_backups_are_never_thinned(closed: Path) -> None:
    backups = paths.backups_dir(closed)
    made = Book.folder(closed).back_up()
    assert made.name.endswith("-manual.sqlite3")
    old_manual = backups / "villagebook-20200101-000000-manual.sqlite3"
    shutil.copy(made, old_manual)
    for day in range(1, 20):
        (backups / backup.snapshot_name(NOW - dt.timedelta(days=day))).write_bytes(b"x")
    removed = backup.prune(backups, NOW)
    assert removed and old_manual.exists() and made.exists()
    assert all(not p.name.endswith("-manual.sqlite3") for p in removed)
    assert [i.manual for i in backup.list_backups(backups) if i.path == old_manual] == [True]


def test_rule_backup_command_line_writes_make_the_automatic_backup(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    backups = paths.backups_dir(tmp_path / "data")
    assert _cli("demo", *data)[0] == 0
    made = sorted(backups.glob("villagebook-*.sqlite3"))
    assert len(made) == 1 and not made[0].name.endswith("-manual.sqlite3")
    assert _cli("meetings", "list", *data)[0] == 0  # reading changes nothing: no backup
    assert _cli("check", *data)[0] in (0, 1)
    assert sorted(backups.glob("villagebook-*.sqlite3")) == made
    assert _people(made[0]) == _people(paths.database_path(tmp_path / "data"))


def test_rule_restore_missing_a_log_without_its_database_is_kept_not_overwritten(
    closed: Path,
) -> None:
    db = paths.database_path(closed)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"changes of a database that is gone" * 100)
    (snapshot,) = backup.list_backups(paths.backups_dir(closed))
    shutil.move(snapshot.path, closed / "elsewhere.sqlite3")  # no copy in the folder
    db.unlink()
    with pytest.raises(DatabaseMissing, match="没有找到完好的副本") as caught:
        open_database(closed)
    assert caught.value.newest is None and not db.exists()
    aside = backup.restore(closed, closed / "elsewhere.sqlite3", NOW)
    assert aside is not None and (aside / wal.name).read_bytes().startswith(b"changes")
    assert not wal.exists() and _people(db) == 40
