"""The safety commands: backup, backups list, restore, audit verify, lock set / clear.

(The lock and integrity commands under a held or damaged folder are tested with the lock
and integrity: ``tests/unit/storage/test_lock.py``, ``test_integrity.py``.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.storage.db import Database
from villagebook.storage.schema import SCHEMA_HEAD


def _conn(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.path)


def test_cli_lock_set_and_clear(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(data_dir)]
    assert app.main(["lock", "set", "--password", "abcd", "--idle-minutes", "3", *data]) == 0
    assert app.main(["lock", "set", "--password", "ab", *data]) == cli_common.EXIT_INPUT
    assert "至少4个字符" in capsys.readouterr().err
    assert app.main(["lock", "clear", *data]) == 0


def test_cli_audit_verify(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["audit", "verify", "--data-dir", str(demo_db.data_dir)]
    assert app.main(args) == cli_common.EXIT_OK
    assert "审计日志完整" in capsys.readouterr().out
    with _conn(demo_db) as conn:
        conn.execute("UPDATE person SET phone = '13800000000'")
    assert app.main(args) == cli_common.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "被绕过程序修改" in out and "phone" in out


def test_cli_backup_list_and_restore(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(demo_db.data_dir)]
    assert app.main(["backup", *data]) == cli_common.EXIT_OK
    assert app.main(["backup", "--to", str(tmp_path / "usb"), *data]) == cli_common.EXIT_OK
    capsys.readouterr()
    assert app.main(["backups", "list", *data]) == cli_common.EXIT_OK
    out = capsys.readouterr().out
    assert "人员 40" in out and SCHEMA_HEAD in out and "完好" in out
    assert app.main(["backups", "list", "--from", str(tmp_path / "usb"), *data]) == 0
    assert "共 1 个备份" in capsys.readouterr().out
    demo_db.close()
    assert app.main(["restore", "--newest", *data]) == cli_common.EXIT_OK
    assert "没有删除" in capsys.readouterr().out
    assert len(list(demo_db.data_dir.glob("replaced-*"))) == 1
