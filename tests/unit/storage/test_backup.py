"""Backups: pruning, consistent snapshots with attachments, restore round trip."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from villagebook import paths
from villagebook.services import attachments
from villagebook.services.roster import queries as roster_queries
from villagebook.storage import backup
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Person
from villagebook.storage.schema import SCHEMA_HEAD

NOW = dt.datetime(2026, 11, 22, 18, 0)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# --- thinning ---------------------------------------------------------------------------------


def test_prune_deletes_only_thinned_automatic_snapshots(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / backup.snapshot_name(NOW - dt.timedelta(days=i))).write_bytes(b"x")
    (tmp_path / "pre-upgrade-0001_foundation-20200101-000000.sqlite3").write_bytes(b"x")
    removed = backup.prune(tmp_path, NOW)
    assert removed and all(p.name.startswith(backup.PREFIX) for p in removed)
    assert (tmp_path / "pre-upgrade-0001_foundation-20200101-000000.sqlite3").exists()
    assert len(list(tmp_path.glob("*.sqlite3"))) == 30 - len(removed) + 1


# --- snapshots ---------------------------------------------------------------------------------


def _add_photo(db: Database, tmp_path: Path, content: bytes = PNG) -> str:
    source = tmp_path / "photo.png"
    source.write_bytes(content)
    with db.write() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        row = attachments.add_attachment(
            session,
            db.data_dir,
            branch_id=branch.id,
            owner_type="person",
            owner_id=branch.id,
            source=source,
        )
        return row.stored_path


def _people(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, name FROM person ORDER BY id").fetchall()
    finally:
        conn.close()


def test_auto_backup_only_when_changed_and_at_most_daily(demo_db: Database) -> None:
    data_dir = demo_db.data_dir
    first = backup.auto_backup(data_dir, NOW)
    assert first is not None and first.exists()
    assert backup.auto_backup(data_dir, NOW + dt.timedelta(days=2)) is None  # nothing changed
    with demo_db.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.note = "改了"
        session.add(person)
    assert backup.auto_backup(data_dir, NOW + dt.timedelta(hours=1)) is None  # under a day
    second = backup.auto_backup(data_dir, NOW + dt.timedelta(days=1))
    assert second is not None and second != first
    # On close the window asks with no minimum interval.
    with demo_db.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.note = "又改了"
        session.add(person)
    third = backup.auto_backup(
        data_dir, NOW + dt.timedelta(days=1, minutes=5), min_interval=dt.timedelta(0)
    )
    assert third is not None


def test_snapshot_of_a_live_database_is_consistent_and_holds_attachments(
    demo_db: Database, tmp_path: Path
) -> None:
    stored = _add_photo(demo_db, tmp_path)
    # An open read transaction on the live database does not disturb the copy.
    with demo_db.read() as session:
        session.exec(select(Person)).all()
        target = backup.backup_into(demo_db.data_dir, paths.backups_dir(demo_db.data_dir), NOW)
    info = backup.describe(target)
    assert info.healthy and info.revision == SCHEMA_HEAD
    assert dict(info.summary())["人员"] == 40
    assert info.counts["attachment"] == 1
    copied = [p for p in (target.parent / "attachments").rglob("*") if p.is_file()]
    assert [p.name for p in copied] == [Path(stored).name]
    assert _people(target) == _people(demo_db.path)


def test_restore_round_trip_equals_the_backup(demo_db: Database, tmp_path: Path) -> None:
    _add_photo(demo_db, tmp_path)
    usb = tmp_path / "usb"
    target = backup.backup_to(demo_db.data_dir, usb, NOW)
    assert target.parent == usb / backup.MANUAL_FOLDER
    expected = _people(target)
    with demo_db.write() as session:  # changes after the backup
        for person in session.exec(select(Person)).all()[:5]:
            person.name = "备份之后"
            session.add(person)
    _add_photo(demo_db, tmp_path, PNG + b"later")
    old_attachments = sorted(
        p.name for p in paths.attachments_dir(demo_db.data_dir).rglob("*") if p.is_file()
    )
    demo_db.close()
    aside = backup.restore(demo_db.data_dir, target, NOW + dt.timedelta(hours=1))
    assert aside.name.startswith("replaced-")
    assert _people(aside / paths.DB_FILENAME) != expected  # the replaced data is kept
    kept = sorted(p.name for p in (aside / "attachments").rglob("*") if p.is_file())
    assert kept == old_attachments
    reopened = open_database(demo_db.data_dir)
    try:
        assert _people(reopened.path) == expected
        with reopened.read() as session:
            rows = attachments.attachments_of(
                session,
                "person",
                roster_queries.first_branch(session).id,  # type: ignore[union-attr]
            )
            assert len(rows) == 1
            assert attachments.verify(reopened.data_dir, rows[0])
    finally:
        reopened.close()
    from villagebook.storage.audit_reading import verify

    assert verify(paths.database_path(demo_db.data_dir)) == []


def test_a_damaged_backup_is_refused_and_nothing_moves(demo_db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad" / backup.snapshot_name(NOW)
    bad.parent.mkdir()
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    demo_db.close()
    with pytest.raises(backup.integrity.DatabaseDamaged):
        backup.restore(demo_db.data_dir, bad)
    assert paths.database_path(demo_db.data_dir).exists()
    assert not list(demo_db.data_dir.glob("replaced-*"))
