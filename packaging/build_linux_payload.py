"""The Windows payload's layout, built for Linux, run with ``--self-test``.

    .venv/bin/python packaging/build_linux_payload.py [TARGET]   # default /tmp/villagebook-payload

Same steps as the Windows build (wheels unpacked into lib/, villagebook's wheel and
resources into app/, the same pruning), but with this machine's wheels and its system
``python3`` instead of the embeddable CPython.  The target lies outside the source tree and
the launcher runs Python with -P -s (no current folder, no user site on sys.path), so a
passing self-test proves the installed layout finds its code and resources by itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_windows import build_translations, build_villagebook_wheel, pip, saved_files
from payload import (
    CACHE,
    ROOT,
    folder_size,
    log,
    prune,
    stage_app,
    unpack_wheel,
)

DEFAULT_TARGET = Path("/tmp/villagebook-payload")
LAUNCHER = """#!/bin/sh
# VillageBook from the unpacked payload: app/ and lib/ first on sys.path, nothing else added.
here=$(dirname "$(readlink -f "$0")")
PYTHONPATH="$here/app:$here/lib" exec "${PYTHON:-python3}" -P -s -m villagebook "$@"
"""


def fetch_linux_wheels(python: str) -> list[Path]:
    """This platform's wheels of requirements/payload-linux.txt for the target's X.Y."""
    version = subprocess.run(
        [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    folder = CACHE / f"wheels-linux-cp{version.replace('.', '')}"
    folder.mkdir(parents=True, exist_ok=True)
    out = pip(
        "download",
        "--only-binary=:all:",
        f"--python-version={version}",
        "--no-deps",
        "--require-hashes",
        "-r",
        str(ROOT / "requirements" / "payload-linux.txt"),
        "-d",
        str(folder),
    )
    return saved_files(out, folder)


def stage(target: Path, python: str) -> Path:
    if ROOT in target.resolve().parents or target.resolve() == ROOT:
        raise SystemExit("the payload must lie outside the source tree")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for wheel in fetch_linux_wheels(python):
        unpack_wheel(wheel, target / "lib")
    build_translations()
    stage_app(build_villagebook_wheel(), target / "app")
    report = prune(target / "lib")
    launcher = target / "villagebook"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    log(f"Linux payload {target}: {folder_size(target) >> 20} MB, pruned {report.bytes >> 20} MB")
    return launcher


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", nargs="?", type=Path, default=DEFAULT_TARGET)
    parser.add_argument("--python", default="/usr/bin/python3", help="the interpreter to run")
    args = parser.parse_args(argv)
    launcher = stage(args.target, args.python)
    env = {"PYTHON": args.python, "PATH": "/usr/bin:/bin"}
    for name in ("HOME", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR", "LANG"):
        value = os.environ.get(name)
        if value:
            env[name] = value
    log(f"running {launcher} --self-test with {args.python}")
    return subprocess.run([str(launcher), "--self-test"], cwd="/", env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
