"""book.safety: what the window and the CLI do on an open Book."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from tests.unit.storage.test_lock import HOLDER
from villagebook import paths
from villagebook.domain.roster.values import BranchInput
from villagebook.domain.safety.errors import FolderInUse
from villagebook.services.book import Book
from villagebook.storage.lock import FolderLock, read_owner
from villagebook.storage.models import Person


def _automatic(data_dir: Path) -> list[Path]:
    return sorted(paths.backups_dir(data_dir).glob("villagebook-*.sqlite3"))


def test_history_lists_a_records_changes_oldest_first(book: Book) -> None:
    branch = book.roster.create_branch(BranchInput(name="测试支部", village="测试村"))
    book.roster.update_branch(branch.id, BranchInput(name="改名支部", village="测试村"))
    entries = book.safety.history(branch.id)
    assert [e.action for e in entries] == ["insert", "update"]
    assert [(c.field, c.before, c.after) for c in entries[-1].changes] == [
        ("name", "测试支部", "改名支部")
    ]
    assert entries[-1].actor == "测试员" and entries[0].seq < entries[-1].seq


def test_verify_audit_on_the_demo_is_clean(demo_book: Book) -> None:
    assert demo_book.safety.verify_audit() == []


def test_back_up_now_and_to_a_folder(demo_book: Book, tmp_path: Path) -> None:
    made = demo_book.safety.back_up()
    assert made.parent == paths.backups_dir(demo_book.data_dir)
    usb = demo_book.safety.back_up(tmp_path / "usb")
    assert usb.parent == tmp_path / "usb" / "VillageBook-backups"
    [info] = demo_book.safety.backups()
    assert info.path == made and info.healthy and info.counts["person"] == 40
    assert [i.path for i in demo_book.safety.backups(tmp_path / "usb")] == [usb]


def test_daily_backup_only_when_changed(demo_book: Book) -> None:
    assert demo_book.safety.auto_backup() is not None
    assert demo_book.safety.auto_backup() is None  # nothing changed, and under a day


def test_close_with_backup_backs_up_changes_and_lets_the_folder_go(demo_book: Book) -> None:
    demo_book.safety.claim_folder()
    assert demo_book.safety.auto_backup() is not None
    branch = demo_book.roster.first_branch()
    assert branch is not None
    demo_book.roster.create_group(branch.id, "新党小组")
    made = demo_book.safety.close_with_backup()
    assert made is not None and made in _automatic(demo_book.data_dir)
    assert read_owner(demo_book.data_dir) is None  # released


def test_close_with_backup_closes_even_when_the_backup_fails(
    demo_book: Book, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from villagebook.services.safety.folder import DataFolder
    from villagebook.storage.errors import StorageError

    def fail(self: DataFolder, *, on_close: bool = False) -> None:
        raise StorageError("备份失败")

    monkeypatch.setattr(DataFolder, "auto_backup", fail)
    demo_book.safety.claim_folder()
    with caplog.at_level("ERROR"):
        assert demo_book.safety.close_with_backup() is None
    assert "backup on close failed" in caplog.text
    caplog.clear()  # logged on purpose
    assert read_owner(demo_book.data_dir) is None


def test_restore_closes_the_book_and_holds_the_folder_until_reopened(
    demo_book: Book, tmp_path: Path
) -> None:
    data_dir = demo_book.data_dir
    snapshot = demo_book.safety.back_up()
    branch = demo_book.roster.first_branch()
    assert branch is not None
    demo_book.roster.create_group(branch.id, "备份之后的小组")
    demo_book.safety.claim_folder()
    held_while_reopening: list[bool] = []

    def reopen() -> None:
        held_while_reopening.append(read_owner(data_dir) is not None)

    aside = demo_book.safety.restore(snapshot, reopen=reopen)
    assert held_while_reopening == [True]
    assert read_owner(data_dir) is None
    assert aside.parent == data_dir and aside.name.startswith("replaced-")
    with Book.open(data_dir) as reopened:
        names = [g.name for g in reopened.roster.groups(branch.id)]
        assert "备份之后的小组" not in names
        with reopened.reading() as session:
            assert len(session.exec(select(Person)).all()) == 40


@pytest.fixture
def other_instance(demo_book: Book) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_book.data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.communicate()


def test_claim_folder_names_the_other_program(
    demo_book: Book, other_instance: subprocess.Popen[str]
) -> None:
    with pytest.raises(FolderInUse) as caught:
        demo_book.safety.claim_folder()
    assert f"进程 {other_instance.pid}" in str(caught.value)
    assert demo_book.roster.first_branch() is not None  # reading goes on
    assert not FolderLock(demo_book.data_dir).acquired
