"""A branch with the app lock on (main's encryption at rest) still reports to its township:
the bundle carries full personal data, so, like an export, it needs the lock's password."""

from __future__ import annotations

from pathlib import Path

import pytest

from villagebook.domain.safety.errors import PasswordRequired
from villagebook.services.book import Book
from villagebook.services.township import bundle as bundle_file
from villagebook.storage import cipher

PASSWORD = "村务1234"


def test_a_locked_branch_sends_a_bundle_only_with_its_password(
    demo_book: Book, tmp_path: Path
) -> None:
    demo_book.safety.set_app_lock(PASSWORD)
    data_dir = demo_book.data_dir
    demo_book.close()
    bundle = tmp_path / "q4.vbbundle"
    with Book.open(data_dir) as opened:  # the key known, the password not given
        opened.safety._unlocked = False
        cipher.forget_all()
        with pytest.raises(PasswordRequired):
            opened.township.export_bundle(bundle)
        assert not bundle.exists()
    with Book.open(data_dir, password=PASSWORD) as opened:
        sent = opened.township.export_bundle(bundle)
    assert sent.records > 0 and bundle.is_file()
    assert bundle_file.read(bundle).manifest["branch"]["name"] == "中共青山村支部委员会"
