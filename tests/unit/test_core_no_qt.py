"""The core never imports PySide6 (STYLE.md): checked in fresh interpreters.

Importing every core module is not enough: a function-level import hides until the function
runs.  So the second test also *runs* every core entry point (the CLI commands and the
self-test's core checks, with no display) and then looks at ``sys.modules``.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import villagebook

CORE = ("domain", "storage", "services", "reports", "cli")
QT = ("PySide6", "shiboken6")


def core_modules() -> list[str]:
    names = ["villagebook", "villagebook.paths", "villagebook.language", "villagebook.selftest"]
    for info in pkgutil.walk_packages(villagebook.__path__, "villagebook."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] in CORE and "migrations" not in parts:
            names.append(info.name)
    return names


def _run(code: str, tmp_path: Path) -> dict[str, object]:
    env = {"VILLAGEBOOK_DATA_DIR": str(tmp_path / "default"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_core_modules_found() -> None:
    modules = core_modules()
    assert "villagebook.services.roster.queries" in modules
    assert "villagebook.reports.base" in modules
    assert "villagebook.cli.common" in modules
    assert not any(m.startswith("villagebook.ui") for m in modules)


def test_importing_the_core_loads_no_pyside6(tmp_path: Path) -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(json.dumps({'qt': qt}))\n"
    )
    assert _run(code, tmp_path) == {"qt": []}


def test_running_every_core_entry_point_loads_no_pyside6(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    out = str(tmp_path)
    commands = [
        ["demo", "--data-dir", data],
        ["check", "--data-dir", data],
        ["check", "--json", "--data-dir", data],
        ["export", "-o", f"{out}/export.json", "--data-dir", data],
        ["import", f"{out}/export.json", "--data-dir", f"{out}/imported"],
        ["report", "roster", "-o", f"{out}/roster.pdf", "--data-dir", data],
        ["meetings", "list", "--data-dir", data],
        ["development", "list", "--data-dir", data],
        ["deliberations", "list", "--data-dir", data],
        ["backup", "--data-dir", data],
        ["backups", "list", "--data-dir", data],
        ["audit", "verify", "--data-dir", data],
        ["report", "development-roster", "-o", f"{out}/dev.pdf", "--data-dir", data],
    ]
    code = (
        "import contextlib, io, json, sys\n"
        "from villagebook import app, selftest\n"
        "codes = []\n"
        f"for argv in {commands!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        codes.append(app.main(argv))\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    results = selftest.run_checks(selftest.CHECKS)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(json.dumps({'codes': codes, 'selftest': [r.ok for r in results], 'qt': qt}))\n"
    )
    found = _run(code, tmp_path)
    assert found["qt"] == []
    assert all(c in (0, 1) for c in found["codes"]), found["codes"]  # 1: findings exist
    assert found["selftest"] and all(found["selftest"])
