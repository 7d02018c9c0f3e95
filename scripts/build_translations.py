"""Compile the Qt Linguist sources (resources/i18n/<lang>/*.ts) into one .qm per language.

The .qm files are build products: built here, never committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def lrelease() -> str:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    if exe.exists():
        return str(exe)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found; install PySide6-Essentials")
    return found


def main() -> int:
    tool = lrelease()
    for lang_dir in sorted(p for p in I18N.iterdir() if p.is_dir()):
        sources = sorted(lang_dir.glob("*.ts"))
        if not sources:
            continue
        target = I18N / f"villagebook_{lang_dir.name}.qm"
        newest = max(p.stat().st_mtime for p in sources)
        if target.exists() and target.stat().st_mtime >= newest:
            continue
        cmd = [tool, "-silent", *map(str, sources), "-qm", str(target)]
        subprocess.run(cmd, check=True)
        print(f"translations: {target.relative_to(ROOT)} from {len(sources)} source(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
