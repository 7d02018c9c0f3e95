"""The core never imports PySide6 (STYLE.md): checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import villagebook

CORE = ("domain", "storage", "services", "reports")


def core_modules() -> list[str]:
    names = ["villagebook", "villagebook.cli", "villagebook.paths"]
    for info in pkgutil.walk_packages(villagebook.__path__, "villagebook."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] in CORE and "migrations" not in parts:
            names.append(info.name)
    return names


def test_core_modules_found() -> None:
    modules = core_modules()
    assert "villagebook.services.roster.queries" in modules
    assert "villagebook.reports.base" in modules
    assert not any(m.startswith("villagebook.ui") for m in modules)


def test_importing_the_core_loads_no_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout}"


def test_the_check_would_catch_a_leak() -> None:
    code = "import sys, PySide6.QtCore; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
