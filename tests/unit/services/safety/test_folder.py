"""Book.folder: backups, restore and verification of a folder that is not opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.storage.test_integrity import damage
from tests.unit.storage.test_lock import HOLDER
from villagebook import paths
from villagebook.domain.safety.errors import DatabaseDamaged, FolderInUse
from villagebook.services.book import Book
from villagebook.storage.db import Database


@pytest.fixture
def closed_demo(demo_db: Database) -> Path:
    demo_db.close()
    return demo_db.data_dir


def test_the_default_folder_is_the_users(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "mine"))
    folder = Book.folder()
    assert folder.data_dir == tmp_path / "mine" and not folder.has_database()
    assert Book.folder(tmp_path).data_dir == tmp_path


def test_backup_sets_are_found_in_a_usb_folder_or_a_data_folder(
    closed_demo: Path, tmp_path: Path
) -> None:
    folder = Book.folder(closed_demo)
    assert folder.backup_set() == paths.backups_dir(closed_demo)
    assert folder.backups() == []
    usb = folder.back_up(tmp_path / "usb")
    assert folder.backup_set(tmp_path / "usb") == usb.parent
    auto = folder.back_up()
    assert folder.backup_set(closed_demo) == auto.parent  # a data folder: its backups/
    assert folder.backup_set(tmp_path / "empty") == tmp_path / "empty"
    assert [i.path for i in folder.backups(tmp_path / "usb")] == [usb]
    assert folder.describe(auto).counts["person"] == 40


def test_a_damaged_database_is_restored_from_the_newest_good_backup(closed_demo: Path) -> None:
    folder = Book.folder(closed_demo)
    folder.back_up()
    damage(folder.database_path)
    with pytest.raises(DatabaseDamaged):
        Book.open(closed_demo)
    good = folder.newest_good_backup()
    assert good is not None and good.counts["person"] == 40
    reopened: list[bool] = []
    aside = folder.restore(good.path, damaged=True, reopen=lambda: reopened.append(True))
    assert aside.name.startswith("damaged-") and reopened == [True]
    assert folder.verify_audit() == []
    with Book.open(closed_demo) as book:
        assert book.roster.first_branch() is not None


def test_restore_is_refused_while_another_program_holds_the_folder(closed_demo: Path) -> None:
    folder = Book.folder(closed_demo)
    snapshot = folder.back_up()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(closed_demo)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        reopened: list[bool] = []
        with pytest.raises(FolderInUse):
            folder.restore(snapshot, reopen=lambda: reopened.append(True))
        assert reopened == [True]  # the caller gets its folder back either way
        assert not list(closed_demo.glob("replaced-*"))
        assert folder.verify_audit() == []  # verification only reads
    finally:
        proc.kill()
        proc.communicate()
