"""One writer per data folder: a second instance is refused by name; a stale lock is taken over."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.storage.db import Database, open_database
from villagebook.storage.lock import FolderInUse, FolderLock, read_owner
from villagebook.storage.models import Person

HOLDER = (
    "import sys, time; from pathlib import Path\n"
    "from villagebook.storage.lock import FolderLock\n"
    "FolderLock(Path(sys.argv[1])).acquire()\n"
    "print('held', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def other_instance(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    data_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.communicate()


def test_second_instance_is_refused_with_a_message_naming_the_first(
    data_dir: Path, other_instance: subprocess.Popen[str]
) -> None:
    with pytest.raises(FolderInUse) as caught:
        FolderLock(data_dir).acquire()
    message = str(caught.value)
    assert f"进程 {other_instance.pid}" in message
    assert socket.gethostname() in message
    assert "已被另一个正在运行的村务记事本打开" in message
    assert caught.value.owner is not None and caught.value.owner.pid == other_instance.pid


@pytest.fixture
def released_demo(demo_db: Database) -> Database:
    demo_db.close()
    return demo_db


def test_writes_are_refused_but_reads_allowed_while_another_instance_holds_the_folder(
    released_demo: Database, other_instance: subprocess.Popen[str]
) -> None:
    db = open_database(released_demo.data_dir)
    with db.read() as session:
        assert len(session.exec(select(Person)).all()) == 40
    with pytest.raises(FolderInUse), db.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.note = "不应保存"
        session.add(person)
    with db.read() as session:
        assert all(p.note != "不应保存" for p in session.exec(select(Person)))
    db.close()


def test_cli_write_commands_respect_the_lock_and_read_commands_run(
    data_dir: Path,
    released_demo: Database,
    other_instance: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = ["--data-dir", str(data_dir)]
    assert app.main(["demo", "--force", *data]) == cli_common.EXIT_STORAGE
    assert f"进程 {other_instance.pid}" in capsys.readouterr().err
    assert app.main(["export", "-o", str(tmp_path / "out.json"), *data]) == cli_common.EXIT_OK
    assert app.main(["audit", "verify", *data]) == cli_common.EXIT_OK
    assert app.main(["restore", "--newest", *data]) != cli_common.EXIT_OK


def test_stale_lock_after_a_crash_is_taken_over(
    data_dir: Path, other_instance: subprocess.Popen[str]
) -> None:
    other_instance.send_signal(signal.SIGKILL)
    other_instance.wait()
    owner = read_owner(data_dir)
    assert owner is not None and owner.pid == other_instance.pid  # the file outlives the crash
    lock = FolderLock(data_dir).acquire()
    assert lock.stale_owner is not None and lock.stale_owner.pid == other_instance.pid
    now_owner = read_owner(data_dir)
    assert now_owner is not None and now_owner.pid != other_instance.pid
    lock.release()
    assert read_owner(data_dir) is None  # a clean release leaves no owner behind


def test_the_lock_is_shared_within_one_process(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    first = FolderLock(data_dir).acquire()
    second = FolderLock(data_dir).acquire()
    second.release()
    assert read_owner(data_dir) is not None  # still held by ``first``
    first.release()
    assert read_owner(data_dir) is None
