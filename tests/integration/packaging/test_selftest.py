"""``villagebook --self-test``: the whole run from a clean process, and its failure reporting."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from villagebook import selftest
from villagebook.app import main
from villagebook.ui import selftest_gui

NAMES = [name for name, _check in (*selftest.CHECKS, *selftest_gui.CHECKS)]


def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-m", "villagebook", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split()[1] for line in lines if line.startswith("PASS ")] == NAMES
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1] == f"{len(NAMES)} passed, 0 failed"
    assert "platform offscreen" in result.stdout
    # The user's data folder (here the test's default one) was never created.
    assert not (tmp_path / "default-data").exists()


def _broken(_ctx: selftest.SelfTest) -> str:
    raise selftest.CheckFailed("字体缺失")


def _crashing(_ctx: selftest.SelfTest) -> str:
    raise KeyError("boom")


def test_failures_are_reported_one_line_each_and_the_run_goes_on() -> None:
    lines: list[str] = []
    checks = [("python", selftest.check_python), ("font", _broken), ("crash", _crashing)]
    results = selftest.run_checks(checks, out=lines.append)
    assert [r.ok for r in results] == [True, False, False]
    assert lines[0].startswith("PASS python")
    assert lines[1] == "FAIL font: 字体缺失"
    assert lines[2].startswith("FAIL crash: KeyError: 'boom' at test_selftest.py:")


def test_a_later_check_fails_cleanly_when_the_database_is_missing() -> None:
    lines: list[str] = []
    selftest.run_checks([("demo", selftest.check_demo)], out=lines.append)
    assert lines == ["FAIL demo: 数据库未创建（前面的检查失败）"]


def test_cli_flag_exits_1_when_a_check_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "CHECKS", (("python", selftest.check_python), ("x", _broken)))
    monkeypatch.setattr(selftest_gui, "CHECKS", ())
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["FAIL x: 字体缺失", "1 passed, 1 failed"]


def test_cli_flag_exits_0_when_all_pass(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "CHECKS", (("python", selftest.check_python),))
    monkeypatch.setattr(selftest_gui, "CHECKS", ())
    assert main(["--self-test"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 passed, 0 failed"


def test_importing_the_self_test_loads_no_qt() -> None:
    code = (
        "import sys, villagebook.selftest\n"
        "print(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_postgresql_addon_is_reported_not_required(monkeypatch: pytest.MonkeyPatch) -> None:
    assert selftest.postgresql_addon().startswith("INFO postgresql-addon: present")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    assert selftest.postgresql_addon() == (
        "INFO postgresql-addon: not installed (only a county server needs it)"
    )
