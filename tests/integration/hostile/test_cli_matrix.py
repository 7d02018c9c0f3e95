"""A command line without tracebacks: every subcommand against unknown ids, bad outputs
(missing, a folder, read-only, a full disk), a closed pipe, a read-only data folder,
malformed rule files, a damaged database and a database from a newer VillageBook.

Each run must end with a documented exit code (0 done, 1 findings, 2 refused input,
3 storage; README "Exit codes"), a failure with one line of Chinese on stderr, and no
``*.part`` / ``*.tmp`` / ``*.partial`` file left behind.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import _copy_template
from villagebook import app

UNKNOWN = "0badc0de-0000-4000-8000-000000000000"
EXIT_CODES = {0, 1, 2, 3}
CHINESE = re.compile(r"[\u4e00-\u9fff]")
LEFTOVERS = ("*.part", "*.tmp", "*.partial", ".*.part")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*argv: str) -> Run:
    """``villagebook ARGV`` in this process; a traceback fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = app.main(list(argv))
        except SystemExit as exc:  # argparse's own refusals
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def _leftovers(*folders: Path) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            for pattern in LEFTOVERS:
                found += folder.rglob(pattern)
    return found


def assert_refused(result: Run, code: int, *words: str) -> None:
    assert result.code == code, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert CHINESE.search(lines[0]), lines[0]
    assert "Traceback" not in result.err
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def demo(tmp_path: Path, template_demo: Path) -> Path:
    return _copy_template(template_demo, tmp_path / "data")


def _ids(folder: Path) -> dict[str, str]:
    conn = sqlite3.connect(folder / "villagebook.sqlite3")
    try:
        one = lambda sql: str(uuid.UUID(conn.execute(sql).fetchone()[0]))  # noqa: E731
        return {
            "meeting": one("SELECT id FROM meeting WHERE status = 'draft' LIMIT 1"),
            "finalised": one("SELECT id FROM meeting WHERE status = 'finalised' LIMIT 1"),
            "deliberation": one(
                "SELECT id FROM deliberation WHERE status IN ('decided', 'completed') LIMIT 1"
            ),
            "person": one("SELECT person_id FROM development_case LIMIT 1"),
        }
    finally:
        conn.close()


#: Every subcommand, with the arguments that make it do its work (OUT: an output file).
def commands(ids: dict[str, str]) -> dict[str, list[str]]:
    return {
        "demo": ["demo"],
        "export": ["export", "-o", "OUT.json"],
        "check": ["check"],
        "report roster": ["report", "roster", "-o", "OUT.pdf"],
        "report deliberation": [
            "report",
            "deliberation",
            "--deliberation",
            ids["deliberation"],
            "-o",
            "OUT.pdf",
        ],
        "report publicity": [
            "report",
            "publicity",
            "--matter",
            ids["deliberation"],
            "-o",
            "OUT.pdf",
        ],
        "report minutes": ["report", "minutes", "--meeting", ids["meeting"], "-o", "OUT.pdf"],
        "report volume": ["report", "volume", "--year", "2026", "--quarter", "1", "-o", "OUT.pdf"],
        "report dossier": ["report", "dossier", "--person", ids["person"], "-o", "OUT.pdf"],
        "report development-roster": ["report", "development-roster", "-o", "OUT.pdf"],
        "backup": ["backup"],
        "backups list": ["backups", "list"],
        "audit verify": ["audit", "verify"],
        "lock set": ["lock", "set", "--password", "secret-123"],
        "lock clear": ["lock", "clear"],
        "deliberations list": ["deliberations", "list"],
        "meetings list": ["meetings", "list"],
        "meetings finalise": ["meetings", "finalise", ids["meeting"], "--on", "2026-11-22"],
        "development list": ["development", "list"],
        "restore": ["restore", "--newest"],
    }


WRITES = {"demo", "lock set", "lock clear", "meetings finalise", "backup", "restore"}
PRINTS = ["check", "backups list", "deliberations list", "meetings list", "development list"]


def _argv(args: list[str], folder: Path, out: Path) -> list[str]:
    return [a.replace("OUT", str(out)) for a in args] + ["--data-dir", str(folder)]


# --- unknown ids ---------------------------------------------------------------------------


UNKNOWN_IDS = [
    ["export", "--branch", UNKNOWN, "-o", "OUT.json"],
    ["report", "roster", "--branch", UNKNOWN, "-o", "OUT.pdf"],
    ["report", "volume", "--branch", UNKNOWN, "--year", "2026", "--quarter", "1", "-o", "OUT.pdf"],
    ["report", "minutes", "--meeting", UNKNOWN, "-o", "OUT.pdf"],
    ["report", "deliberation", "--matter", UNKNOWN, "-o", "OUT.pdf"],
    ["report", "publicity", "--deliberation", UNKNOWN, "-o", "OUT.pdf"],
    ["report", "dossier", "--person", UNKNOWN, "-o", "OUT.pdf"],
    ["report", "development-roster", "--branch", UNKNOWN, "-o", "OUT.pdf"],
    ["meetings", "list", "--branch", UNKNOWN],
    ["meetings", "finalise", UNKNOWN],
    ["deliberations", "list", "--branch", UNKNOWN],
    ["development", "list", "--branch", UNKNOWN],
    ["check", "--branch", UNKNOWN],
    ["restore", "/no/such/backup.sqlite3"],
    ["backups", "list", "--from", "/no/such/folder"],
]


@pytest.mark.parametrize("args", UNKNOWN_IDS, ids=lambda a: " ".join(a[:2]))
def test_unknown_ids_are_refused_in_one_line(demo: Path, tmp_path: Path, args: list[str]) -> None:
    result = run(*_argv(args, demo, tmp_path / "out"))
    if args[:2] == ["backups", "list"]:
        assert result.code == 0 and "共 0 个备份" in result.out, result
        return
    assert_refused(result, 2)
    assert not (tmp_path / "out.pdf").exists() and not (tmp_path / "out.json").exists()
    assert _leftovers(tmp_path) == []


def test_finalising_a_finalised_record_is_refused(demo: Path) -> None:
    ids = _ids(demo)
    result = run("meetings", "finalise", ids["finalised"], "--data-dir", str(demo))
    assert_refused(result, 2, "定稿")


def test_every_command_does_its_work_on_the_demo(demo: Path, tmp_path: Path) -> None:
    """The passing case of the matrix: every command, exit 0 (1: findings, for check)."""
    ids = _ids(demo)
    for name, args in commands(ids).items():
        if name.startswith("lock"):  # its passing cases are the app lock's own tests
            continue
        result = run(*_argv(args, demo, tmp_path / name.replace(" ", "-")))
        assert result.code in ((0, 1) if name == "check" else (0,)), (name, result)
        assert "Traceback" not in result.err
    assert _leftovers(tmp_path) == []


# --- outputs ---------------------------------------------------------------------------------

OUTPUTS = [
    name
    for name in commands(dict.fromkeys(("meeting", "deliberation", "person"), UNKNOWN))
    if name == "export" or name.startswith("report")
]


@pytest.mark.parametrize("name", OUTPUTS)
def test_an_output_into_a_missing_folder_or_onto_a_folder_is_refused(
    demo: Path, tmp_path: Path, name: str
) -> None:
    args = commands(_ids(demo))[name]
    for out, word in (
        (tmp_path / "missing" / "x", "不存在"),
        (tmp_path / "a-folder", "文件夹"),
    ):
        if word == "文件夹":
            for suffix in (".pdf", ".json"):
                (tmp_path / f"a-folder{suffix}").mkdir(exist_ok=True)
        result = run(*_argv(args, demo, out))
        assert_refused(result, 2, word)
    assert _leftovers(tmp_path) == []


# --- a closed pipe ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pipe")
@pytest.mark.parametrize("name", PRINTS)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    demo: Path, tmp_path: Path, name: str
) -> None:
    """``villagebook meetings list | head -1``: the reader closes before the output is written."""
    args = commands(_ids(demo))[name]
    command = [sys.executable, "-m", "villagebook", *_argv(args, demo, tmp_path / "x")]
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)
    reader.wait()  # gone before the command writes its first line
    assert reader.stdin is not None
    done = subprocess.run(command, stdout=reader.stdin, stderr=subprocess.PIPE, text=True)
    reader.stdin.close()
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


# --- malformed rules ------------------------------------------------------------------------------

BAD_RULES = {
    "not JSON": "{not json",
    "not an object": "[1, 2]",
    "unknown key": '{"params": {"MTG-GENERAL-Q.per_quater": 1}}',
    "unknown top key": '{"parms": {}}',
    "not a number": '{"params": {"MTG-GENERAL-Q.per_quarter": "one"}}',
    "negative": '{"params": {"MTG-GENERAL-Q.per_quarter": -1}}',
    "params a list": '{"params": [1]}',
    "name a number": '{"name": 5}',
}


@pytest.mark.parametrize("content", list(BAD_RULES.values()), ids=list(BAD_RULES))
def test_a_malformed_rule_file_is_refused_in_one_line(
    demo: Path, tmp_path: Path, content: str
) -> None:
    rules = tmp_path / "county.json"
    rules.write_text(content, encoding="utf-8")
    assert_refused(run("check", "--rules", str(rules), "--data-dir", str(demo)), 2, "county.json")
    (demo / "rules.json").write_text(content, encoding="utf-8")
    for args in (["check"], ["development", "list"]):
        assert_refused(run(*args, "--data-dir", str(demo)), 2, "rules.json")


def test_a_good_rule_file_is_used(demo: Path, tmp_path: Path) -> None:
    rules = tmp_path / "county.json"
    rules.write_text(
        '{"name": "县规则", "version": "2026.2", "params": {"MTG-GENERAL-Q.per_quarter": 2}}',
        encoding="utf-8",
    )
    result = run("check", "--rules", str(rules), "--data-dir", str(demo))
    assert result.code in (0, 1) and "县规则（2026.2）" in result.out
    assert_refused(run("check", "--rules", str(tmp_path / "none.json"), "--data-dir", str(demo)), 2)
    assert_refused(run("check", "--rules", str(tmp_path), "--data-dir", str(demo)), 2)


# --- a damaged database, a database from a newer VillageBook -------------------------------------


def _damage(folder: Path) -> None:
    from tests.unit.storage.test_integrity import damage

    damage(folder / "villagebook.sqlite3")


def _newer(folder: Path) -> None:
    conn = sqlite3.connect(folder / "villagebook.sqlite3")
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()


@pytest.mark.parametrize("spoil", [_damage, _newer], ids=["damaged", "newer"])
def test_every_command_on_a_database_it_cannot_open_says_so_in_one_line(
    demo: Path, tmp_path: Path, spoil: object
) -> None:
    ids = _ids(demo)
    assert callable(spoil)
    spoil(demo)
    before = (demo / "villagebook.sqlite3").read_bytes()
    word = "已损坏" if spoil is _damage else "更新版本"
    for name, args in commands(ids).items():
        result = run(*_argv(args, demo, tmp_path / name.replace(" ", "-")))
        if name == "backups list" or (name in ("backup", "audit verify") and spoil is _newer):
            assert result.code == 0, result  # files are read whatever their schema
            continue
        if name == "restore":  # no backup to go back to
            assert_refused(result, 3, "备份")
            continue
        assert_refused(result, 3, word)
    assert (demo / "villagebook.sqlite3").read_bytes() == before
    assert _leftovers(tmp_path, demo) == []


# --- read-only folders, a full disk (a small tmpfs, as in test_storage_failures) -----------------


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Path]:
    from tests.integration.hostile.test_storage_failures import _tmpfs

    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    with _tmpfs(tmp_path / "mnt", "8m") as mounted:
        yield mounted


def _remount(mount: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True)


@pytest.mark.slow
def test_a_read_only_data_folder_reads_and_refuses_writes_in_one_line(
    demo: Path, mount: Path, tmp_path: Path
) -> None:
    folder = mount / "data"
    shutil.copytree(demo, folder)
    ids = _ids(folder)
    _remount(mount, "ro")
    try:
        for name, args in commands(ids).items():
            result = run(*_argv(args, folder, tmp_path / name.replace(" ", "-")))
            # Every report is signed and entered in the log of issued reports (issue 13):
            # on a read-only folder it is refused like any other write.
            if name in WRITES or name.startswith("report "):
                if name == "restore":
                    assert_refused(result, 3, "备份")
                else:
                    assert_refused(result, 3, "只读")
            else:
                assert result.code in ((0, 1) if name in ("check",) else (0,)), (name, result)
    finally:
        _remount(mount, "rw")
    assert _leftovers(tmp_path, folder) == []


@pytest.mark.slow
def test_outputs_and_backups_into_a_read_only_folder_are_refused(demo: Path, mount: Path) -> None:
    ids = _ids(demo)
    _remount(mount, "ro")
    try:
        for name in [*OUTPUTS, "backup"]:
            args = commands(ids)[name]
            if name == "backup":
                args = [*args, "--to", str(mount)]
            assert_refused(run(*_argv(args, demo, mount / "out")), 3, "只读")
    finally:
        _remount(mount, "rw")
    assert _leftovers(mount, demo) == []


@pytest.mark.slow
def test_outputs_and_backups_onto_a_full_disk_leave_nothing_behind(demo: Path, mount: Path) -> None:
    ids = _ids(demo)
    filler = mount / "filler"
    with filler.open("wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    for name in [*OUTPUTS, "backup"]:
        args = commands(ids)[name]
        if name == "backup":
            args = [*args, "--to", str(mount)]
        assert_refused(run(*_argv(args, demo, mount / "out")), 3, "磁盘")
    assert sorted(p.name for p in mount.iterdir()) in (
        ["filler"],
        ["VillageBook-backups", "filler"],
    )
    assert _leftovers(mount, demo) == []
