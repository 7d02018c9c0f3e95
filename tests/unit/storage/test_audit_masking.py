"""The audit log keeps ID numbers masked (it is kept for ever, also after a person is gone)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from villagebook import paths
from villagebook.storage.audit_reading import verify
from villagebook.storage.db import Database, open_database

FULL = re.compile(r"\b\d{17}[\dX]\b")
MASKED = re.compile(r"\b\d{6}\*{8}\d{3}[\dX]\b")
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "villagebook-0005_safety.sqlite3"


def _log_text(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT before, after FROM audit_log")
        return " ".join((b or "") + (a or "") for b, a in rows)
    finally:
        conn.close()


def test_the_log_keeps_no_full_id_number(demo_db: Database) -> None:
    text = _log_text(demo_db.path)
    assert FULL.findall(text) == []
    assert MASKED.findall(text)
    conn = sqlite3.connect(demo_db.path)
    assert conn.execute("SELECT count(*) FROM person WHERE id_number IS NOT NULL").fetchone()[0]
    conn.close()
    assert verify(demo_db.path) == []  # the tables keep them whole and still match


def test_an_upgrade_masks_the_entries_written_before(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    shutil.copy(FIXTURE, paths.database_path(data_dir))
    assert FULL.findall(_log_text(paths.database_path(data_dir)))  # the old log has them
    open_database(data_dir).close()
    assert FULL.findall(_log_text(paths.database_path(data_dir))) == []
    assert verify(paths.database_path(data_dir)) == []


def test_a_changed_id_number_is_still_found_when_the_visible_digits_change(
    demo_db: Database,
) -> None:
    conn = sqlite3.connect(demo_db.path)
    with conn:
        conn.execute(
            "UPDATE person SET id_number = '9' || substr(id_number, 2)"
            " WHERE id IN (SELECT id FROM person WHERE id_number IS NOT NULL LIMIT 1)"
        )
    conn.close()
    assert [i.kind for i in verify(demo_db.path)] == ["edited"]
