"""The quick check begun at start-up is the same check: used only for an unchanged file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from villagebook import app, paths
from villagebook.storage import cipher, integrity, precheck
from villagebook.storage.db import Database

from .test_integrity import damage


@pytest.fixture
def closed_demo(demo_db: Database) -> Path:
    demo_db.close()
    return demo_db.path


def _no_second_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("checked again although the early check was taken")

    monkeypatch.setattr(cipher, "connect_ro", refuse)


def test_an_unchanged_file_uses_the_early_check(
    closed_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert precheck.start(closed_demo)
    assert not precheck.start(closed_demo)  # once per file
    _no_second_check(monkeypatch)
    assert integrity.check(closed_demo) == []


def test_a_file_damaged_after_the_early_check_began_is_checked_again(closed_demo: Path) -> None:
    assert precheck.start(closed_demo)
    pending = precheck._pending[closed_demo.absolute()]
    pending.thread.join()
    assert pending.result is not None and pending.result.rows == ["ok"]
    damage(closed_demo)  # between the early check and the open
    assert integrity.check(closed_demo) != []


def test_a_damaged_file_found_early_is_refused(closed_demo: Path) -> None:
    damage(closed_demo)
    assert precheck.start(closed_demo)
    assert integrity.check(closed_demo) != []


def test_a_log_written_meanwhile_invalidates_the_early_check(closed_demo: Path) -> None:
    assert precheck.start(closed_demo)
    precheck._pending[closed_demo.absolute()].thread.join()
    conn = sqlite3.connect(closed_demo)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE written_meanwhile (x)")
    conn.commit()
    assert closed_demo.with_name(closed_demo.name + "-wal").stat().st_size > 0
    assert precheck.take(closed_demo) is None
    conn.close()


def test_the_full_check_never_uses_the_early_quick_check(
    closed_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert precheck.start(closed_demo)
    calls: list[str] = []
    real = cipher.connect_ro

    def counted(*args: object) -> object:
        calls.append("opened")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cipher, "connect_ro", counted)
    assert integrity.check(closed_demo, full=True) == []
    assert calls == ["opened"]
    precheck.take(closed_demo)


def test_only_plain_sqlite_files_are_checked_early(tmp_path: Path) -> None:
    assert not precheck.start(tmp_path / "missing.sqlite3")
    scrambled = tmp_path / "encrypted.sqlite3"
    scrambled.write_bytes(b"\x8f" * 4096)  # what an SQLCipher file looks like: no header
    assert not precheck.start(scrambled)
    assert precheck.take(scrambled) is None


def test_a_command_starts_the_check_and_a_server_url_does_not(
    closed_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path] = []
    monkeypatch.setattr(precheck, "start", lambda path: started.append(path) or True)
    data_dir = closed_demo.parent
    args = app.cli.build_parser().parse_args(["check", "--data-dir", str(data_dir)])
    app.check_early(args)
    assert started == [paths.database_path(data_dir)]
    args = app.cli.build_parser().parse_args(
        ["check", "--data-dir", str(data_dir), "--database-url", "postgresql://x/y"]
    )
    app.check_early(args)
    assert len(started) == 1
    for command in (["restore", "--newest"], ["backup"], ["lock", "clear"]):
        args = app.cli.build_parser().parse_args([*command, "--data-dir", str(data_dir)])
        app.check_early(args)  # they copy or replace the file: nothing may hold it open
    assert len(started) == 1


def test_a_command_that_opens_the_folder_takes_the_early_check(closed_demo: Path) -> None:
    """In a new process: the storage stack is imported while SQLite checks the file."""
    probe = (
        "import sys; from villagebook import app; from villagebook.storage import precheck;"
        "taken = []; real = precheck.take;"
        "precheck.take = lambda p: taken.append(real(p)) or taken[-1];"
        "code = app.main(sys.argv[1:]);"
        "assert code == 0 or code == 1, code;"
        "assert taken and taken[0] is not None and taken[0].rows == ['ok'], taken"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--data-dir", str(closed_demo.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
