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
from villagebook.storage import attempts
from villagebook.storage.db import Database
from villagebook.storage.schema import SCHEMA_HEAD


def _conn(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.path)


def test_cli_lock_set_and_clear(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(data_dir)]
    assert app.main(["lock", "set", "--password", "abcd", *data]) == cli_common.EXIT_INPUT
    assert "至少6个字符" in capsys.readouterr().err
    assert app.main(["lock", "set", "--password", "abcdef", "--idle-minutes", "3", *data]) == 0
    out = capsys.readouterr().out
    assert "恢复密钥" in out and "已加密" in out
    # Without the password nothing opens; a wrong one is refused; the right one works.
    assert app.main(["lock", "clear", *data]) == cli_common.EXIT_INPUT
    assert "--password-file" in capsys.readouterr().err
    wrong, right = tmp_path / "wrong.txt", tmp_path / "right.txt"
    wrong.write_text("nope!!\n", encoding="utf-8")
    right.write_text("abcdef\n", encoding="utf-8")
    assert (
        app.main(["lock", "set", "--password", "ghijkl", "--password-file", str(wrong), *data]) == 2
    )
    assert "不正确" in capsys.readouterr().err
    attempts.succeeded(data_dir)  # skip the retry delay
    assert app.main(["lock", "clear", "--password-file", str(right), *data]) == 0
    assert app.main(["lock", "clear", *data]) == 0  # off already: nothing asked


def test_cli_refuses_export_and_unmasked_reports_without_the_password(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(demo_db.data_dir)]
    demo_db.close()
    assert app.main(["lock", "set", "--password", "村务密码123", *data]) == 0
    recovery = capsys.readouterr().out.split("恢复密钥（只显示这一次）：")[1].split()[0]
    out = tmp_path / "out.json"
    assert app.main(["export", "-o", str(out), *data]) == cli_common.EXIT_INPUT
    assert not out.exists()
    pdf = tmp_path / "roster.pdf"
    assert app.main(["report", "roster", "--unmasked", "-o", str(pdf), *data]) == 2
    assert not pdf.exists()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery + "\n", encoding="utf-8")
    pw = ["--password-file", str(key_file)]
    assert app.main(["export", "-o", str(out), *pw, *data]) == cli_common.EXIT_OK
    assert out.read_bytes().startswith(b'{"format": "villagebook-sealed"')
    assert app.main(["report", "roster", "--unmasked", "-o", str(pdf), *pw, *data]) == 0
    # The sealed export imports elsewhere with the recovery key (or the password).
    other = ["--data-dir", str(tmp_path / "other")]
    assert app.main(["import", str(out), *other]) == cli_common.EXIT_INPUT
    assert app.main(["import", str(out), *pw, *other]) == cli_common.EXIT_OK
    plain = tmp_path / "plain.json"
    assert app.main(["export", "--plain", "-o", str(plain), *pw, *data]) == 0
    assert plain.read_text(encoding="utf-8").startswith('{\n  "format": "villagebook-exchange"')


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
