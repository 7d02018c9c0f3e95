"""The app lock (argon2 password, idle minutes) through the Book."""

from __future__ import annotations

import sqlite3

import pytest

from villagebook.domain.common.errors import InputError
from villagebook.domain.roster.values import BranchInput
from villagebook.domain.safety.validation import DEFAULT_IDLE_MINUTES
from villagebook.services.book import Book
from villagebook.services.safety import applock


def test_lock_is_off_until_a_password_is_set(book: Book) -> None:
    settings = book.safety.app_lock()
    assert not settings.enabled
    assert book.safety.check_password("")
    assert settings.idle_minutes == DEFAULT_IDLE_MINUTES


def test_password_is_stored_only_as_an_argon2_hash(book: Book) -> None:
    book.safety.set_app_lock("村务1234", repeat="村务1234", idle_minutes=5)
    settings = book.safety.app_lock()
    assert settings.enabled
    assert book.safety.check_password("村务1234")
    assert not book.safety.check_password("村务12345")
    assert settings.idle_minutes == 5
    conn = sqlite3.connect(book.path)
    stored = conn.execute(
        "SELECT value FROM app_setting WHERE key = ?", (applock.HASH_KEY,)
    ).fetchone()[0]
    log = " ".join(r[0] or "" for r in conn.execute("SELECT after FROM audit_log"))
    conn.close()
    assert stored.startswith("$argon2") and "村务1234" not in stored
    assert "村务1234" not in log
    book.safety.clear_app_lock()
    assert not book.safety.app_lock().enabled and book.safety.check_password("x")


def test_bad_password_settings_are_refused_by_field(book: Book) -> None:
    with pytest.raises(InputError) as caught:
        book.safety.set_app_lock("12", repeat="13", idle_minutes=0)
    assert [p.field for p in caught.value.problems] == ["password", "repeat", "idle_minutes"]
    assert not book.safety.app_lock().enabled


def test_setting_the_lock_is_not_undoable_and_clears_the_history(book: Book) -> None:
    """Edit ▸ Undo must never bring back an old password (or none)."""
    book.roster.create_branch(BranchInput(name="测试支部", village="测试村"))
    assert book.undo_label() is not None
    book.safety.set_app_lock("abcd")
    assert book.undo_label() is None
    book.safety.clear_app_lock()
    assert book.undo_label() is None and not book.safety.app_lock().enabled
