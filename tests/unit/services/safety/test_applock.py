"""The app lock through the Book: the Argon2 password, its length, the retry delay, the
current password to change or remove it, and encryption at rest with a recovery key."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import TODAY
from villagebook.domain.common.errors import InputError
from villagebook.domain.roster.values import BranchInput
from villagebook.domain.safety.errors import PasswordRequired, TryLater, WrongPassword
from villagebook.domain.safety.validation import DEFAULT_IDLE_MINUTES, MIN_PASSWORD_LENGTH
from villagebook.services.book import Book
from villagebook.services.safety import applock
from villagebook.services.safety.identity import IdentityLocked
from villagebook.storage import attempts, cipher
from villagebook.storage.db import Database

PASSWORD = "村务1234"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry delay's clock, moved by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(attempts, "clock", lambda: now[0])
    return now


def _plain_text(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_lock_is_off_until_a_password_is_set(book: Book) -> None:
    settings = book.safety.app_lock()
    assert not settings.enabled and not settings.encrypted
    assert book.safety.check_password("")
    assert book.safety.unlocked
    assert settings.idle_minutes == DEFAULT_IDLE_MINUTES


def test_password_is_stored_only_as_an_argon2_hash(book: Book, clock: list[float]) -> None:
    book.safety.set_app_lock(PASSWORD, repeat=PASSWORD, idle_minutes=5)
    settings = book.safety.app_lock()
    assert settings.enabled and settings.encrypted
    assert book.safety.check_password(PASSWORD)
    assert not book.safety.check_password("村务12345")
    assert settings.idle_minutes == 5
    with book.reading() as session:
        stored = applock._setting(session, applock.HASH_KEY)
        assert stored is not None and stored.value.startswith("$argon2")
    assert PASSWORD.encode() not in _plain_text(book.path)
    clock[0] += 10
    book.safety.clear_app_lock(PASSWORD)
    assert not book.safety.app_lock().enabled and book.safety.check_password("x")


def test_a_password_needs_six_characters(book: Book) -> None:
    assert MIN_PASSWORD_LENGTH == 6
    with pytest.raises(InputError) as caught:
        book.safety.set_app_lock("12345")
    assert [p.field for p in caught.value.problems] == ["password"]
    assert "至少6个字符" in caught.value.problems[0].text()
    book.safety.set_app_lock("123456")
    assert book.safety.app_lock().enabled


def test_bad_password_settings_are_refused_by_field(book: Book) -> None:
    with pytest.raises(InputError) as caught:
        book.safety.set_app_lock("12", repeat="13", idle_minutes=0)
    assert [p.field for p in caught.value.problems] == ["password", "repeat", "idle_minutes"]
    assert not book.safety.app_lock().enabled


def test_changing_or_removing_the_lock_needs_the_current_password(
    book: Book, clock: list[float]
) -> None:
    book.safety.set_app_lock(PASSWORD)
    with pytest.raises(PasswordRequired):
        book.safety.set_app_lock("新的密码123")
    with pytest.raises(WrongPassword):
        book.safety.set_app_lock("新的密码123", current="不是这个")
    clock[0] += 5
    with pytest.raises(PasswordRequired):
        book.safety.clear_app_lock()
    book.safety.set_app_lock("新的密码123", current=PASSWORD)
    assert book.safety.check_password("新的密码123")
    clock[0] += 5
    with pytest.raises(WrongPassword):
        book.safety.clear_app_lock(PASSWORD)
    clock[0] += 5
    book.safety.clear_app_lock("新的密码123")
    assert not book.safety.app_lock().enabled


def test_wrong_passwords_make_the_next_attempt_wait_longer(book: Book, clock: list[float]) -> None:
    book.safety.set_app_lock(PASSWORD)
    assert not book.safety.check_password("错1")
    with pytest.raises(TryLater) as caught:  # 1 s after the first wrong one
        book.safety.check_password(PASSWORD)
    assert caught.value.seconds == 1
    clock[0] += 1
    assert not book.safety.check_password("错2")
    clock[0] += 1
    with pytest.raises(TryLater) as caught:  # 2 s after the second
        book.safety.check_password(PASSWORD)
    clock[0] += 1
    assert book.safety.check_password(PASSWORD)  # the right one clears the count
    assert not book.safety.check_password("错3")
    assert attempts.wait_left(book.data_dir) == 1
    assert [attempts.delay_after(n) for n in (0, 1, 2, 3, 10, 20)] == [0, 1, 2, 4, 300, 300]


def test_setting_the_lock_is_not_undoable_and_clears_the_history(book: Book) -> None:
    """Edit ▸ Undo must never bring back an old password (or none)."""
    book.roster.create_branch(BranchInput(name="测试支部", village="测试村"))
    assert book.undo_label() is not None
    book.safety.set_app_lock("abcdef")
    assert book.undo_label() is None
    book.safety.clear_app_lock("abcdef")
    assert book.undo_label() is None and not book.safety.app_lock().enabled


# --- encryption at rest ------------------------------------------------------------------------


def _secrets(demo_book: Book) -> tuple[list[bytes], list[bytes]]:
    conn = sqlite3.connect(demo_book.path)
    names = [r[0].encode() for r in conn.execute("SELECT name FROM person")]
    numbers = [r[0].encode() for r in conn.execute("SELECT id_number FROM person") if r[0]]
    conn.close()
    return names, numbers


def test_with_the_lock_on_no_name_or_id_number_is_left_in_the_files(
    demo_book: Book, demo_db: Database
) -> None:
    """What ``strings`` would find: nothing of the roster in the database, its WAL, its
    backups, or an export."""
    names, numbers = _secrets(demo_book)
    backup = demo_book.safety.back_up()
    assert any(n in backup.read_bytes() for n in names)  # before: plain
    settings = demo_book.safety.set_app_lock(PASSWORD)
    assert settings.encrypted and re.fullmatch(
        r"([A-Z2-9]{4}-){7}[A-Z2-9]{4}", settings.recovery_key
    )
    demo_book.meetings.records(demo_book.roster.require_branch(None).id)  # still readable
    export = demo_book.exchange.export(
        demo_book.roster.require_branch(None).id, demo_db.data_dir / "x.json"
    )
    later = demo_book.safety.back_up()
    for path in (demo_book.path, backup, later, export):
        data = _plain_text(path)
        assert not any(n in data for n in names + numbers), path
    assert cipher.is_encrypted(demo_book.path) and cipher.is_encrypted(backup)


def test_the_recovery_key_or_the_password_opens_an_encrypted_folder(
    demo_book: Book, clock: list[float]
) -> None:
    recovery = demo_book.safety.set_app_lock(PASSWORD).recovery_key
    data_dir = demo_book.data_dir
    count = len(demo_book.roster.on(demo_book.roster.require_branch(None).id, TODAY))
    demo_book.close()
    cipher.forget_all()  # a new program
    with pytest.raises(PasswordRequired):
        Book.open(data_dir)
    with pytest.raises(WrongPassword):
        Book.open(data_dir, password="不对的密码")
    clock[0] += 10
    with Book.open(data_dir, password=recovery.lower().replace("-", " ")) as opened:
        assert len(opened.roster.on(opened.roster.require_branch(None).id, TODAY)) == count
        assert opened.safety.unlocked
        opened.safety.set_app_lock("新密码abc", current=recovery)  # a new password
    cipher.forget_all()
    with Book.open(data_dir, password="新密码abc") as opened:
        assert opened.safety.app_lock().encrypted


def test_an_encrypted_folder_verifies_backs_up_and_restores(
    demo_book: Book, clock: list[float]
) -> None:
    demo_book.safety.set_app_lock(PASSWORD)
    snapshot = demo_book.safety.back_up()
    assert demo_book.safety.verify_audit() == []
    assert demo_book.safety.backups()[0].healthy
    demo_book.safety.restore(snapshot)
    with Book.open(demo_book.data_dir, today=lambda: TODAY) as reopened:
        assert reopened.safety.verify_audit() == []
        assert cipher.is_encrypted(reopened.path)


def test_export_and_unmasked_reports_need_the_password_while_the_lock_is_on(
    demo_book: Book, tmp_path: Path, clock: list[float]
) -> None:
    from villagebook.services.printing import ReportRequest

    demo_book.safety.set_app_lock(PASSWORD)
    data_dir = demo_book.data_dir
    demo_book.close()
    # A program that has the key (the window unlocked the folder) but was not given the
    # password itself: the hash-only state of an open Book.
    with Book.open(data_dir) as opened:
        opened.safety._unlocked = False
        cipher.forget_all()
        with pytest.raises(PasswordRequired):
            opened.exchange.export(opened.roster.require_branch(None).id, tmp_path / "x.json")
        with pytest.raises(PasswordRequired):
            opened.reports.build(
                ReportRequest("roster", options={"unmasked": True}), tmp_path / "r.pdf"
            )
        # masked, but every PDF is signed with the installation's key, which the lock seals
        with pytest.raises(IdentityLocked):
            opened.reports.build(ReportRequest("roster"), tmp_path / "masked.pdf")
        opened.safety.unlock(PASSWORD)
        opened.reports.build(ReportRequest("roster"), tmp_path / "masked.pdf")
        opened.exchange.export(opened.roster.require_branch(None).id, tmp_path / "x.json")
    assert not (tmp_path / "r.pdf").exists()
